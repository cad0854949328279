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

/** The seed's groups, in order, each with its row labels. */
export function f3Groups(data: F3Data): { group: string; rows: [string, Value][] }[] {
  return [
    {
      group: '组织领导',
      rows: [
        ['下发活动文件的部门', data.leadership.issuingDepartment],
        ['出席活动（开幕式）的领导', data.leadership.attendingLeaders],
        ['具体协调部门', data.leadership.coordinatingDepartment],
        ['制定活动方案部门', data.leadership.planningDepartment],
      ],
    },
    {
      group: '活动参与情况',
      rows: [
        ['全市区数及参与活动的数量', data.participation.areas],
        ['主会场及分会场数量', data.participation.venues],
        ['参加活动人数', data.participation.participants],
        ['有特色的活动', data.participation.highlights],
      ],
    },
    {
      group: '活动主题与内容',
      rows: [
        ['活动主题', data.themeAndContent.theme],
        ['活动内容', data.themeAndContent.content],
        ['活动成效', data.themeAndContent.results],
        ['活动时间', data.themeAndContent.period],
      ],
    },
    {
      group: '活动的群众性',
      rows: [
        ['活动范围（包括参与活动的街道、企事业单位等）', data.reach.scope],
        ['群众满意度', data.reach.satisfaction],
        ['自我评价', data.reach.selfAssessment],
      ],
    },
    {
      group: '宣传报道',
      rows: [
        ['宣传范围', data.publicity.range],
        ['文字报道', data.publicity.articles],
        ['影像图片报道', data.publicity.media],
      ],
    },
  ];
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
