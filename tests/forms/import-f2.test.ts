import ExcelJS from 'exceljs';
import { parseF2 } from '../../backend/forms/import-f2';
import { renderF2 } from '../../backend/forms/workbook-f2';
import { at } from '../../backend/core/time';
import { f2Data } from './fixtures';

type Cell = ExcelJS.CellValue;

/** A workbook whose first sheet has these rows from row 1 (null = an untouched cell, [] = an empty row). */
async function workbook(rows: Cell[][], secondSheet: Cell[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('安排表');
  rows.forEach((values, i) =>
    values.forEach((value, c) => {
      if (value !== null) ws.getCell(i + 1, c + 1).value = value;
    }),
  );
  if (secondSheet.length > 0) wb.addWorksheet('另一张').addRows(secondSheet);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADER = ['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间'];
const span = (day: string, start: string, end: string) => ({ startAt: at(day, start), endAt: at(day, end) });

describe('parseF2: reading a unit’s 活动项目安排表', () => {
  it('finds the header below the title, in another column order, and reads every kind of time people type', async () => {
    const buffer = await workbook([
      ['“全民终身学习推进周”活动项目安排表'],
      ['单位名称 东城街道社区教育中心（盖章）', null, null, '联系人 王敏'],
      ['序号', '活动时间', '活动 项目', '活动地点', '参加人数（预计）', '活动形式与内容'],
      [1, '11月15日 9:00-11:00', '智能手机培训', '社区教育中心', 50, '微信支付、健康码'],
      [2, '11月15日 09:00—11:30', '茶艺体验', '茶文化馆', '50人', ''],
      [3, '2020-11-15 14:00-16:00', '读书会', '社区图书室', null, '共读《乡土中国》'],
      [4],
      [5, '2020/11/15 14:00', '书法讲座', '文化站', '３０', null],
      [6, '11月15日上午', '上午场', '文化站', 20, null],
      [7, '11月15日下午', '下午场', '文化站', 20, null],
      [8, '11月15日晚上', '晚上场', '文化站', 20, null],
      [9, '11月15日', '全天展览', '文化站', 20, null],
      [10, new Date(Date.UTC(2020, 10, 16, 14, 30)), '剪纸', '文化站', 20, null],
      [11, new Date(Date.UTC(2020, 10, 17)), '摄影展', '文化站', 20, null],
      [12, '2020年11月18日（周三）\n下午2:00-4:30', '合唱', '文化站', 20, null],
      [13, '11月19日 晚上7点-8点半', '广场舞', '广场', 20, null],
      [null, '', '  ', null, null, null],
      ['合计', null, null, null, 230],
      [99, '下周三', '合计之后不再读取', '', null, null],
    ]);
    const { rows, problems } = await parseF2(buffer, { year: 2020 });
    expect(problems).toEqual([]);
    const row = (r: number, title: string, venue: string, participants: number | null, content = '') => ({
      row: r,
      title,
      content,
      venue,
      participants,
    });
    expect(rows).toEqual([
      { ...row(4, '智能手机培训', '社区教育中心', 50, '微信支付、健康码'), ...span('2020-11-15', '09:00', '11:00') },
      { ...row(5, '茶艺体验', '茶文化馆', 50), ...span('2020-11-15', '09:00', '11:30') },
      { ...row(6, '读书会', '社区图书室', null, '共读《乡土中国》'), ...span('2020-11-15', '14:00', '16:00') },
      { ...row(8, '书法讲座', '文化站', 30), ...span('2020-11-15', '14:00', '16:00') },
      { ...row(9, '上午场', '文化站', 20), ...span('2020-11-15', '09:00', '11:30') },
      { ...row(10, '下午场', '文化站', 20), ...span('2020-11-15', '14:00', '16:30') },
      { ...row(11, '晚上场', '文化站', 20), ...span('2020-11-15', '19:00', '21:00') },
      { ...row(12, '全天展览', '文化站', 20), ...span('2020-11-15', '09:00', '17:00') },
      { ...row(13, '剪纸', '文化站', 20), ...span('2020-11-16', '14:30', '16:30') },
      { ...row(14, '摄影展', '文化站', 20), ...span('2020-11-17', '09:00', '17:00') },
      { ...row(15, '合唱', '文化站', 20), ...span('2020-11-18', '14:00', '16:30') },
      { ...row(16, '广场舞', '广场', 20), ...span('2020-11-19', '19:00', '20:30') },
    ]);
    // Shanghai wall clock, not the server's: 09:00 in Shanghai is 01:00 UTC.
    expect(new Date(rows[0].startAt).toISOString()).toBe('2020-11-15T01:00:00.000Z');
  });

  it('reports each bad row once, in Chinese, with its sheet row number, and keeps the good ones', async () => {
    const long = (n: number) => '长'.repeat(n);
    const buffer = await workbook([
      HEADER,
      ['', '内容', 10, '文化站', '11月15日 9:00-11:00'],
      [long(61), '', 10, '文化站', '11月15日 9:00-11:00'],
      [long(60), long(501), 10, '文化站', '11月15日 9:00-11:00'],
      ['人数为零', '', 0, '文化站', '11月15日 9:00-11:00'],
      ['人数是字', '', '若干', '文化站', '11月15日 9:00-11:00'],
      ['人数太多', '', 100001, '文化站', '11月15日 9:00-11:00'],
      ['人数有小数', '', 12.5, '文化站', '11月15日 9:00-11:00'],
      ['没有地点', '', 10, '', '11月15日 9:00-11:00'],
      ['地点太长', '', 10, long(101), '11月15日 9:00-11:00'],
      ['没有时间', '', 10, '文化站', ''],
      ['时间看不懂', '', 10, '文化站', '下周三'],
      ['结束早于开始', '', 10, '文化站', '11月15日 11:00-9:00'],
      ['没有这一天', '', 10, '文化站', '2月30日 9:00-11:00'],
      ['没有这个钟点', '', 10, '文化站', '11月15日 25:00-26:00'],
      ['只有钟点', '', 10, '文化站', '9:00-11:00'],
      ['只有时间的单元格', '', 10, '文化站', new Date(Date.UTC(1899, 11, 30, 9, 0))],
      ['', '', '很多', '', '待定'],
      [
        { richText: [{ text: '富文本' }, { text: '标题', font: { bold: true } }] },
        '',
        { formula: '20+30', result: 50 },
        '文化站',
        '11月20日 14:00~16:00',
      ],
    ]);
    const { rows, problems } = await parseF2(buffer, { year: 2020 });
    expect(problems).toEqual([
      { row: 2, reason: '第 2 行：活动项目不能为空' },
      { row: 3, reason: '第 3 行：活动项目超过 60 字' },
      { row: 4, reason: '第 4 行：活动形式与内容超过 500 字' },
      { row: 6, reason: '第 6 行：参加人数应为 0–100000 的整数，不是“若干”' },
      { row: 7, reason: '第 7 行：参加人数应为 0–100000 的整数，不是“100001”' },
      { row: 8, reason: '第 8 行：参加人数应为 0–100000 的整数，不是“12.5”' },
      { row: 9, reason: '第 9 行：活动地点不能为空' },
      { row: 10, reason: '第 10 行：活动地点超过 100 字' },
      { row: 11, reason: '第 11 行：活动时间不能为空' },
      { row: 12, reason: '第 12 行：活动时间无法识别“下周三”' },
      { row: 13, reason: '第 13 行：活动时间的结束须晚于开始“11月15日 11:00-9:00”' },
      { row: 14, reason: '第 14 行：活动时间无法识别“2月30日 9:00-11:00”' },
      { row: 15, reason: '第 15 行：活动时间无法识别“11月15日 25:00-26:00”' },
      { row: 16, reason: '第 16 行：活动时间无法识别“9:00-11:00”' },
      { row: 17, reason: '第 17 行：活动时间无法识别“1899-12-30 09:00”' },
      {
        row: 18,
        reason:
          '第 18 行：活动项目不能为空；参加人数应为 0–100000 的整数，不是“很多”；活动地点不能为空；活动时间无法识别“待定”',
      },
    ]);
    // 0 is what an F2 plan prints for an activity without seats: read back as no seat limit (#11).
    expect(rows).toEqual([
      {
        row: 5,
        title: '人数为零',
        content: '',
        participants: null,
        venue: '文化站',
        ...span('2020-11-15', '09:00', '11:00'),
      },
      {
        row: 19,
        title: '富文本标题',
        content: '',
        participants: 50,
        venue: '文化站',
        ...span('2020-11-20', '14:00', '16:00'),
      },
    ]);
  });

  it('takes the year from the options when the time has none, and the typed year when it has one', async () => {
    const buffer = await workbook([
      HEADER,
      ['甲', '', 10, '站', '11月15日 9:00-11:00'],
      ['乙', '', 10, '站', '2020-11-15 9:00-11:00'],
    ]);
    const { rows } = await parseF2(buffer, { year: 2021 });
    expect(rows.map((r) => [r.startAt, r.endAt])).toEqual([
      [at('2021-11-15', '09:00'), at('2021-11-15', '11:00')],
      [at('2020-11-15', '09:00'), at('2020-11-15', '11:00')],
    ]);
  });

  it('reads back its own F2 export', async () => {
    const { rows, problems } = await parseF2(await renderF2(f2Data('plan')), { year: 2020 });
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.title, r.participants])).toEqual([
      [5, '“启动周”开幕式暨动员会', 186],
      [6, '智能手机应用培训', 45],
      [7, '家庭教育讲座', 60],
      [8, '茶艺体验课', 32],
      [9, '线上终身学习知识竞答', 300],
      [10, '非遗刻纸工作坊', 28],
      [11, '职工技能微课堂', 75],
      [12, '社区读书会', 18],
    ]);
    expect(rows[0]).toMatchObject(span('2020-11-14', '09:00', '11:00'));
    expect(rows[4]).toMatchObject(span('2020-11-15', '09:00', '17:00'));
  });

  it('gives one problem for row 0 when the first sheet has no header', async () => {
    const noHeader = await workbook([
      ['活动项目', '活动地点', '活动时间'],
      ['甲', '站', '11月15日'],
    ]);
    expect(await parseF2(noHeader, { year: 2020 })).toEqual({
      rows: [],
      problems: [{ row: 0, reason: '没有找到表头：活动项目、活动形式与内容、参加人数、活动地点、活动时间' }],
    });
    const headerOnSecondSheet = await workbook([['说明']], [HEADER, ['甲', '', 10, '站', '11月15日']]);
    expect((await parseF2(headerOnSecondSheet, { year: 2020 })).problems).toHaveLength(1);
  });

  it('reads a header with no rows under it as nothing to import', async () => {
    expect(await parseF2(await workbook([HEADER, [], []]), { year: 2020 })).toEqual({ rows: [], problems: [] });
  });

  it('reads past formatting far below the data without trouble', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('安排表');
    ws.addRow(HEADER);
    ws.addRow(['甲', '', 10, '站', '11月15日上午']);
    ws.getCell('E30000').border = { top: { style: 'thin' } };
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const started = Date.now();
    const { rows, problems } = await parseF2(buffer, { year: 2020 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it('never throws on something that is not an Excel workbook', async () => {
    const notXlsx = { row: 0, reason: '文件不是有效的 Excel 工作簿' };
    for (const buffer of [
      Buffer.from('活动项目,活动形式与内容,参加人数,活动地点,活动时间\n'),
      Buffer.alloc(0),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    ]) {
      expect(await parseF2(buffer, { year: 2020 })).toEqual({ rows: [], problems: [notXlsx] });
    }
  });

  it('reads Shanghai wall-clock times whatever the time zone of the server', async () => {
    const buffer = await workbook([
      HEADER,
      ['甲', '', 10, '站', '11月15日 9:00-11:00'],
      ['乙', '', 10, '站', new Date(Date.UTC(2020, 10, 16, 14, 30))],
    ]);
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const { rows } = await parseF2(buffer, { year: 2020 });
      expect(rows.map((r) => r.startAt)).toEqual([at('2020-11-15', '09:00'), at('2020-11-16', '14:30')]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
