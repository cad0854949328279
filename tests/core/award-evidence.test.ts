/**
 * Which handed-in items count as evidence for which judged criterion of the organisation award,
 * from the latest version of a submission only.
 */
import { evidenceOf } from '../../backend/core/award-evidence';
import type { ReportSubmission, ReportTask } from '../../types/reporting';

const task: ReportTask = {
  id: 't1',
  issuerOrgId: 'city',
  title: '活动总结',
  deadline: '2026-11-23',
  closesOn: null,
  campaignId: null,
  targetKind: 'district',
  targetOrgIds: ['d1'],
  items: [
    { kind: 'text', key: 'summary', label: '活动总结', required: true, minChars: 10, maxChars: 5000 },
    { kind: 'form', key: 'f3', label: '活动周总结表', required: true, form: 'F3', mode: 'actual' },
    {
      kind: 'photos',
      key: 'photos',
      label: '活动照片',
      required: true,
      count: 2,
      minWidth: 1280,
      minHeight: 720,
      orVideoSeconds: 180,
    },
    { kind: 'video', key: 'video', label: '宣传片', required: false, maxSeconds: 180 },
  ],
  preset: null,
  createdAt: 0,
  createdBy: 'x',
};

const file = (name: string) => ({ fileId: `cloud://x/${name}`, name, mime: 'image/jpeg', size: 1 });

function submission(versions: ReportSubmission['versions']): ReportSubmission {
  return {
    id: 't1_d1',
    taskId: 't1',
    orgId: 'd1',
    status: 'approved',
    versions,
    returnReason: null,
    decidedAt: 1,
    decidedBy: 'city',
    revision: versions.length,
  };
}

describe('evidence from a submission', () => {
  it('reads only the latest version; an actual-figures form is counted, not evidence', () => {
    const first = {
      n: 1,
      answers: { summary: { kind: 'text' as const, text: '第一稿，篇幅不够。' } },
      submittedAt: 100,
      submittedBy: 'a',
      late: false,
    };
    const second = {
      n: 2,
      answers: {
        summary: { kind: 'text' as const, text: '全区 共举办 活动' },
        f3: {
          kind: 'form' as const,
          form: 'F3' as const,
          figures: { eventsScheduled: 3, eventsHeld: 3, attendance: 9, distinctPeople: 9, people: [] },
          fields: {},
          frozenAt: 1,
        },
        photos: { kind: 'photos' as const, photos: [file('a.jpg')], video: file('v.mp4') },
        video: { kind: 'video' as const, video: file('promo.mp4') },
      },
      submittedAt: 200,
      submittedBy: 'a',
      late: false,
    };
    const found = evidenceOf(task, submission([first, second]));
    // 字 without whitespace: 全区共举办活动 = 7.
    expect(found.leadership).toEqual([
      {
        kind: 'text',
        title: '活动总结（7字）',
        excerpt: '全区 共举办 活动',
        task: '活动总结',
        status: 'approved',
        submittedAt: 200,
      },
    ]);
    expect(found.publicity.map((e) => [e.kind, e.title, e.fileId])).toEqual([
      ['photo', '活动照片 1', 'cloud://x/a.jpg'],
      ['video', '活动照片（视频）', 'cloud://x/v.mp4'],
      ['video', '宣传片（视频）', 'cloud://x/promo.mp4'],
    ]);
  });

  it('has nothing to show for a submission without versions', () => {
    expect(evidenceOf(task, submission([]))).toEqual({ leadership: [], publicity: [] });
  });
});
