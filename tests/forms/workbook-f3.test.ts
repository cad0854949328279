import { renderF3 } from '../../backend/forms/workbook-f3';
import { A4_PORTRAIT, expectThinBox, merges, noteOf, readBack } from './helpers';
import { f3Data } from './fixtures';

/** Row labels of the seed's 总结表, top to bottom, under their groups. */
const SEED: [string, string][] = [
  ['组织领导', '下发活动文件的部门'],
  ['组织领导', '出席活动（开幕式）的领导'],
  ['组织领导', '具体协调部门'],
  ['组织领导', '制定活动方案部门'],
  ['活动参与情况', '全市区数及参与活动的数量'],
  ['活动参与情况', '主会场及分会场数量'],
  ['活动参与情况', '参加活动人数'],
  ['活动参与情况', '有特色的活动'],
  ['活动主题与内容', '活动主题'],
  ['活动主题与内容', '活动内容'],
  ['活动主题与内容', '活动成效'],
  ['活动主题与内容', '活动时间'],
  ['活动的群众性', '活动范围（包括参与活动的街道、企事业单位等）'],
  ['活动的群众性', '群众满意度'],
  ['活动的群众性', '自我评价'],
  ['宣传报道', '宣传范围'],
  ['宣传报道', '文字报道'],
  ['宣传报道', '影像图片报道'],
];

describe('F3 南昌市全民终身学习活动周总结表', () => {
  it('has the title, 举办县区 and 主办单位及协办单位 at the top, the seed rows under their groups, 其他 and the note', async () => {
    const data = f3Data();
    const ws = await readBack(await renderF3(data));
    expect(ws.name).toBe('活动周总结表');
    expect(ws.getCell('A1').value).toBe('2021年南昌市全民终身学习活动周总结表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect([ws.getCell('A2').value, ws.getCell('C2').value]).toEqual(['举办县区', '青山湖区']);
    expect([ws.getCell('A3').value, ws.getCell('C3').value]).toEqual(['主办单位及协办单位：', data.hostsAndCoHosts]);
    SEED.forEach(([group, label], i) => {
      expect([ws.getCell(4 + i, 1).value, ws.getCell(4 + i, 2).value]).toEqual([group, label]);
    });
    expect([ws.getCell('A22').value, ws.getCell('C22').value]).toEqual(['其他', null]);
    expect(ws.getCell('A23').value).toBe('详细的活动情况总结、活动照片、活动录像请另附。');
    expect(ws.rowCount).toBe(23);
  });

  it('merges the group labels down the left column over 4, 4, 4, 3 and 3 rows', async () => {
    const ws = await readBack(await renderF3(f3Data()));
    expect(merges(ws)).toEqual(
      ['A1:C1', 'A2:B2', 'A3:B3', 'A4:A7', 'A8:A11', 'A12:A15', 'A16:A18', 'A19:A21', 'A22:B22', 'A23:C23'].sort(),
    );
    expectThinBox(ws, 2, 1, 22, 3);
    expect(ws.pageSetup).toMatchObject(A4_PORTRAIT);
  });

  it('puts the counted figures with their basis as a note and the typed text without one', async () => {
    const data = f3Data();
    const ws = await readBack(await renderF3(data));
    const counted: [string, { value: string; basis: string }][] = [
      ['C8', data.participation.areas],
      ['C9', data.participation.venues],
      ['C10', data.participation.participants],
      ['C15', data.themeAndContent.period],
      ['C16', data.reach.scope],
      ['C17', data.reach.satisfaction],
    ];
    for (const [address, { value, basis }] of counted) {
      expect(ws.getCell(address).value).toBe(value);
      expect(noteOf(ws.getCell(address))).toBe(`统计口径：${basis}`);
    }
    expect(ws.getCell('C10').value).toBe('3260 人次（2980 人）');
    expect(ws.getCell('C4').value).toBe('青山湖区教育体育局');
    expect(noteOf(ws.getCell('C4'))).toBe('');
    expect(ws.getCell('C18').value).toBe('组织有序，覆盖面广，群众满意。');
    expect(ws.getCell('C21').value).toBe('活动照片 120 张，视频 3 段');
  });
});
