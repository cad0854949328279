/**
 * The organisation award's decision list as a workbook (exceljs): run by the `exports`
 * function, so that the organizer function never bundles exceljs.
 */
import { fail } from '../core/errors';
import { fileSafe, renderList } from '../forms/workbook-list';
import type { PublishedFile } from '../store/files';
import type { Caller, Deps } from './context';
import { awardSheets, DECISION_LABELS } from './award';
import { callerCampaign } from './sampling';

const percent = (x: number | null | undefined) => (x == null ? '' : `${(x * 100).toFixed(1)}%`);

export const DECISION_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 18, left: true },
  { header: '活动场次', width: 9 },
  { header: '参与单位数', width: 10 },
  { header: '参与人次', width: 9 },
  { header: '活动类别数', width: 10 },
  { header: '服务对象类别数', width: 12 },
  { header: '抽样满意度', width: 10 },
  { header: '95%置信区间', width: 14 },
  { header: '样本量/应答率', width: 13 },
  { header: '领导重视评分', width: 11 },
  { header: '宣传有力评分', width: 11 },
  { header: '评审意见', width: 24, left: true },
  { header: '评定结果', width: 11 },
];

export async function exportDecisions(deps: Deps, caller: Caller, campaignId?: string): Promise<PublishedFile> {
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const campaign = await callerCampaign(deps, caller, campaignId);
  const views = await awardSheets(deps, caller, campaign.id);
  const rows = views.map((v, i) => {
    const s = v.counted.sampled;
    return [
      i + 1,
      v.org.name,
      v.counted.figures.eventsHeld,
      v.counted.unitsTakingPart,
      v.counted.figures.attendance,
      v.counted.categories,
      v.counted.audiences,
      percent(s?.rate),
      s?.interval ? `${percent(s.interval.low)}–${percent(s.interval.high)}` : '',
      s ? `${s.sampleSize}/${percent(s.responseRate)}` : '未抽样',
      v.sheet.scores.leadership?.score ?? '',
      v.sheet.scores.publicity?.score ?? '',
      [v.sheet.scores.leadership?.comment, v.sheet.scores.publicity?.comment].filter(Boolean).join('；'),
      v.sheet.decision ? DECISION_LABELS[v.sheet.decision] : '未评定',
    ];
  });
  const bytes = await renderList('评定结果', `${campaign.name} 优秀组织奖评定结果`, DECISION_COLUMNS, rows);
  return deps.files.publish(`${fileSafe(campaign.id)}-组织奖评定结果.xlsx`, bytes);
}
