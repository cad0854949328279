/**
 * F3 — 南昌市全民终身学习活动周总结表 (seed 003, attachment): two columns of labels and values,
 * with the group labels (组织领导, 活动参与情况, …) merged down the left.
 */
import type { Counted, F3Data } from '../../types/forms';
import { fitRow, label, newSheet, put, putCounted, setupA4Portrait, spanWidth, TITLE_FONT, toBuffer } from './style';

export const F3_SHEET = '活动周总结表';
export const F3_NOTE = '详细的活动情况总结、活动照片、活动录像请另附。';
const WIDTHS = [8, 28, 56];
const COLS = WIDTHS.length;

type Value = string | Counted<string>;

type Section = 'leadership' | 'participation' | 'themeAndContent' | 'reach' | 'publicity';

/** The seed's groups, in order: a section of the data each, with its rows' labels by field, in order. */
const GROUPS: { [S in Section]: { group: string; labels: Record<keyof F3Data[S], string> } } = {
  leadership: {
    group: '组织领导',
    labels: {
      issuingDepartment: '下发活动文件的部门',
      attendingLeaders: '出席活动（开幕式）的领导',
      coordinatingDepartment: '具体协调部门',
      planningDepartment: '制定活动方案部门',
    },
  },
  participation: {
    group: '活动参与情况',
    labels: {
      areas: '全市区数及参与活动的数量',
      venues: '主会场及分会场数量',
      participants: '参加活动人数',
      highlights: '有特色的活动',
    },
  },
  themeAndContent: {
    group: '活动主题与内容',
    labels: { theme: '活动主题', content: '活动内容', results: '活动成效', period: '活动时间' },
  },
  reach: {
    group: '活动的群众性',
    labels: {
      scope: '活动范围（包括参与活动的街道、企事业单位等）',
      satisfaction: '群众满意度',
      selfAssessment: '自我评价',
    },
  },
  publicity: { group: '宣传报道', labels: { range: '宣传范围', articles: '文字报道', media: '影像图片报道' } },
};

/** The seed's groups, in order, each with its rows: label and value. */
export function f3Groups(data: F3Data): { group: string; rows: [string, Value][] }[] {
  return (Object.keys(GROUPS) as Section[]).map((section) => {
    const { group, labels } = GROUPS[section];
    const values: Record<string, Value> = data[section];
    return { group, rows: Object.entries<string>(labels).map(([key, text]) => [text, values[key]]) };
  });
}

function valueRow(ws: Parameters<typeof put>[0], r: number, c1: number, text: string, value: Value): void {
  const c1Width = spanWidth(WIDTHS, c1, 2);
  label(ws, r, c1, r, 2, text);
  if (typeof value === 'string') put(ws, r, 3, r, 3, value);
  else putCounted(ws, r, 3, r, 3, value, 'left');
  const shown = typeof value === 'string' ? value : value.value;
  fitRow(ws, r, [
    { text, width: c1Width },
    { text: shown, width: WIDTHS[2] },
  ]);
}

export async function renderF3(data: F3Data): Promise<Buffer> {
  const { wb, ws } = newSheet(F3_SHEET, WIDTHS);

  put(ws, 1, 1, 1, COLS, data.title, { align: 'center', border: false, font: TITLE_FONT });
  ws.getRow(1).height = 36;

  valueRow(ws, 2, 1, '举办县区', data.district);
  valueRow(ws, 3, 1, '主办单位及协办单位：', data.hostsAndCoHosts);

  let r = 4;
  for (const { group, rows } of f3Groups(data)) {
    const first = r;
    for (const [text, value] of rows) {
      valueRow(ws, r, 2, text, value);
      r += 1;
    }
    label(ws, first, 1, r - 1, 1, group);
  }

  valueRow(ws, r, 1, '其他', data.other);
  r += 1;
  put(ws, r, 1, r, COLS, F3_NOTE, { border: false });
  ws.getRow(r).height = 24;

  setupA4Portrait(ws);
  return toBuffer(wb);
}
