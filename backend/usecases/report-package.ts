/**
 * Everything of a reporting task as one .zip (fflate), organised by org: each org's counted
 * forms as workbooks, its texts and cases as .txt, its photos, videos, case images and scans
 * (the uploaded bytes, stored without recompression) with a list of them, and
 * the task's 汇总表.xlsx listing every expected org with its state, dates and figures.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { fail } from '../core/errors';
import { filesOf, TRACKER_LABELS } from '../core/reporting';
import { clockLabel, dayLabel, dayOf } from '../core/time';
import { renderFrozenForm, renderSummary, type SummaryLine } from '../forms/workbook-report';
import type { PublishedFile } from '../store/files';
import type { Answer } from '../../types/reporting';
import type { Caller, Deps } from './context';
import { trackTask } from './reporting';
import { audit } from './audit';
import { readUpload } from './report-files';

const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || '未命名';
const when = (ms: number | null | undefined) => (ms ? `${dayLabel(dayOf(ms))} ${clockLabel(ms)}` : '');

async function answerFiles(
  deps: Deps,
  label: string,
  answer: Answer,
  orgName: string,
  owner: string,
): Promise<Zippable> {
  const out: Zippable = {};
  if (answer.kind === 'form') {
    out[`${safe(label)}.xlsx`] = await renderFrozenForm(
      `${orgName} ${label}`,
      answer.figures,
      answer.fields,
      when(answer.frozenAt),
    );
  } else if (answer.kind === 'text') {
    out[`${safe(label)}.txt`] = strToU8(answer.text);
  } else if (answer.kind === 'cases') {
    answer.cases.forEach((c, i) => {
      out[`${safe(label)}-${i + 1}-${safe(c.title)}.txt`] = strToU8(`${c.title}\n\n${c.text}`);
    });
  }
  const files = filesOf(answer);
  if (files.length > 0) {
    const lines: string[] = [];
    for (const [i, { file, folder }] of files.entries()) {
      // The file itself, under the item and its kind: 照片/1-会场.jpg (numbered: names may repeat).
      const path = `${safe(label)}/${folder}/${i + 1}-${safe(file.name)}`;
      const bytes = await readUpload(deps, file.fileId, owner);
      if (bytes) out[path] = [bytes, { level: 0 }];
      lines.push(
        `${folder}\t${bytes ? path : '（文件已不存在）'}\t${file.caption ?? ''}\t${file.width ?? ''}×${file.height ?? ''}`,
      );
    }
    out[`${safe(label)}-文件清单.txt`] = strToU8(['类别\t文件\t说明\t分辨率', ...lines].join('\n'));
  }
  return out;
}

export async function packageTask(deps: Deps, caller: Caller, taskId: string): Promise<PublishedFile> {
  const view = await trackTask(deps, caller, taskId);
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const zip: Zippable = {};
  const lines: SummaryLine[] = [];
  for (const row of view.rows) {
    const sub = await deps.store.getSubmission(`${view.task.id}_${row.orgId}`);
    lines.push({
      orgName: row.orgName,
      state: TRACKER_LABELS[row.state],
      versions: row.versions,
      firstAt: when(sub?.versions[0]?.submittedAt),
      lastAt: when(row.lastSubmittedAt),
      returnReason: row.returnReason ?? '',
      figures: row.figures,
    });
    const latest = sub?.versions.at(-1);
    if (!latest) continue;
    const folder: Zippable = {};
    for (const item of view.task.items) {
      const answer = latest.answers[item.key];
      if (answer) Object.assign(folder, await answerFiles(deps, item.label, answer, row.orgName, latest.submittedBy));
    }
    zip[safe(row.orgName)] = folder;
  }
  zip['汇总表.xlsx'] = await renderSummary(`${view.task.title} 汇总表`, lines);
  const bytes = zipSync(zip, { level: 6 });
  await audit(deps, caller, view.task.issuerOrgId, 'report.download', view.task.id, `下载 ${view.task.title} 全部材料`);
  return deps.files.publish(`${safe(view.task.title)}.zip`, bytes);
}
