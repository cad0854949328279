/**
 * The raw attendance export: one line per check-in, a title row, a frozen header and an
 * autofilter, so that the unit can sort, filter and recount by hand.
 */
import type { AttendanceLine } from '../../types/forms';
import { renderList } from './workbook-list';

export const ATTENDANCE_SHEET = '签到明细';
export const ATTENDANCE_HEADER = ['活动', '日期', '签到时间', '姓名', '手机号', '人数', '方式', '离线', '报名信息'];
const WIDTHS = [30, 12, 10, 12, 15, 7, 10, 7, 36];

export async function renderAttendance(title: string, lines: AttendanceLine[]): Promise<Buffer> {
  return renderList(
    ATTENDANCE_SHEET,
    title,
    ATTENDANCE_HEADER.map((header, i) => ({ header, width: WIDTHS[i], left: i === 0 || i === 8 })),
    lines.map((line) => [
      line.eventTitle,
      line.day,
      line.time,
      line.name,
      line.phone,
      line.party,
      line.method,
      line.offline ? '是' : '',
      line.answers,
    ]),
  );
}
