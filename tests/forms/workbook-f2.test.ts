import { renderF2 } from '../../backend/forms/workbook-f2';
import { A4_PORTRAIT, expectThinBox, merges, noteOf, readBack, rowValues } from './helpers';
import { ACTIVITIES, f2Data, TOTAL_VISITS } from './fixtures';

describe('F2 “全民终身学习推进周”活动项目安排表', () => {
  it('has the title, the plan note, the unit line and the header in the order of the paper form', async () => {
    const ws = await readBack(await renderF2(f2Data('plan')));
    expect(ws.name).toBe('活动项目安排表');
    expect(ws.getCell('A1').value).toBe('“全民终身学习推进周”活动项目安排表');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A2').value).toBe('计划表（参加人数为预计人数）');
    expect([ws.getCell('A3').value, ws.getCell('C3').value, ws.getCell('E3').value]).toEqual([
      '单位名称 常州市金坛区社区培训学院（盖章）',
      '联系人 葛俊芬',
      '联系电话 86857035',
    ]);
    expect(rowValues(ws, 4, 5)).toEqual(['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间']);
  });

  it('says 总结表 when the counts are the people who came', async () => {
    const ws = await readBack(await renderF2(f2Data('actual')));
    expect(ws.getCell('A2').value).toBe('总结表（参加人数为实际到场人数）');
    expect(ws.getCell('C4').value).toBe('参加人数');
  });

  it('writes one row per activity with the count as a number and its basis as a note, then 合计', async () => {
    const ws = await readBack(await renderF2(f2Data('actual')));
    const activities = ACTIVITIES.flat();
    activities.forEach((a, i) => {
      const r = 5 + i;
      expect(rowValues(ws, r, 5)).toEqual([a.title, a.content, a.participants.value, a.venue, a.time]);
      expect(noteOf(ws.getCell(r, 3))).toBe(`统计口径：${a.participants.basis}`);
    });
    expect(ws.getCell('E5').value).toBe('11月14日 09:00–11:00');
    const total = 5 + activities.length;
    // Totals say their unit (#11): 人次, with 人 beside where the form data carries it.
    expect(rowValues(ws, total, 3)).toEqual(['合计', '共 8 项活动；参加人数单位：人次', TOTAL_VISITS]);
    expect(noteOf(ws.getCell(total, 3))).toContain('去重后 590 人');
    expect(ws.rowCount).toBe(total);
    expectThinBox(ws, 4, 1, total, 5);
    expect(merges(ws)).toEqual(['A1:E1', 'A2:E2', 'A3:B3', 'C3:D3', `D${total}:E${total}`].sort());
    expect(ws.pageSetup).toMatchObject({ ...A4_PORTRAIT, printTitlesRow: '4:4' });
  });

  it('leaves blanks to fill by hand when the unit line is not known', async () => {
    const data = { ...f2Data('plan'), unitName: '', contactName: '', contactPhone: '', rows: [] };
    data.total = { value: 0, basis: '无活动' };
    const ws = await readBack(await renderF2(data));
    expect(ws.getCell('A3').value).toBe('单位名称 __________（盖章）');
    expect(ws.getCell('C3').value).toBe('联系人 __________');
    expect(ws.getCell('E3').value).toBe('联系电话 __________');
    expect(rowValues(ws, 5, 3)).toEqual(['合计', '共 0 项活动；预计人数', 0]);
  });
});
