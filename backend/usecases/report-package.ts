/**
 * Everything of a reporting task as one .zip (fflate), organised by org: each org's counted
 * forms as workbooks, its texts and cases as .txt, a list of its photos, videos and scans, and
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

const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || '未命名';
const when = (ms: number | null | undefined) => (ms ? `${dayLabel(dayOf(ms))} ${clockLabel(ms)}` : '');

async function answerFiles(key: string, label: string, answer: Answer, orgName: string): Promise<Zippable> {
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
    const lines = files.map(({ file, folder }) => `${folder}\t${file.name}\t${file.caption ?? ''}\t${file.fileId}`);
    out[`${safe(label)}-文件清单.txt`] = strToU8(['类别\t文件名\t说明\t文件编号', ...lines].join('\n'));
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
      if (answer) Object.assign(folder, await answerFiles(item.key, item.label, answer, row.orgName));
    }
    zip[safe(row.orgName)] = folder;
  }
  zip['汇总表.xlsx'] = await renderSummary(`${view.task.title} 汇总表`, lines);
  const bytes = zipSync(zip, { level: 6 });
  await audit(deps, caller, view.task.issuerOrgId, 'report.download', view.task.id, `下载 ${view.task.title} 全部材料`);
  return deps.files.publish(`${safe(view.task.title)}.zip`, bytes);
}
