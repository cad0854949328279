import { fireEvent, render, screen } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import SignupPage from '../../src/pages/signup/index';
import Taro, { setRouterParams } from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok, validationFailed } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const signupCalls = () => call.mock.calls.filter(([, action]) => action === 'signup.create');

function backend(
  create: (input: Record<string, unknown>) => ReturnType<typeof ok> | Awaited<ReturnType<typeof callFunction>>,
) {
  call.mockImplementation(
    cannedTransport({
      'event.get': () => ok({ event: anEvent({ id: 'e1', maxCompanions: 2 }), mine: null }),
      'signup.create': create,
    }) as typeof callFunction,
  );
}

async function fillForm({ name = '王小明', phone = '13812345678', consent = true } = {}) {
  fireEvent.change(await screen.findByPlaceholderText('请输入姓名'), { target: { value: name } });
  fireEvent.change(screen.getByPlaceholderText('请输入手机号'), { target: { value: phone } });
  if (consent) fireEvent.click(screen.getByText('我已阅读并同意《个人信息保护说明》'));
}

beforeEach(() => {
  jest.clearAllMocks();
  setRouterParams({ id: 'e1' });
});

test('refuses an invalid phone without calling the API', async () => {
  backend(() => {
    throw new Error('must not be called');
  });
  render(<SignupPage />);
  await fillForm({ phone: '12345' });
  fireEvent.click(screen.getByText('提交报名'));

  expect(await screen.findByText('请填写正确的 11 位手机号码')).toBeTruthy();
  expect(screen.getByText('请按提示修改后再提交')).toBeTruthy();
  expect(signupCalls()).toHaveLength(0);
});

test('asks for a name and for consent before sending', async () => {
  backend(() => {
    throw new Error('must not be called');
  });
  render(<SignupPage />);
  await fillForm({ name: '   ', consent: false });
  fireEvent.click(screen.getByText('提交报名'));

  expect(await screen.findByText('请填写姓名')).toBeTruthy();
  expect(screen.getByText('请先阅读并勾选同意《个人信息保护说明》')).toBeTruthy();
  expect(signupCalls()).toHaveLength(0);
});

test('shows the server’s error message and its per-field messages as they are', async () => {
  backend(() =>
    validationFailed([
      { path: 'phone', message: '该手机号暂不能报名' },
      { path: 'source', message: '来源不正确' },
    ]),
  );
  render(<SignupPage />);
  await fillForm();
  fireEvent.click(screen.getByText('提交报名'));

  expect(await screen.findByText('填写的信息有误，请检查后再试')).toBeTruthy();
  expect(screen.getByText('该手机号暂不能报名')).toBeTruthy();
  expect(screen.getByText('来源不正确')).toBeTruthy();
  expect(signupCalls()).toHaveLength(1);
});

test('sends the form with companions and shows the waitlist place', async () => {
  backend(() =>
    ok({
      registration: aRegistration({ status: 'waitlisted', waitPosition: 3, companions: 1, party: 2 }),
      outcome: 'waitlisted',
    }),
  );
  render(<SignupPage />);
  await fillForm({ name: ' 王  小明 ' });
  fireEvent.click(screen.getByText('＋'));
  fireEvent.click(screen.getByText('＋'));
  fireEvent.click(screen.getByText('＋')); // capped at the event's limit of 2
  expect(screen.getByText('2 人')).toBeTruthy();
  expect(screen.getByText(/本次报名共占 3 个名额/)).toBeTruthy();
  fireEvent.click(screen.getByText('提交报名'));

  expect(await screen.findByText('已进入候补，第 3 位')).toBeTruthy();
  expect(signupCalls()[0][2]).toEqual({
    eventId: 'e1',
    name: '王 小明',
    phone: '13812345678',
    companions: 2,
    consent: true,
    requestId: expect.stringMatching(/^su[0-9a-f]{16}$/),
  });
  fireEvent.click(screen.getByText('查看我的报名'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
});

test('shows 报名成功 when confirmed', async () => {
  backend(() => ok({ registration: aRegistration(), outcome: 'confirmed' }));
  render(<SignupPage />);
  await fillForm();
  fireEvent.click(screen.getByText('提交报名'));
  expect(await screen.findByText('报名成功')).toBeTruthy();
});

test('a retry after a lost answer sends the same request id, so the backend returns that sign-up', async () => {
  let attempts = 0;
  backend(() => {
    attempts += 1;
    // The first answer never arrives (the network dropped it); the retry gets the registration.
    if (attempts === 1)
      return { ok: false, error: { code: 'STORE_UNAVAILABLE', message: '网络不稳定，请重试', retryable: true } };
    return ok({ registration: aRegistration(), outcome: 'confirmed' });
  });
  render(<SignupPage />);
  await fillForm();
  fireEvent.click(screen.getByText('提交报名'));
  expect(await screen.findByText('网络不稳定，请重试')).toBeTruthy();
  fireEvent.click(screen.getByText('提交报名'));
  expect(await screen.findByText('报名成功')).toBeTruthy();
  const [first, second] = signupCalls().map(([, , data]) => (data as { requestId?: string }).requestId);
  expect(first).toMatch(/^su[0-9a-f]{16}$/);
  expect(second).toBe(first);
});

test('each new form has its own request id', async () => {
  backend(() => ok({ registration: aRegistration(), outcome: 'confirmed' }));
  const { unmount } = render(<SignupPage />);
  await fillForm();
  fireEvent.click(screen.getByText('提交报名'));
  await screen.findByText('报名成功');
  unmount();
  render(<SignupPage />);
  await fillForm();
  fireEvent.click(screen.getByText('提交报名'));
  await screen.findByText('报名成功');
  const ids = signupCalls().map(([, , data]) => (data as { requestId?: string }).requestId);
  expect(ids).toHaveLength(2);
  expect(ids[0]).not.toBe(ids[1]);
});
