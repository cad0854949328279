import { renderAttendance } from '../../backend/forms/workbook-attendance';
import { A4_PORTRAIT, expectThinBox, merges, readBack, rowValues } from './helpers';
import { attendanceLines } from './fixtures';

describe('attendance export', () => {
  it('is a plain table under a title row, with a frozen header and an autofilter', async () => {
    const ws = await readBack(await renderAttendance('签到明细（2020年11月14日—11月20日）', attendanceLines()));
    expect(ws.getCell('A1').value).toBe('签到明细（2020年11月14日—11月20日）');
    expect(merges(ws)).toEqual(['A1:I1']);
    expect(rowValues(ws, 2, 9)).toEqual([
      '活动',
      '日期',
      '签到时间',
      '姓名',
      '手机号',
      '人数',
      '方式',
      '离线',
      '报名信息',
    ]);
    expect(rowValues(ws, 3, 9)).toEqual([
      '智能手机应用培训',
      '2020-11-14',
      '13:52',
      '王秀英',
      '138****5678',
      1,
      '扫码',
      null,
      '年龄段：60岁及以上；所在村/社区：尧塘村',
    ]);
    expect(rowValues(ws, 4, 9)).toEqual([
      '智能手机应用培训',
      '2020-11-14',
      '13:55',
      '现场来宾',
      null,
      3,
      '现场登记',
      '是',
      null,
    ]);
    expect(rowValues(ws, 5, 9)).toEqual([
      '茶艺体验课',
      '2020-11-15',
      '08:47',
      '李建国',
      '139****0021',
      2,
      '手工',
      null,
      null,
    ]);
    expect(ws.rowCount).toBe(5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:I5');
    expectThinBox(ws, 2, 1, 5, 9);
    expect(ws.pageSetup).toMatchObject({ ...A4_PORTRAIT, printTitlesRow: '2:2' });
  });

  it('still has its header and filter when there is nobody to list', async () => {
    const ws = await readBack(await renderAttendance('签到明细', []));
    expect(rowValues(ws, 2, 8)[0]).toBe('活动');
    expect(ws.rowCount).toBe(2);
    expect(ws.autoFilter).toBe('A2:I2');
  });
});
