/**
 * Elderly residents first: from an event page, signing up and showing the check-in code each
 * take at most three taps, in both 标准 and 大字 mode. Pages open as Taro.navigateTo asks; every
 * tap is counted (typing is not a tap: a returning resident's name and phone are filled in).
 */
import { fireEvent, render, screen, cleanup } from '@testing-library/react';
import type { ComponentType } from 'react';
import { WINDOW_MS } from '../../backend/core/checkin-code';
import { callFunction } from '../../src/platform/call';
import CodePage from '../../src/pages/code/index';
import EventPage, { shareTitle } from '../../src/pages/event/index';
import MinePage from '../../src/pages/mine/index';
import SignupPage, { CONTACT_STORAGE_KEY } from '../../src/pages/signup/index';
import { ShareButton } from '../../src/platform/share.h5';
import { chooseScale, resetThemeState } from '../../src/theme';
import Taro, { clearStorage, setRouterParams, shareCard } from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';
import type { RegistrationView } from '../../types/api';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const FUTURE = '2099-11-14';
const event = anEvent({ id: 'e1', day: FUTURE, title: '智能手机使用入门', venue: '社区学院报告厅' });

const ROUTES: Record<string, ComponentType> = {
  '/pages/event/index': EventPage,
  '/pages/signup/index': SignupPage,
  '/pages/code/index': CodePage,
  '/pages/mine/index': MinePage,
};

/** Renders the page a url names, with its query as route params. */
function open(url: string) {
  const [path, query = ''] = url.split('?');
  setRouterParams(Object.fromEntries(new URLSearchParams(query)));
  const Page = ROUTES[path];
  if (!Page) throw new Error(`no page for ${url}`);
  cleanup();
  render(<Page />);
}

let taps = 0;
function tap(el: Element) {
  taps += 1;
  fireEvent.click(el);
}

/** Follows the last navigation, if the last tap made one. */
function follow() {
  const nav = (Taro.navigateTo as jest.Mock).mock.calls.at(-1)?.[0] as { url: string } | undefined;
  (Taro.navigateTo as jest.Mock).mockClear();
  if (nav) open(nav.url);
}

function backend(mine: RegistrationView | null) {
  let registered = mine;
  call.mockImplementation(
    cannedTransport({
      'event.get': () => ok({ event, mine: registered }),
      'signup.create': (input) => {
        registered = aRegistration({ id: 'e1_r1', name: String(input.name), phone: '139****5678' });
        return ok({ registration: registered, outcome: 'confirmed' });
      },
      'checkin.codes': () => {
        const w = Math.floor(Date.now() / WINDOW_MS);
        return ok({
          registrationId: 'e1_r1',
          codes: [0, 1, 2, 3].map((i) => ({
            code: `L1.e1.r1.${w + i}`,
            shortCode: String(123456 + i),
            validFrom: (w + i) * WINDOW_MS,
            validTo: (w + i + 1) * WINDOW_MS,
          })),
          shortCode: '123456',
          windowMs: WINDOW_MS,
          serverTime: Date.now(),
        });
      },
      'signup.mine': () => ok({ items: registered ? [{ registration: registered, event }] : [] }),
      'me.get': () => ok({ role: 'resident', name: null, unitIds: [], districtId: null }),
    }) as typeof callFunction,
  );
}

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
  resetThemeState();
  taps = 0;
});

describe.each(['normal', 'large'] as const)('%s mode', (scale) => {
  beforeEach(() => {
    if (scale === 'large') chooseScale('large');
  });

  test('sign-up takes ≤ 3 taps from the event page for a returning resident', async () => {
    Taro.setStorageSync(CONTACT_STORAGE_KEY, { name: '王秀英', phone: '13912345678' });
    backend(null);
    open('/pages/event/index?id=e1');

    tap(await screen.findByText('我要报名'));
    follow();
    // Name and phone are there already; the consent is a tap, then the submit.
    expect(((await screen.findByPlaceholderText('请输入姓名')) as HTMLInputElement).value).toBe('王秀英');
    tap(screen.getByText('我已阅读并同意《个人信息保护说明》'));
    tap(screen.getByText('提交报名'));

    expect(await screen.findByText('报名成功')).toBeTruthy();
    expect(taps).toBeLessThanOrEqual(3);
    const sent = call.mock.calls.find(([, a]) => a === 'signup.create')?.[2];
    expect(sent).toEqual({
      eventId: 'e1',
      name: '王秀英',
      phone: '13912345678',
      companions: 0,
      consent: true,
      requestId: expect.stringMatching(/^su[0-9a-f]{16}$/),
    });
  });

  test('a first sign-up takes the same 3 taps, plus typing name and phone', async () => {
    backend(null);
    open('/pages/event/index?id=e1');
    tap(await screen.findByText('我要报名'));
    follow();
    fireEvent.change(await screen.findByPlaceholderText('请输入姓名'), { target: { value: '李大爷' } });
    fireEvent.change(screen.getByPlaceholderText('请输入手机号'), { target: { value: '13800001111' } });
    tap(screen.getByText('我已阅读并同意《个人信息保护说明》'));
    tap(screen.getByText('提交报名'));
    expect(await screen.findByText('报名成功')).toBeTruthy();
    expect(taps).toBe(3);
    // Remembered for next time, on this phone only.
    expect(Taro.getStorageSync(CONTACT_STORAGE_KEY)).toEqual({ name: '李大爷', phone: '13800001111' });
  });

  test('the check-in code takes 1 tap from the event page once signed up', async () => {
    backend(aRegistration({ id: 'e1_r1' }));
    open('/pages/event/index?id=e1');
    tap(await screen.findByText('出示签到码'));
    follow();
    expect(await screen.findByText('手工签到码')).toBeTruthy();
    expect(document.querySelector('.checkin-qr')?.getAttribute('data-code')).toMatch(/^L1\.e1\.r1\./);
    expect(taps).toBeLessThanOrEqual(3);
  });

  test('and from 我的报名 (the tab) it is 1 tap too', async () => {
    backend(aRegistration({ id: 'e1_r1' }));
    open('/pages/mine/index');
    tap(await screen.findByText('签到码'));
    follow();
    expect(await screen.findByText('手工签到码')).toBeTruthy();
    expect(taps).toBe(1);
  });
});

test('the event page shares a card with title, time and place, and turns on the share menu', async () => {
  backend(null);
  open('/pages/event/index?id=e1');
  await screen.findByText('我要报名');
  expect(shareCard()).toEqual({ title: shareTitle(event), path: '/pages/event/index?id=e1' });
  expect(shareTitle(event)).toBe('智能手机使用入门｜11月14日 周六 09:30–11:00｜社区学院报告厅');
  expect(Taro.showShareMenu).toHaveBeenCalledWith(
    expect.objectContaining({ menus: ['shareAppMessage', 'shareTimeline'] }),
  );
});

test('a poster’s 小程序码 opens the event page with `scene`', async () => {
  backend(null);
  open('/pages/event/index?scene=e1');
  expect(await screen.findByText('我要报名')).toBeTruthy();
  expect(call.mock.calls.find(([, a]) => a === 'event.get')?.[2]).toEqual({ eventId: 'e1' });
});

test('on the web, 分享 copies the event’s address', async () => {
  render(<ShareButton path="pages/event/index?id=e1" label="分享" />);
  fireEvent.click(screen.getByText('分享'));
  await Promise.resolve();
  // jest runs the neutral page-url twin (the path); the browser build gives the full address.
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'pages/event/index?id=e1' });
  expect(screen.getByLabelText('分享：复制活动链接')).toBeTruthy();
});
