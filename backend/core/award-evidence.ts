/**
 * Evidence for the judged criteria of the organisation award, taken from what an org handed in
 * through the reporting chain (上报任务) to the level that evaluates it. Pure: the use case
 * (usecases/award-evidence.ts) loads the tasks and submissions.
 *
 * - 领导重视、保障有力 (`leadership`): the plan and the documents — text items (方案, 总结) with
 *   their length and opening, counted forms handed in as a plan (活动项目安排表), stamped scans.
 * - 宣传有力 (`publicity`): what shows the week to the public — photos, videos, typical cases.
 *
 * Only the latest version of a submission counts; its state (submitted, returned, approved) is
 * kept with each entry.
 */
import type { SubmittedEvidence } from '../../types/awards';
import type { Answer, ReportItem, ReportSubmission, ReportTask } from '../../types/reporting';

export interface EvidenceByCriterion {
  leadership: SubmittedEvidence[];
  publicity: SubmittedEvidence[];
}

/** How much of a text the sheet shows. */
export const EXCERPT_CHARS = 120;

type Entry = Pick<SubmittedEvidence, 'kind' | 'title' | 'excerpt' | 'fileId'> & {
  criterion: keyof EvidenceByCriterion;
};

/** Characters of a text without whitespace (the reporting rules' 字). */
const charCount = (text: string) => Array.from(text.replace(/\s/g, '')).length;

function entriesOf(item: ReportItem, answer: Answer): Entry[] {
  const label = item.label;
  switch (answer.kind) {
    case 'text':
      return [
        {
          criterion: 'leadership',
          kind: 'text',
          title: `${label}（${charCount(answer.text)}字）`,
          excerpt: Array.from(answer.text.trim()).slice(0, EXCERPT_CHARS).join(''),
        },
      ];
    case 'form':
      return item.kind === 'form' && item.mode === 'plan'
        ? [{ criterion: 'leadership', kind: 'form', title: `${label}（计划${answer.figures.eventsScheduled}场）` }]
        : [];
    case 'scan':
      return [
        { criterion: 'leadership', kind: 'file', title: `${label}：${answer.file.name}`, fileId: answer.file.fileId },
      ];
    case 'photos': {
      const photos: Entry[] = answer.photos.map((p, i) => ({
        criterion: 'publicity',
        kind: 'photo',
        title: `${label} ${i + 1}${p.caption ? `：${p.caption}` : ''}`,
        fileId: p.fileId,
      }));
      const video: Entry[] = answer.video
        ? [{ criterion: 'publicity', kind: 'video', title: `${label}（视频）`, fileId: answer.video.fileId }]
        : [];
      return [...photos, ...video];
    }
    case 'video':
      return [{ criterion: 'publicity', kind: 'video', title: `${label}（视频）`, fileId: answer.video.fileId }];
    case 'cases':
      return answer.cases.map((c) => ({ criterion: 'publicity', kind: 'case', title: `${label}：${c.title}` }));
  }
}

/** The evidence in the latest version of one org's submission to a task. */
export function evidenceOf(task: ReportTask, submission: ReportSubmission): EvidenceByCriterion {
  const out: EvidenceByCriterion = { leadership: [], publicity: [] };
  const latest = submission.versions[submission.versions.length - 1];
  if (!latest) return out;
  for (const item of task.items) {
    const answer = latest.answers[item.key];
    if (!answer) continue;
    for (const { criterion, ...entry } of entriesOf(item, answer)) {
      out[criterion].push({
        ...entry,
        task: task.title,
        status: submission.status,
        submittedAt: latest.submittedAt,
      });
    }
  }
  return out;
}

/** Puts the evidence of several submissions together. */
export function mergeEvidence(parts: readonly EvidenceByCriterion[]): EvidenceByCriterion {
  return {
    leadership: parts.flatMap((p) => p.leadership),
    publicity: parts.flatMap((p) => p.publicity),
  };
}
