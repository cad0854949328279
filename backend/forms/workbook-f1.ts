/**
 * F1 — 金坛区 …全民终身学习活动“启动周”活动情况统计表 (seed 000, attachment), laid out like the
 * paper form: title, 单位名称 / 分管领导 lines, the header block, one block per day and the note.
 */
import type { ActivityRow, F1Data } from '../../types/forms';
import { fitRow, label, newSheet, put, putCounted, setupA4Portrait, spanWidth, TITLE_FONT, toBuffer } from './style';

/** 人 beside a 人次 total (docs/counting.md). */
export function peopleNote(people: number | null | undefined): string {
  return people === null || people === undefined ? '' : `（到场不重复 ${people} 人）`;
}

export const F1_SHEET = '启动周统计表';
export const F1_HEADER = ['活动时间', '活动项目', '形式与内容', '活动地点', '参加人数'];
const WIDTHS = [13, 20, 28, 18, 16];
const COLS = WIDTHS.length;

/** The seed's title breaks before “启动周”: 金坛区 2020-2021 年度全民终身学习活动 / “启动周”活动情况统计表. */
export function titleLines(title: string): string {
  if (title.includes('\n')) return title;
  const quote = title.search(/[“"]/);
  return quote > 0 ? `${title.slice(0, quote).trim()}\n${title.slice(quote).trim()}` : title;
}

/** 活动项目 with its clock time under it: the form's 活动时间 column holds the day only. */
function projectText(row: ActivityRow, dayLabel: string): string {
  const clock = row.time
    .replace(dayLabel, '')
    .replace(/(周|星期)[一二三四五六日天]/, '')
    .trim();
  return clock ? `${row.title}\n${clock}` : row.title;
}

export async function renderF1(data: F1Data): Promise<Buffer> {
  const { wb, ws } = newSheet(F1_SHEET, WIDTHS);
  const full = spanWidth(WIDTHS, 1, COLS);

  const title = titleLines(data.title);
  put(ws, 1, 1, 1, COLS, title, { align: 'center', border: false, font: TITLE_FONT });
  ws.getRow(1).height = 24 * title.split('\n').length + 8;
  put(ws, 2, 1, 2, COLS, `单位名称（盖章）：${data.unitName}`, { border: false });
  put(ws, 3, 1, 3, COLS, `分管领导（签字）：${data.leader}`, { border: false });
  ws.getRow(2).height = 24;
  ws.getRow(3).height = 24;

  label(ws, 4, 1, 4, 1, '组织单位');
  put(ws, 4, 2, 4, COLS, data.organizingUnits);
  fitRow(ws, 4, [{ text: data.organizingUnits, width: spanWidth(WIDTHS, 2, COLS) }]);
  label(ws, 5, 1, 5, 1, '参与单位');
  put(ws, 5, 2, 5, COLS, data.participatingUnits);
  fitRow(ws, 5, [{ text: data.participatingUnits, width: spanWidth(WIDTHS, 2, COLS) }]);

  label(ws, 6, 1, 7, 1, '“启动周”主要负责人');
  label(ws, 6, 2, 6, 2, '姓 名');
  put(ws, 6, 3, 6, 3, data.contact.name, { align: 'center' });
  label(ws, 6, 4, 6, 4, '单位职务');
  put(ws, 6, 5, 6, 5, data.contact.position, { align: 'center' });
  label(ws, 7, 2, 7, 2, '联系方式');
  put(ws, 7, 3, 7, 3, data.contact.phone, { align: 'center' });
  label(ws, 7, 4, 7, 4, 'E-mail');
  put(ws, 7, 5, 7, 5, data.contact.email, { align: 'center' });
  fitRow(ws, 6, [{ text: data.contact.position, width: WIDTHS[4] }]);
  fitRow(ws, 7, [{ text: data.contact.email, width: WIDTHS[4] }]);

  label(ws, 8, 1, 8, 1, '动员会时间');
  put(ws, 8, 2, 8, 3, data.mobilisation.time, { align: 'center' });
  label(ws, 8, 4, 8, 4, '动员会举办地点');
  put(ws, 8, 5, 8, 5, data.mobilisation.place, { align: 'center' });
  fitRow(ws, 8, [{ text: data.mobilisation.place, width: WIDTHS[4] }]);
  label(ws, 9, 1, 9, 1, '活动周主题');
  put(ws, 9, 2, 9, 3, data.theme, { align: 'center' });
  label(ws, 9, 4, 9, 4, '参与动员会人数');
  putCounted(ws, 9, 5, 9, 5, data.mobilisation.participants);
  fitRow(ws, 9, [{ text: data.theme, width: spanWidth(WIDTHS, 2, 3) }]);

  const headerRow = 10;
  F1_HEADER.forEach((text, i) => label(ws, headerRow, i + 1, headerRow, i + 1, text));
  ws.getRow(headerRow).height = 24;

  let r = headerRow + 1;
  let activities = 0;
  for (const day of data.days) {
    const first = r;
    const rows = day.rows.length > 0 ? day.rows : [null];
    for (const row of rows) {
      if (row) {
        const project = projectText(row, day.label);
        put(ws, r, 2, r, 2, project);
        put(ws, r, 3, r, 3, row.content);
        put(ws, r, 4, r, 4, row.venue, { align: 'center' });
        putCounted(ws, r, 5, r, 5, row.participants);
        fitRow(ws, r, [
          { text: project, width: WIDTHS[1] },
          { text: row.content, width: WIDTHS[2] },
          { text: row.venue, width: WIDTHS[3] },
        ]);
        activities += 1;
      } else {
        for (let c = 2; c <= COLS; c += 1) put(ws, r, c, r, c, null);
        ws.getRow(r).height = 24;
      }
      r += 1;
    }
    label(ws, first, 1, r - 1, 1, day.label);
  }

  label(ws, r, 1, r, 1, '合计');
  put(ws, r, 2, r, COLS - 1, `共 ${activities} 项活动；参加人数单位：人次${peopleNote(data.people)}`, {
    align: 'center',
  });
  putCounted(ws, r, COLS, r, COLS, data.total);
  ws.getRow(r).height = 24;
  r += 1;

  if (data.footnote) {
    put(ws, r, 1, r, COLS, data.footnote, { border: false });
    fitRow(ws, r, [{ text: data.footnote, width: full }]);
  }

  setupA4Portrait(ws, headerRow);
  return toBuffer(wb);
}
