/**
 * Reads a unit's 活动项目安排表 (F2 layout) from an .xlsx: finds the header row by its labels in
 * any column order, reads the rows up to a 合计 row or the end, and reports every bad row in
 * Chinese by its sheet row number. Never throws.
 */
import ExcelJS from 'exceljs';
import type { ImportedRow, ImportProblem } from '../../types/forms';
import { normalizeText, parseActivityTime, showDate } from './parse-time';

export const IMPORT_HEADER = ['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间'] as const;
export const NOT_A_WORKBOOK = '文件不是有效的 Excel 工作簿';
export const NO_HEADER = `没有找到表头：${IMPORT_HEADER.join('、')}`;
const HEADER_SEARCH_ROWS = 50;
const LIMITS = { title: 60, content: 500, venue: 100, participants: 100_000 };

type Raw = string | number | Date | null;
type Column = (typeof IMPORT_HEADER)[number];

/** The plain value of a cell: rich text joined, hyperlinks as their text, formulas as their result. */
function raw(value: ExcelJS.CellValue | undefined): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return raw(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : raw(value.text);
  return null;
}

function text(value: Raw): string {
  if (value === null) return '';
  return value instanceof Date ? showDate(value) : String(value).trim();
}

/** A header cell's label: no spaces, no '*', no '（预计）'-style remark. */
function headerKey(value: Raw): string {
  return normalizeText(text(value))
    .replace(/\s+/g, '')
    .replace(/[*]/g, '')
    .replace(/\(.*?\)/g, '');
}

const length = (s: string): number => [...s].length;

/** A cell's plain value without creating the cell (a sheet may be formatted far below its data). */
const valueAt = (ws: ExcelJS.Worksheet, r: number, c: number): Raw => raw(ws.findCell(r, c)?.value);

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Record<Column, number> } | null {
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r += 1) {
    const found: Partial<Record<Column, number>> = {};
    for (let c = 1; c <= ws.columnCount; c += 1) {
      const key = headerKey(valueAt(ws, r, c));
      const column = IMPORT_HEADER.find((name) => name === key);
      if (column && found[column] === undefined) found[column] = c;
    }
    if (IMPORT_HEADER.every((name) => found[name] !== undefined)) {
      return { row: r, columns: found as Record<Column, number> };
    }
  }
  return null;
}

function isTotalRow(ws: ExcelJS.Worksheet, r: number, lastColumn: number): boolean {
  for (let c = 1; c <= lastColumn; c += 1) {
    const key = text(valueAt(ws, r, c)).replace(/\s+/g, '');
    if (key === '合计' || key === '总计') return true;
  }
  return false;
}

/** Blank, or a whole number of people 1–100000 ('50' or '50人'); otherwise an error message. */
function readParticipants(value: Raw): { value: number | null } | { error: string } {
  const shown = text(value);
  if (shown === '') return { value: null };
  let n = NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const m = /^(\d+)\s*人?$/.exec(normalizeText(value));
    if (m) n = Number(m[1]);
  }
  if (Number.isInteger(n) && n >= 1 && n <= LIMITS.participants) return { value: n };
  // 0, as a plan without seats prints it (open attendance), reads back as no seat limit.
  if (n === 0) return { value: null };
  return { error: `参加人数应为 0–${LIMITS.participants} 的整数，不是“${shown}”` };
}

function readRow(
  r: number,
  get: (column: Column) => Raw,
  year: number,
): { row: ImportedRow } | { problem: ImportProblem } | null {
  const title = text(get('活动项目'));
  const content = text(get('活动形式与内容'));
  const venue = text(get('活动地点'));
  const time = get('活动时间');
  const timeText = text(time);
  const participantsRaw = get('参加人数');
  if (!title && !content && !venue && !timeText && !text(participantsRaw)) return null;

  const errors: string[] = [];
  if (!title) errors.push('活动项目不能为空');
  else if (length(title) > LIMITS.title) errors.push(`活动项目超过 ${LIMITS.title} 字`);
  if (length(content) > LIMITS.content) errors.push(`活动形式与内容超过 ${LIMITS.content} 字`);
  const participants = readParticipants(participantsRaw);
  if ('error' in participants) errors.push(participants.error);
  if (!venue) errors.push('活动地点不能为空');
  else if (length(venue) > LIMITS.venue) errors.push(`活动地点超过 ${LIMITS.venue} 字`);

  let span: { startAt: number; endAt: number } | null = null;
  if (!timeText) errors.push('活动时间不能为空');
  else {
    span = parseActivityTime(time instanceof Date ? time : timeText, year);
    if (!span) errors.push(`活动时间无法识别“${timeText}”`);
    else if (span.endAt <= span.startAt) errors.push(`活动时间的结束须晚于开始“${timeText}”`);
  }

  if (errors.length > 0 || !span || 'error' in participants) {
    return { problem: { row: r, reason: `第 ${r} 行：${errors.join('；')}` } };
  }
  return { row: { row: r, title, content, participants: participants.value, venue, ...span } };
}

export async function parseF2(
  buffer: Buffer,
  options: { year: number },
): Promise<{ rows: ImportedRow[]; problems: ImportProblem[] }> {
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return { rows, problems: [{ row: 0, reason: NOT_A_WORKBOOK }] };
  }
  try {
    const ws = wb.worksheets[0];
    const header = ws ? findHeader(ws) : null;
    if (!ws || !header) return { rows, problems: [{ row: 0, reason: NO_HEADER }] };
    const lastColumn = Math.max(...Object.values(header.columns));
    for (let r = header.row + 1; r <= ws.rowCount; r += 1) {
      if (!ws.findRow(r)) continue;
      if (isTotalRow(ws, r, lastColumn)) break;
      const result = readRow(r, (column) => valueAt(ws, r, header.columns[column]), options.year);
      if (result && 'row' in result) rows.push(result.row);
      else if (result) problems.push(result.problem);
    }
  } catch (error) {
    problems.push({ row: 0, reason: `读取工作表时出错：${error instanceof Error ? error.message : String(error)}` });
  }
  return { rows, problems };
}
