/** 签到码: rotates codes at each window boundary without the network, refreshes the batch, keeps the screen bright. */
import { act, render, screen } from '@testing-library/react';
import type { CheckinCodes } from '../../types/api';
import { WINDOW_MS } from '../../backend/core/checkin-code';
import { callFunction } from '../../src/platform/call';
import CodePage from '../../src/pages/code/index';
import Taro, { canvasCalls, clearStorage, hidePage, setRouterParams } from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

/** 5 s into a window. */
const W0 = 59_000_000;
const T0 = W0 * WINDOW_MS + 5_000;

function batch(fromWindow: number, count: number, serverTime: number): CheckinCodes {
  return {
    registrationId: 'e1_r1',
    codes: Array.from({ length: count }, (_, i) => ({
      code: `L1.e1.r1.${(fromWindow + i).toString(36)}.sig${fromWindow + i}`,
      // The six digits rotate with the QR code: window W0 shows 123456, each later one its own.
      shortCode: fromWindow + i === W0 ? '123456' : String(700000 + fromWindow + i - W0),
      validFrom: (fromWindow + i) * WINDOW_MS,
      validTo: (fromWindow + i + 1) * WINDOW_MS,
    })),
    shortCode: '123456',
    windowMs: WINDOW_MS,
    serverTime,
  };
}

const codeCalls = () => call.mock.calls.filter(([, action]) => action === 'checkin.codes');
const shownCode = () => document.querySelector('.checkin-qr')?.getAttribute('data-code');

async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
  jest.useFakeTimers({ now: T0 });
  setRouterParams({ id: 'e1_r1' });
  call.mockImplementation(
    cannedTransport({
      'checkin.codes': () => ok(batch(Math.floor(Date.now() / WINDOW_MS), 6, Date.now())),
      'signup.mine': () =>
        ok({
          items: [
            {
              registration: aRegistration({ id: 'e1_r1' }),
              event: anEvent({ id: 'e1', title: '智能手机使用入门', venue: '社区学院报告厅' }),
            },
          ],
        }),
    }) as typeof callFunction,
  );
});

afterEach(() => {
  jest.useRealTimers();
});

test('shows the current code, the short code and the event; switches at the window boundary offline', async () => {
  render(<CodePage />);
  expect(await screen.findByText('123 456')).toBeTruthy();
  expect(screen.getByText('手工签到码')).toBeTruthy();
  expect(await screen.findByText('智能手机使用入门')).toBeTruthy();
  expect(screen.getByText('地点：社区学院报告厅')).toBeTruthy();
  expect(shownCode()).toBe(`L1.e1.r1.${W0.toString(36)}.sig${W0}`);
  expect(canvasCalls.fillRect.length).toBeGreaterThan(100); // the canvas twin painted modules

  // From here on the network is gone: the rotation needs none.
  call.mockResolvedValue({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: '网络不给力', retryable: true } });
  await advance(24_000); // 29 s into the window: same code
  expect(shownCode()).toBe(`L1.e1.r1.${W0.toString(36)}.sig${W0}`);
  await advance(2_000); // past the boundary
  expect(shownCode()).toBe(`L1.e1.r1.${(W0 + 1).toString(36)}.sig${W0 + 1}`);
  // The six digits rotate with it.
  expect(screen.getByText('700 001')).toBeTruthy();
  expect(screen.queryByText('123 456')).toBeNull();
  expect(screen.getByText('二维码和 6 位手工签到码每 30 秒自动更新，截图无效，请勿转给他人。')).toBeTruthy();
});

test('fetches a new batch when fewer than four codes are left', async () => {
  render(<CodePage />);
  await screen.findByText('123 456');
  expect(codeCalls()).toHaveLength(1);
  await advance(2 * WINDOW_MS); // window W0+2: codes W0+2..W0+5 left (4)
  expect(codeCalls()).toHaveLength(1);
  await advance(WINDOW_MS); // window W0+3: 3 left
  expect(codeCalls()).toHaveLength(2);
  expect(shownCode()).toBe(`L1.e1.r1.${(W0 + 3).toString(36)}.sig${W0 + 3}`);
});

test('uses the server clock: a phone clock five minutes slow still shows the current code', async () => {
  const skew = 5 * 60_000;
  call.mockImplementation(
    cannedTransport({
      'checkin.codes': () => ok(batch(Math.floor((Date.now() + skew) / WINDOW_MS), 6, Date.now() + skew)),
      'signup.mine': () => ok({ items: [] }),
    }) as typeof callFunction,
  );
  render(<CodePage />);
  await screen.findByText('700 010'); // the server's window is ten windows after the phone's
  const serverWindow = Math.floor((T0 + skew) / WINDOW_MS);
  expect(shownCode()).toBe(`L1.e1.r1.${serverWindow.toString(36)}.sig${serverWindow}`);
});

test('reopened without the network, it shows the codes kept on the phone', async () => {
  const first = render(<CodePage />);
  await screen.findByText('123 456');
  first.unmount();

  call.mockResolvedValue({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: '网络不给力', retryable: true } });
  await advance(WINDOW_MS);
  render(<CodePage />);
  expect(await screen.findByText('网络不给力，正在使用手机上保存的签到码。')).toBeTruthy();
  expect(shownCode()).toBe(`L1.e1.r1.${(W0 + 1).toString(36)}.sig${W0 + 1}`);
});

test('a sign-up that has no code (e.g. waitlisted) shows the refusal', async () => {
  call.mockImplementation(
    cannedTransport({
      'checkin.codes': () => ({
        ok: false,
        error: { code: 'CHECKIN_NOT_FOUND', message: '只有报名成功才有签到码', retryable: false },
      }),
      'signup.mine': () => ok({ items: [] }),
    }) as typeof callFunction,
  );
  render(<CodePage />);
  expect(await screen.findByText('只有报名成功才有签到码')).toBeTruthy();
  expect(document.querySelector('.checkin-qr')).toBeNull();
});

test('raises the brightness and keeps the screen on while shown, and restores both on hide', async () => {
  render(<CodePage />);
  await screen.findByText('123 456');
  expect(Taro.setScreenBrightness).toHaveBeenCalledWith({ value: 1 });
  expect(Taro.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true });
  await act(async () => hidePage());
  expect(Taro.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 });
  expect(Taro.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
});
