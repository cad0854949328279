/** 扫码签到: one card per scan, coloured and worded by outcome; manual short codes; offline cards and 待同步. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ScanResult } from '../../types/api';
import type { ScanOutcome } from '../../types/domain';
import { at } from '../../backend/core/time';
import { callFunction } from '../../src/platform/call';
import type { ScannerProps } from '../../src/platform/scanner';
import StaffScanPage from '../../src/staff/scan/index';
import { clearStorage, setRouterParams } from './stand-ins/taro';
import { UNREACHABLE, aConfig, aScanResult, aStaffEvent, anEntry, signedCode } from './door-fixtures';
import { cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const mockScanner: { props: ScannerProps | null } = { props: null };
jest.mock('../../src/platform/scanner', () => ({
  Scanner: (props: ScannerProps) => {
    mockScanner.props = props;
    return null;
  },
}));

async function scan(text: string) {
  await act(async () => {
    await mockScanner.props?.onText(text);
  });
}

const card = () => document.querySelector('.scan-result .scan-card') as HTMLElement;

function backend(scanResult: (data: Record<string, unknown>) => ScanResult) {
  call.mockImplementation(
    cannedTransport({
      'checkin.config': () => ok(aConfig(Date.now())),
      'checkin.roster': () =>
        ok({ event: aStaffEvent({ title: '智能手机使用入门', checkedIn: 4 }), entries: [anEntry()] }),
      'checkin.scan': (data) => ok(scanResult(data)),
      'checkin.find': (data) =>
        ok({
          entries:
            data.query === '111111'
              ? [anEntry({ registrationId: 'e1_a', name: '王*明' }), anEntry({ registrationId: 'e1_b', name: '王*' })]
              : [],
        }),
      'checkin.manual': (data) =>
        ok(
          aScanResult('checked_in', {
            scanId: String(data.scanId),
            attendee: { registrationId: String(data.registrationId), name: '王*', companions: 0, party: 1 },
          }),
        ),
      'checkin.sync': () => ok({ results: [] }),
    }) as typeof callFunction,
  );
}

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
  mockScanner.props = null;
  setRouterParams({ eventId: 'e1' });
});

const FIRST = at('2026-11-14', '09:05');

const EXPECTED: Record<ScanOutcome, { tone: string; title: string; lines: string[] }> = {
  checked_in: { tone: 'ok', title: '签到成功', lines: ['王*明', '同行 1 人（共 2 人）'] },
  already_checked_in: { tone: 'warn', title: '已签到', lines: ['王*明', '首次签到时间：11月14日 09:05'] },
  wrong_event: { tone: 'bad', title: '非本场活动', lines: [] },
  expired: { tone: 'bad', title: '二维码已过期', lines: [] },
  invalid: { tone: 'bad', title: '无效二维码', lines: [] },
  not_registered: { tone: 'bad', title: '未报名', lines: [] },
  waitlisted: { tone: 'bad', title: '候补未转正', lines: ['王*明'] },
  cancelled: { tone: 'bad', title: '已取消', lines: ['王*明'] },
  too_early: { tone: 'bad', title: '未到签到时间', lines: ['王*明'] },
  ended: { tone: 'bad', title: '活动已结束', lines: ['王*明'] },
  event_cancelled: { tone: 'bad', title: '活动已取消', lines: ['王*明'] },
};

test.each(Object.keys(EXPECTED) as ScanOutcome[])('a %s result shows its own card', async (outcome) => {
  backend((data) =>
    aScanResult(outcome, {
      scanId: String(data.scanId),
      firstCheckedInAt: outcome === 'already_checked_in' ? FIRST : null,
    }),
  );
  render(<StaffScanPage />);
  expect(await screen.findByText('请扫描居民的签到二维码')).toBeTruthy();
  await scan('L1.e1.h1.abc.sig');

  const expected = EXPECTED[outcome];
  expect(card().className).toContain(`scan-card--${expected.tone}`);
  expect(within(card()).getByText(expected.title)).toBeTruthy();
  for (const line of expected.lines) expect(within(card()).getByText(line)).toBeTruthy();
  expect(within(card()).queryByText('离线')).toBeNull();
  expect(screen.getByText('待同步 0 条')).toBeTruthy();
});

test('each scan carries a fresh scanId and the stable deviceId; the next scan replaces the card', async () => {
  backend((data) => aScanResult(data.code === 'second' ? 'invalid' : 'checked_in', { scanId: String(data.scanId) }));
  render(<StaffScanPage />);
  await screen.findByText('智能手机使用入门');
  await scan('first');
  expect(within(card()).getByText('签到成功')).toBeTruthy();
  expect(screen.getByText('已签到 6 人')).toBeTruthy(); // 4 + party of 2
  await scan('second');
  expect(within(card()).getByText('无效二维码')).toBeTruthy();

  const scans = call.mock.calls.filter(([, a]) => a === 'checkin.scan').map(([, , d]) => d as Record<string, string>);
  expect(scans).toHaveLength(2);
  expect(scans[0]).toMatchObject({ eventId: 'e1', code: 'first' });
  expect(scans[0].scanId).toMatch(/^[0-9a-f]{16}$/);
  expect(scans[0].scanId).not.toBe(scans[1].scanId);
  expect(scans[0].deviceId).toBe(scans[1].deviceId);
});

test('a short code shared by two people asks which one, then checks that one in by hand', async () => {
  backend((data) => aScanResult('checked_in', { scanId: String(data.scanId) }));
  render(<StaffScanPage />);
  await screen.findByText('智能手机使用入门');
  fireEvent.change(screen.getByPlaceholderText('6 位签到码'), { target: { value: '111111' } });
  fireEvent.click(screen.getByText('签到', { selector: '.manual-code__submit' }));

  expect(await screen.findByText('有 2 人使用该签到码，请核对后选择：')).toBeTruthy();
  expect(mockScanner.props?.active).toBe(false); // no scanning while choosing
  const second = screen.getByText('王*').closest('.choice') as HTMLElement;
  fireEvent.click(within(second).getByText('签到'));
  await waitFor(() => expect(within(card()).getByText('签到成功')).toBeTruthy());
  const manual = call.mock.calls.find(([, a]) => a === 'checkin.manual');
  expect(manual?.[2]).toMatchObject({ eventId: 'e1', registrationId: 'e1_b' });
});

test('an unknown short code and a malformed entry are explained without a call', async () => {
  backend((data) => aScanResult('checked_in', { scanId: String(data.scanId) }));
  render(<StaffScanPage />);
  await screen.findByText('智能手机使用入门');
  const input = screen.getByPlaceholderText('6 位签到码');
  fireEvent.change(input, { target: { value: '12ab' } });
  fireEvent.click(screen.getByText('签到', { selector: '.manual-code__submit' }));
  expect(await screen.findByText('请输入 6 位数字签到码')).toBeTruthy();
  fireEvent.change(input, { target: { value: '999999' } });
  fireEvent.click(screen.getByText('签到', { selector: '.manual-code__submit' }));
  expect(await screen.findByText('未找到签到码 999999 的报名')).toBeTruthy();
  expect(call.mock.calls.filter(([, a]) => a === 'checkin.manual')).toHaveLength(0);
});

test('a full code pasted into the manual box is scanned as a code', async () => {
  backend((data) => aScanResult('checked_in', { scanId: String(data.scanId) }));
  render(<StaffScanPage />);
  await screen.findByText('智能手机使用入门');
  fireEvent.change(screen.getByPlaceholderText('6 位签到码'), { target: { value: ' L1.e1.h1.abc.sig ' } });
  fireEvent.click(screen.getByText('签到', { selector: '.manual-code__submit' }));
  await waitFor(() => expect(within(card()).getByText('签到成功')).toBeTruthy());
  expect(call.mock.calls.find(([, a]) => a === 'checkin.scan')?.[2]).toMatchObject({ code: 'L1.e1.h1.abc.sig' });
});

test('without the network the card is judged on the device, marked 离线, and the scan waits to sync', async () => {
  backend(() => {
    throw new Error('unused');
  });
  render(<StaffScanPage />);
  await screen.findByText('智能手机使用入门'); // config and roster cached while online

  call.mockResolvedValue(UNREACHABLE);
  await scan(signedCode('e1', 'h1', Date.now()));
  expect(card().className).toContain('scan-card--ok');
  expect(within(card()).getByText('签到成功（离线，待同步）')).toBeTruthy();
  expect(within(card()).getByText('离线')).toBeTruthy();
  expect(within(card()).getByText('王*明')).toBeTruthy();
  expect(screen.getByText('待同步 1 条')).toBeTruthy();
  expect(screen.getByText('网络不可用，正在离线签到')).toBeTruthy();

  await scan(signedCode('e1', 'h1', Date.now()));
  expect(card().className).toContain('scan-card--warn');
  expect(within(card()).getByText('已签到')).toBeTruthy();
  expect(screen.getByText('待同步 1 条')).toBeTruthy();

  // Back online: 立即同步 hands the scan over and the count drops to 0.
  call.mockImplementation(
    cannedTransport({
      'checkin.sync': (data) =>
        ok({
          results: (data.scans as { scanId: string }[]).map((s) => aScanResult('checked_in', { scanId: s.scanId })),
        }),
    }) as typeof callFunction,
  );
  fireEvent.click(screen.getByText('立即同步'));
  expect(await screen.findByText('待同步 0 条')).toBeTruthy();
});
