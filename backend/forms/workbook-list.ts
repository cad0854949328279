/**
 * A list as a workbook: a title row, a frozen header, one line per record and an autofilter,
 * so that it can be sorted, filtered and recounted by hand. The attendance export, the award
 * decision list and the honours 汇总表 are all such lists.
 */
import { label, newSheet, put, setupA4Portrait, TITLE_FONT, toBuffer } from './style';

export interface ListColumn {
  header: string;
  width: number;
  /** Left-aligned (long text); centred otherwise. */
  left?: boolean;
}

export async function renderList(
  sheetName: string,
  title: string,
  columns: readonly ListColumn[],
  rows: readonly (readonly (string | number)[])[],
): Promise<Buffer> {
  const { wb, ws } = newSheet(
    sheetName,
    columns.map((c) => c.width),
  );
  const count = columns.length;
  put(ws, 1, 1, 1, count, title, { align: 'center', border: false, font: TITLE_FONT });
  ws.getRow(1).height = 30;
  const headerRow = 2;
  columns.forEach((c, i) => label(ws, headerRow, i + 1, headerRow, i + 1, c.header));
  let r = headerRow + 1;
  for (const values of rows) {
    values.forEach((value, i) => put(ws, r, i + 1, r, i + 1, value, { align: columns[i]?.left ? 'left' : 'center' }));
    r += 1;
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, r - 1), column: count } };
  setupA4Portrait(ws, headerRow);
  return toBuffer(wb);
}

/** A name usable as a file name on every platform (no path or reserved characters). */
export function fileSafe(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || '导出';
}
