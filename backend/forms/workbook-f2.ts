/**
 * F2 — “全民终身学习推进周”活动项目安排表 (seed 002, attachment 2): a plan before the week
 * (参加人数 = expected) or a summary after it (参加人数 = people who came), said in a note row.
 */
import type { F2Data } from '../../types/forms';
import { peopleNote } from './workbook-f1';
import {
  fitRow,
  FONT_NAME,
  label,
  newSheet,
  put,
  putCounted,
  setupA4Portrait,
  spanWidth,
  TITLE_FONT,
  toBuffer,
} from './style';

export const F2_SHEET = '活动项目安排表';
export const F2_HEADER = ['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间'];
export const F2_MODE_NOTE = {
  plan: '计划表（参加人数为预计人数）',
  actual: '总结表（参加人数为实际到场人数）',
} as const;
const WIDTHS = [20, 34, 10, 18, 20];
const COLS = WIDTHS.length;
const BLANK = '__________';

export async function renderF2(data: F2Data): Promise<Buffer> {
  const { wb, ws } = newSheet(F2_SHEET, WIDTHS);

  put(ws, 1, 1, 1, COLS, data.title, { align: 'center', border: false, font: TITLE_FONT });
  ws.getRow(1).height = 34;
  put(ws, 2, 1, 2, COLS, F2_MODE_NOTE[data.mode], {
    align: 'center',
    border: false,
    font: { name: FONT_NAME, size: 10 },
  });
  put(ws, 3, 1, 3, 2, `单位名称 ${data.unitName || BLANK}（盖章）`, { border: false });
  put(ws, 3, 3, 3, 4, `联系人 ${data.contactName || BLANK}`, { border: false });
  put(ws, 3, 5, 3, 5, `联系电话 ${data.contactPhone || BLANK}`, { border: false });
  fitRow(ws, 3, [{ text: `单位名称 ${data.unitName}（盖章）`, width: spanWidth(WIDTHS, 1, 2) }]);

  const headerRow = 4;
  F2_HEADER.forEach((text, i) => label(ws, headerRow, i + 1, headerRow, i + 1, text));
  ws.getRow(headerRow).height = 24;

  let r = headerRow + 1;
  for (const row of data.rows) {
    put(ws, r, 1, r, 1, row.title);
    put(ws, r, 2, r, 2, row.content);
    putCounted(ws, r, 3, r, 3, row.participants);
    put(ws, r, 4, r, 4, row.venue, { align: 'center' });
    put(ws, r, 5, r, 5, row.time, { align: 'center' });
    fitRow(ws, r, [
      { text: row.title, width: WIDTHS[0] },
      { text: row.content, width: WIDTHS[1] },
      { text: row.venue, width: WIDTHS[3] },
      { text: row.time, width: WIDTHS[4] },
    ]);
    r += 1;
  }

  label(ws, r, 1, r, 1, '合计');
  const unit = data.mode === 'plan' ? '预计人数' : `参加人数单位：人次${peopleNote(data.people)}`;
  put(ws, r, 2, r, 2, `共 ${data.rows.length} 项活动；${unit}`, { align: 'center' });
  putCounted(ws, r, 3, r, 3, data.total);
  put(ws, r, 4, r, COLS, null);
  ws.getRow(r).height = 24;

  setupA4Portrait(ws, headerRow);
  return toBuffer(wb);
}
