import { renderF1, titleLines } from '../../backend/forms/workbook-f1';
import { A4_PORTRAIT, expectThinBox, merges, noteOf, readBack, rowValues } from './helpers';
import { ACTIVITIES, f1Data, TOTAL_VISITS } from './fixtures';

describe('F1 启动周活动情况统计表', () => {
  it('lays out the title, the signature lines and the header block in the order of the paper form', async () => {
    const ws = await readBack(await renderF1(f1Data()));
    expect(ws.name).toBe('启动周统计表');

    expect(ws.getCell('A1').value).toBe('金坛区2020-2021年度全民终身学习活动\n“启动周”活动情况统计表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('A2').value).toBe('单位名称（盖章）：常州市金坛区社区培训学院');
    expect(ws.getCell('A3').value).toBe('分管领导（签字）：');

    expect(rowValues(ws, 4, 2)).toEqual(['组织单位', '金坛区教育局、金坛区社区教育委员会办公室']);
    expect(rowValues(ws, 5, 2)).toEqual([
      '参与单位',
      '东城街道、西城街道、薛埠镇、尧塘街道社区教育中心，金坛经济开发区职工学校',
    ]);
    expect(rowValues(ws, 6, 5)).toEqual([
      '“启动周”主要负责人',
      '姓 名',
      '凌东',
      '单位职务',
      '职业教育与终身教育科科长',
    ]);
    expect(rowValues(ws, 7, 5).slice(1)).toEqual(['联系方式', '0519-82801837', 'E-mail', 'jtjyzsk@126.com']);
    expect(rowValues(ws, 8, 5)).toEqual([
      '动员会时间',
      '11月14日 09:00–11:00',
      '11月14日 09:00–11:00',
      '动员会举办地点',
      '金坛区社区学院报告厅',
    ]);
    expect(rowValues(ws, 9, 5)).toEqual([
      '活动周主题',
      '全民智学，助力“双战双赢”',
      '全民智学，助力“双战双赢”',
      '参与动员会人数',
      186,
    ]);
    expect(noteOf(ws.getCell('E9'))).toContain('签到 170 人次 + 现场登记 16 人次');
    expect(rowValues(ws, 10, 5)).toEqual(['活动时间', '活动项目', '形式与内容', '活动地点', '参加人数']);
  });

  it('gives every day a block with its label merged down the first column, an empty row on a day without activity', async () => {
    const ws = await readBack(await renderF1(f1Data()));
    // 11月14日: 3 activities, 15日: 2, 16日: none, 17日: 1, 18日: none, 19日: 2, 20日: none.
    const blocks = [
      ['11月14日', 11, 13],
      ['11月15日', 14, 15],
      ['11月16日', 16, 16],
      ['11月17日', 17, 17],
      ['11月18日', 18, 18],
      ['11月19日', 19, 20],
      ['11月20日', 21, 21],
    ] as const;
    for (const [label, first, last] of blocks) {
      expect(ws.getCell(first, 1).value).toBe(label);
      if (last > first) expect(ws.getCell(last, 1).master.address).toBe(`A${first}`);
      else expect(ws.getCell(first, 1).isMerged).toBe(false);
    }
    for (const empty of [16, 18, 21]) expect(rowValues(ws, empty, 5).slice(1)).toEqual([null, null, null, null]);

    const rows = [11, 12, 13, 14, 15, 17, 19, 20];
    ACTIVITIES.flat().forEach((activity, i) => {
      const r = rows[i];
      expect(String(ws.getCell(r, 2).value).split('\n')[0]).toBe(activity.title);
      expect(ws.getCell(r, 3).value).toBe(activity.content);
      expect(ws.getCell(r, 4).value).toBe(activity.venue);
      expect(ws.getCell(r, 5).value).toBe(activity.participants.value);
      expect(noteOf(ws.getCell(r, 5))).toBe(`统计口径：${activity.participants.basis}`);
    });
    expect(ws.getCell('B11').value).toBe('“启动周”开幕式暨动员会\n09:00–11:00');
    expect(ws.getCell('B15').value).toBe('线上终身学习知识竞答\n全天');

    // The total says its unit (#11): 人次, with 人 beside where the form data carries it.
    const label = '共 8 项活动；参加人数单位：人次';
    expect(rowValues(ws, 22, 5)).toEqual(['合计', label, label, label, TOTAL_VISITS]);
    expect(TOTAL_VISITS).toBe(744);
    expect(noteOf(ws.getCell('E22'))).toBe('统计口径：8 项活动合计 744 人次，去重后 590 人');
    expect(ws.getCell('A23').value).toMatch(/^注：此表纸质稿盖章拍照后于 2020 年 10 月 30 日前/);
    expect(ws.getCell('A23').border?.top).toBeUndefined();
    expect(ws.rowCount).toBe(23);
  });

  it('merges the title, the header block values, the day labels, the total and the footnote', async () => {
    const ws = await readBack(await renderF1(f1Data()));
    expect(merges(ws)).toEqual(
      [
        'A1:E1',
        'A2:E2',
        'A3:E3',
        'B4:E4',
        'B5:E5',
        'A6:A7',
        'B8:C8',
        'B9:C9',
        'A11:A13',
        'A14:A15',
        'A19:A20',
        'B22:D22',
        'A23:E23',
      ].sort(),
    );
  });

  it('draws thin borders round every table cell, wraps text and prints on A4 portrait with the header repeated', async () => {
    const ws = await readBack(await renderF1(f1Data()));
    expectThinBox(ws, 4, 1, 22, 5);
    expect(ws.pageSetup).toMatchObject({ ...A4_PORTRAIT, printTitlesRow: '10:10' });
    const widths = ws.columns.map((column) => column.width ?? 0);
    expect(widths).toHaveLength(5);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    for (let r = 11; r <= 23; r += 1) expect(ws.getRow(r).height).toBeGreaterThanOrEqual(22);
  });

  it('leaves 参与动员会人数 blank without a note when no event was chosen as the mobilisation meeting', async () => {
    const data = f1Data();
    data.mobilisation = { time: '', place: '', participants: null };
    data.footnote = '';
    const ws = await readBack(await renderF1(data));
    expect(ws.getCell('E9').value).toBeNull();
    expect(noteOf(ws.getCell('E9'))).toBe('');
    expect(ws.rowCount).toBe(22);
  });

  it('breaks the title before “启动周” as on paper, and keeps a title that already has its own line break', () => {
    expect(titleLines('金坛区2020-2021年度全民终身学习活动“启动周”活动情况统计表')).toBe(
      '金坛区2020-2021年度全民终身学习活动\n“启动周”活动情况统计表',
    );
    expect(titleLines('第一行\n第二行')).toBe('第一行\n第二行');
    expect(titleLines('活动情况统计表')).toBe('活动情况统计表');
  });
});
