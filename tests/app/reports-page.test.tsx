/**
 * 上报任务 page: an issuer's tracker (states, rates, return needs the typed reason, approve), a
 * new task from a preset, and a received task submitted with its texts and counted forms.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import ReportsPage from '../../src/organizer/reports/index';
import { REPORT_PRESETS } from '../../backend/core/reporting';
import type { ReportTask, TrackerView } from '../../types/reporting';
import { cannedTransport, ok } from './builders';
import { pickReportPhotos } from '../../src/organizer/platform/report-media';

jest.mock('../../src/organizer/platform/report-media', () => ({
  pickReportPhotos: jest.fn(),
  pickReportVideo: jest.fn(),
  pickReportScan: jest.fn(),
}));
const pickPhotos = pickReportPhotos as jest.MockedFunction<typeof pickReportPhotos>;
const PHOTO = (n: string) => ({
  fileId: `u-${n.repeat(22)}`,
  name: `${n}.jpg`,
  mime: 'image/jpeg',
  size: 300_000,
  width: 1920,
  height: 1080,
  caption: '',
});

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const sent = (action: string) => call.mock.calls.filter(([, a]) => a === action).map(([, , d]) => d);

const task: ReportTask = {
  id: 'rt-1',
  issuerOrgId: 'changzhou',
  title: '启动仪式方案、实施方案和活动项目安排表',
  deadline: '2026-10-10',
  closesOn: null,
  campaignId: 'cp-cz',
  targetKind: 'district',
  targetOrgIds: ['jintan', 'wujin'],
  items: REPORT_PRESETS.find((p) => p.id === 'changzhou-plan')!.items,
  preset: 'changzhou-plan',
  createdAt: 1,
  createdBy: 'o',
};

const tracker: TrackerView = {
  task,
  rows: [
    {
      orgId: 'jintan',
      orgName: '金坛区',
      state: 'late',
      versions: 1,
      lastSubmittedAt: 2,
      returnReason: null,
      figures: { eventsScheduled: 3, eventsHeld: 2, attendance: 40, distinctPeople: 31, people: [] },
      sinceSubmitted: { attendance: 5, distinctPeople: 4, eventsHeld: 0 },
    },
    {
      orgId: 'wujin',
      orgName: '武进区',
      state: 'missing',
      versions: 0,
      lastSubmittedAt: null,
      returnReason: null,
      figures: null,
      sinceSubmitted: null,
    },
  ],
  completeness: 0.5,
  onTime: 0,
  remainingMs: -1,
  approved: { orgs: 0, attendance: 0, distinctPeople: 0, eventsHeld: 0 },
};

beforeEach(() => {
  jest.clearAllMocks();
  pickPhotos.mockResolvedValue({ ok: true, files: [PHOTO('a'), PHOTO('b')] });
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok({ role: 'organizer', name: '市', unitIds: [], districtId: 'jintan' }),
      'report.list': () => ok({ issued: [task], received: [task] }),
      'report.presets': () => ok({ presets: REPORT_PRESETS }),
      'report.track': () => ok(tracker),
      'report.decide': (d) =>
        d.action === 'return' && !d.reason
          ? { ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写退回原因', retryable: false } }
          : ok({ submission: {} }),
      'report.create': () => ok({ task }),
      'report.submit': () => ok({ submission: { versions: [{}] } }),
    }) as typeof callFunction,
  );
});

test('the tracker shows states, rates and the change since submission; return needs a reason', async () => {
  render(<ReportsPage />);
  fireEvent.click(await screen.findByText(task.title, { selector: '.report-row__title' }));
  await screen.findByText('完成率 50%');
  const row = document.getElementById('report-row-jintan') as HTMLElement;
  expect(within(row).getByText('逾期提交')).toBeTruthy();
  expect(within(row).getByText(/参加 40 人次、31 人 · 上报后变化 5 人次/)).toBeTruthy();
  expect(screen.getByText('完成率 50%')).toBeTruthy();
  expect(screen.getByText('及时率 0%')).toBeTruthy();
  expect(screen.getByText('已过截止日期')).toBeTruthy();
  fireEvent.click(within(row).getByText('退回'));
  expect(await screen.findByText('请填写退回原因')).toBeTruthy();
  fireEvent.change(screen.getByPlaceholderText('退回原因（退回时必填）'), { target: { value: '请补充时间安排' } });
  fireEvent.click(within(row).getByText('退回'));
  await waitFor(() => expect(sent('report.decide')).toHaveLength(2));
  expect(sent('report.decide')[1]).toEqual({
    taskId: 'rt-1',
    orgId: 'jintan',
    action: 'return',
    reason: '请补充时间安排',
  });
  fireEvent.click(within(row).getByText('通过'));
  await waitFor(() => expect(sent('report.decide')[2]).toEqual({ taskId: 'rt-1', orgId: 'jintan', action: 'approve' }));
});

test('publishes a task from a preset with a chosen deadline', async () => {
  render(<ReportsPage />);
  fireEvent.click(await screen.findByText(/002 常州市：活动总结/));
  fireEvent.change(screen.getByPlaceholderText('YYYY-MM-DD'), { target: { value: '2026-10-31' } });
  fireEvent.click(screen.getByText('发布任务'));
  await screen.findByText(/已发布/);
  expect(sent('report.create')).toEqual([
    { preset: 'changzhou-summary', targetKind: 'district', deadline: '2026-10-31' },
  ]);
});

test('submits a received task for the caller’s own org with its texts and counted forms', async () => {
  render(<ReportsPage />);
  fireEvent.click(await screen.findByText('上级下发的'));
  fireEvent.click(await screen.findByText(task.title, { selector: '.report-row__title' }));
  fireEvent.change(await screen.findByPlaceholderText('启动仪式方案和实施方案'), { target: { value: '方案全文' } });
  fireEvent.click(screen.getByText('提交上报'));
  await screen.findByText('已上报（第 1 版）');
  expect(sent('report.submit')).toEqual([
    { taskId: 'rt-1', orgId: 'jintan', answers: { plan: { kind: 'text', text: '方案全文' }, f2: { kind: 'form' } } },
  ]);
});

test('uploads photos with captions for a photos item and sends their ids', async () => {
  const photoTask: ReportTask = {
    ...task,
    id: 'rt-2',
    title: '活动总结',
    items: REPORT_PRESETS.find((p) => p.id === 'changzhou-summary')!.items,
  };
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok({ role: 'organizer', name: '区', unitIds: [], districtId: 'jintan' }),
      'report.list': () =>
        ok({ issued: [], received: [photoTask], reminder: { template: null, simulated: true, credits: 0 } }),
      'report.presets': () => ok({ presets: REPORT_PRESETS }),
      'report.submit': () => ok({ submission: { versions: [{}] } }),
    }) as typeof callFunction,
  );
  render(<ReportsPage />);
  fireEvent.click(await screen.findByText('上级下发的'));
  fireEvent.click(await screen.findByText('活动总结', { selector: '.report-row__title' }));
  fireEvent.click(await screen.findByText('上传照片'));
  expect(await screen.findByText('已上传 2 个文件')).toBeTruthy();
  expect(pickPhotos).toHaveBeenCalledWith(5);
  expect(screen.getByText(/已上传：a\.jpg · 1920×1080/)).toBeTruthy();
  fireEvent.change(screen.getAllByPlaceholderText('照片说明（必填）')[0], { target: { value: '开幕式' } });
  fireEvent.click(screen.getByText('提交上报'));
  await screen.findByText('已上报（第 1 版）');
  const answers = (sent('report.submit')[0] as { answers: Record<string, { photos?: unknown[] }> }).answers;
  expect(answers.photos.photos).toEqual([{ ...PHOTO('a'), caption: '开幕式' }, PHOTO('b')]);
});
