/** Reading rendered workbooks back for the form tests. */
import ExcelJS from 'exceljs';

export async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  expect(Buffer.isBuffer(buffer)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return [...ws.model.merges].sort();
}

/** The values of a row, columns 1..n. */
export function rowValues(ws: ExcelJS.Worksheet, row: number, n: number): ExcelJS.CellValue[] {
  return Array.from({ length: n }, (_, i) => ws.getCell(row, i + 1).value);
}

export function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

export function expectThinBox(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): void {
  for (let r = r1; r <= r2; r += 1) {
    for (let c = c1; c <= c2; c += 1) {
      const { border, alignment } = ws.getCell(r, c);
      for (const side of ['top', 'left', 'bottom', 'right'] as const) {
        expect({ cell: ws.getCell(r, c).address, side, style: border?.[side]?.style }).toEqual({
          cell: ws.getCell(r, c).address,
          side,
          style: 'thin',
        });
      }
      expect(alignment?.wrapText).toBe(true);
    }
  }
}

export const A4_PORTRAIT = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
