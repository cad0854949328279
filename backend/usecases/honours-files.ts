/**
 * The honours' 汇总表 as a workbook (exceljs): run by the `exports` function, so that the
 * resident and organizer functions never bundle exceljs.
 */
import { fail } from '../core/errors';
import { fileSafe, renderList } from '../forms/workbook-list';
import type { PublishedFile } from '../store/files';
import type { Caller, Deps } from './context';
import { kindOf, listNominations, STATUS_LABELS } from './honours';
import { campaignOrLatest } from './sampling';

/** The 汇总表 of one kind: one row per nominee the caller's level sees, with the notice's columns. */
export async function exportHonours(
  deps: Deps,
  caller: Caller,
  input: { campaignId?: string; kindId: string },
): Promise<PublishedFile> {
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const campaign = await campaignOrLatest(deps, input.campaignId);
  const kind = await kindOf(deps, campaign.id, input.kindId);
  const rows = (await listNominations(deps, caller, campaign.id)).filter(
    (r) => r.nomination.kindId === kind.id && r.nomination.status !== 'draft',
  );
  const columns = [
    { header: '序号', width: 6 },
    { header: '推荐单位', width: 18, left: true },
    { header: kind.subject === 'person' || kind.subject === 'volunteer' ? '姓名' : '名称', width: 14 },
    ...kind.columns.map((key) => ({ header: kind.fields.find((f) => f.key === key)?.label ?? key, width: 12 })),
    { header: '事迹简介', width: 40, left: true },
    { header: '状态', width: 9 },
  ];
  const lines = rows.map((r, i) => [
    i + 1,
    r.orgName,
    r.nomination.nomineeName,
    ...kind.columns.map((key) => r.nomination.fields[key] ?? ''),
    [...r.nomination.text].slice(0, 200).join(''),
    STATUS_LABELS[r.nomination.status],
  ]);
  const bytes = await renderList('汇总表', `${campaign.name} ${kind.name}推荐汇总表`, columns, lines);
  return deps.files.publish(`${fileSafe(`${campaign.id}-${kind.name}`)}-汇总表.xlsx`, bytes);
}
