/**
 * Shared layout helpers for the paper-form workbooks: thin borders, wrapped text, merged
 * labels, counted figures with their basis as a cell note, row heights that fit the text
 * (Excel does not grow merged rows by itself) and A4 portrait page setup.
 */
import ExcelJS from 'exceljs';
import type { Counted } from '../../types/forms';

export const FONT_NAME = '宋体';
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 16, bold: true };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11, bold: true };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export type Align = 'left' | 'center';

/** A4 portrait, one page wide, as many pages tall as needed. */
export function setupA4Portrait(ws: ExcelJS.Worksheet, printTitleRow?: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(printTitleRow ? { printTitlesRow: `${printTitleRow}:${printTitleRow}` } : {}),
  };
}

/** A new workbook with one sheet, columns of the given widths (in characters). */
export function newSheet(sheetName: string, widths: number[]): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.creator = '全民终身学习活动周';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(sheetName);
  ws.columns = widths.map((width) => ({ width }));
  return { wb, ws };
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export interface CellOptions {
  align?: Align;
  bold?: boolean;
  border?: boolean;
  font?: Partial<ExcelJS.Font>;
}

/** Writes `value` into the range r1c1:r2c2 (merged when larger than one cell) and styles every cell of it. */
export function put(
  ws: ExcelJS.Worksheet,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  value: ExcelJS.CellValue,
  options: CellOptions = {},
): ExcelJS.Cell {
  if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
  const { align = 'left', border = true } = options;
  const font = options.font ?? (options.bold ? HEADER_FONT : BODY_FONT);
  for (let r = r1; r <= r2; r += 1) {
    for (let c = c1; c <= c2; c += 1) {
      const cell = ws.getCell(r, c);
      cell.font = font;
      cell.alignment = {
        vertical: 'middle',
        horizontal: align,
        wrapText: true,
        ...(align === 'left' ? { indent: 1 } : {}),
      };
      if (border) cell.border = THIN_BORDER;
    }
  }
  const master = ws.getCell(r1, c1);
  master.value = value === '' ? null : value;
  return master;
}

/** A centred bold label cell (or merged range). */
export function label(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, text: string): void {
  put(ws, r1, c1, r2, c2, text, { align: 'center', bold: true });
}

/** A counted figure: the value as it is (numbers stay numbers), the basis as a note. */
export function putCounted<T extends number | string>(
  ws: ExcelJS.Worksheet,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  counted: Counted<T> | null,
  align: Align = 'center',
): void {
  const cell = put(ws, r1, c1, r2, c2, counted ? counted.value : null, { align });
  if (counted && counted.basis) cell.note = `统计口径：${counted.basis}`;
}

/** Display width of a text in Excel character units: CJK and full-width characters count twice. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** How many lines `text` takes when wrapped in a column `width` characters wide. */
export function linesFor(text: string, width: number): number {
  const usable = Math.max(1, width - 2.5);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** Sets a row's height so that the tallest of the given texts (with the width it has) fits. */
export function fitRow(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  texts: { text: string; width: number }[],
  lineHeight = 15,
  min = 22,
): void {
  const lines = texts.reduce((most, { text, width }) => Math.max(most, linesFor(text, width)), 1);
  ws.getRow(rowNumber).height = Math.max(min, lines * lineHeight + 6);
}

/** Total width of columns c1..c2 (1-based, inclusive). */
export function spanWidth(widths: number[], c1: number, c2: number): number {
  return widths.slice(c1 - 1, c2).reduce((a, b) => a + b, 0);
}
