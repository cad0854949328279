/**
 * The raw attendance export: one line per check-in, a title row, a frozen header and an
 * autofilter, so that the unit can sort, filter and recount by hand.
 */
import type { AttendanceLine } from '../../types/forms';
import { label, newSheet, put, setupA4Portrait, TITLE_FONT, toBuffer } from './style';

export const ATTENDANCE_SHEET = '签到明细';
export const ATTENDANCE_HEADER = ['活动', '日期', '签到时间', '姓名', '手机号', '人数', '方式', '离线'];
const WIDTHS = [30, 12, 10, 12, 15, 7, 10, 7];
const COLS = WIDTHS.length;

export async function renderAttendance(title: string, lines: AttendanceLine[]): Promise<Buffer> {
  const { wb, ws } = newSheet(ATTENDANCE_SHEET, WIDTHS);

  put(ws, 1, 1, 1, COLS, title, { align: 'center', border: false, font: TITLE_FONT });
  ws.getRow(1).height = 30;
  const headerRow = 2;
  ATTENDANCE_HEADER.forEach((text, i) => label(ws, headerRow, i + 1, headerRow, i + 1, text));

  let r = headerRow + 1;
  for (const line of lines) {
    const values = [
      line.eventTitle,
      line.day,
      line.time,
      line.name,
      line.phone,
      line.party,
      line.method,
      line.offline ? '是' : '',
    ];
    values.forEach((value, i) => put(ws, r, i + 1, r, i + 1, value, { align: i === 0 ? 'left' : 'center' }));
    r += 1;
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, r - 1), column: COLS } };
  setupA4Portrait(ws, headerRow);
  return toBuffer(wb);
}
