/**
 * Workbooks of a reporting task: the 汇总表 listing every expected org with its state, dates and
 * figures, and one sheet per submitted counted form (its frozen figures and typed fields).
 */
import type { FrozenFigures } from '../../types/reporting';
import { label, newSheet, put, setupA4Portrait, toBuffer } from './style';

export const SUMMARY_SHEET = '汇总表';
export const SUMMARY_HEADERS = [
  '单位',
  '状态',
  '提交次数',
  '首次提交',
  '最近提交',
  '退回原因',
  '活动场次',
  '参加人次',
  '参加人数',
] as const;

export interface SummaryLine {
  orgName: string;
  state: string;
  versions: number;
  firstAt: string;
  lastAt: string;
  returnReason: string;
  figures: FrozenFigures | null;
}

export async function renderSummary(title: string, lines: readonly SummaryLine[]): Promise<Buffer> {
  const { wb, ws } = newSheet(SUMMARY_SHEET, [28, 10, 9, 18, 18, 24, 9, 10, 10]);
  setupA4Portrait(ws, 2);
  put(ws, 1, 1, 1, SUMMARY_HEADERS.length, title, { align: 'center', bold: true });
  SUMMARY_HEADERS.forEach((h, i) => label(ws, 2, i + 1, 2, i + 1, h));
  lines.forEach((l, i) => {
    const r = i + 3;
    const values: (string | number)[] = [
      l.orgName,
      l.state,
      l.versions,
      l.firstAt,
      l.lastAt,
      l.returnReason,
      l.figures?.eventsHeld ?? '',
      l.figures?.attendance ?? '',
      l.figures?.distinctPeople ?? '',
    ];
    values.forEach((v, c) => put(ws, r, c + 1, r, c + 1, v));
  });
  return toBuffer(wb);
}

export async function renderFrozenForm(
  title: string,
  figures: FrozenFigures,
  fields: Readonly<Record<string, string>>,
  frozenAt: string,
): Promise<Buffer> {
  const { wb, ws } = newSheet('统计表', [24, 40]);
  setupA4Portrait(ws);
  put(ws, 1, 1, 1, 2, title, { align: 'center', bold: true });
  const rows: [string, string | number][] = [
    ['上报时冻结于', frozenAt],
    ['活动场次（计划）', figures.eventsScheduled],
    ['活动场次（已举办）', figures.eventsHeld],
    ['参加人次', figures.attendance],
    ['参加人数', figures.distinctPeople],
    ...Object.entries(fields),
  ];
  rows.forEach(([k, v], i) => {
    label(ws, i + 2, 1, i + 2, 1, k);
    put(ws, i + 2, 2, i + 2, 2, v);
  });
  return toBuffer(wb);
}
