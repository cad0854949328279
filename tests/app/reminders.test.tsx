/**
 * 开启活动提醒: WeChat's subscription dialog is asked for only inside the tap, with the template
 * ids of reminders.config; reminders.subscribe gets exactly the kinds answered 'accept'. Against
 * the local server (simulated) a confirmation stands in for WeChat's dialog. 我的提醒 lists the
 * outbox with each message's fields and status.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import { ReminderButton } from '../../src/components/reminder-button';
import RemindersPage from '../../src/pages/reminders/index';
import SignupPage from '../../src/pages/signup/index';
import * as SubscribeH5 from '../../src/platform/subscribe.h5';
import type { ReminderRecord } from '../../types/domain';
import Taro, { clearStorage, setRouterParams } from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const request = Taro.requestSubscribeMessage as jest.Mock;

const subscribeCalls = () => call.mock.calls.filter(([, a]) => a === 'reminders.subscribe').map(([, , d]) => d);

function backend({ simulated }: { simulated: boolean }) {
  const credits = { event_reminder: 0, promoted: 0, rating_invite: 0 };
  call.mockImplementation(
    cannedTransport({
      'reminders.config': () =>
        ok({
          templates: simulated
            ? { event_reminder: null, promoted: null, rating_invite: null }
            : { event_reminder: 'tplA', promoted: 'tplB', rating_invite: 'tplC' },
          simulated,
        }),
      'reminders.mine': () => ok({ reminders: [], credits }),
      'reminders.subscribe': (input) => {
        for (const k of input.accepted as (keyof typeof credits)[]) credits[k] += 1;
        return ok({ credits: { ...credits } });
      },
    }) as typeof callFunction,
  );
}

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
});

async function ready() {
  render(<ReminderButton />);
  await screen.findByText('剩余提醒：活动开始提醒 0 次，候补成功通知 0 次，满意度调查邀请 0 次');
  const button = screen.getByText('开启活动提醒');
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  return button;
}

describe('on WeChat', () => {
  beforeEach(() => backend({ simulated: false }));

  test('asks WeChat only inside the tap, and subscribes the accepted kinds only', async () => {
    request.mockImplementationOnce(async () => ({
      tplA: 'accept',
      tplB: 'reject',
      tplC: 'reject',
      errMsg: 'requestSubscribeMessage:ok',
    }));
    const button = await ready();
    expect(request).not.toHaveBeenCalled(); // not on load

    fireEvent.click(button);
    // Synchronously, inside the tap handler: before anything was awaited.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toEqual(expect.objectContaining({ tmplIds: ['tplA', 'tplB', 'tplC'] }));

    expect(await screen.findByText(/已开启：活动开始提醒。/)).toBeTruthy();
    expect(subscribeCalls()).toEqual([{ accepted: ['event_reminder'] }]);
    expect(screen.getByText('剩余提醒：活动开始提醒 1 次，候补成功通知 0 次，满意度调查邀请 0 次')).toBeTruthy();
  });

  test('nothing accepted: nothing subscribed', async () => {
    request.mockImplementationOnce(async () => ({
      tplA: 'reject',
      tplB: 'ban',
      tplC: 'reject',
      errMsg: 'requestSubscribeMessage:ok',
    }));
    fireEvent.click(await ready());
    expect(await screen.findByText(/您没有允许提醒/)).toBeTruthy();
    expect(subscribeCalls()).toEqual([]);
  });

  test('a failed dialog (no tap, old WeChat) subscribes nothing', async () => {
    request.mockImplementationOnce(async () => {
      throw new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture');
    });
    fireEvent.click(await ready());
    expect(await screen.findByText(/您没有允许提醒/)).toBeTruthy();
    expect(subscribeCalls()).toEqual([]);
  });

  test('the sign-up result offers it', async () => {
    setRouterParams({ id: 'e1' });
    call.mockImplementation(
      cannedTransport({
        'event.get': () => ok({ event: anEvent({ id: 'e1' }), mine: null }),
        'signup.create': () => ok({ registration: aRegistration(), outcome: 'confirmed' }),
        'reminders.config': () =>
          ok({ templates: { event_reminder: 'tplA', promoted: 'tplB', rating_invite: 'tplC' }, simulated: false }),
      }) as typeof callFunction,
    );
    render(<SignupPage />);
    fireEvent.change(await screen.findByPlaceholderText('请输入姓名'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByPlaceholderText('请输入手机号'), { target: { value: '13812345678' } });
    fireEvent.click(screen.getByText('我已阅读并同意《个人信息保护说明》'));
    fireEvent.click(screen.getByText('提交报名'));
    expect(await screen.findByText('报名成功')).toBeTruthy();
    expect(screen.getByText('开启活动提醒')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });
});

describe('locally (simulated)', () => {
  beforeEach(() => backend({ simulated: true }));

  test('a confirmation stands in for WeChat’s dialog; 允许 subscribes every kind', async () => {
    fireEvent.click(await ready());
    await screen.findByText(/已开启：活动开始提醒、候补成功通知、满意度调查邀请/);
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '开启活动提醒', confirmText: '允许' }),
    );
    expect(request).not.toHaveBeenCalled();
    expect(subscribeCalls()).toEqual([{ accepted: ['event_reminder', 'promoted', 'rating_invite'] }]);
    expect(screen.getByText('剩余提醒：活动开始提醒 1 次，候补成功通知 1 次，满意度调查邀请 1 次')).toBeTruthy();
  });

  test('不允许 subscribes nothing', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await ready());
    expect(await screen.findByText(/您没有允许提醒/)).toBeTruthy();
    expect(subscribeCalls()).toEqual([]);
  });
});

test('the web has no WeChat dialog', async () => {
  expect(SubscribeH5.subscribeDialogAvailable).toBe(false);
  await expect(SubscribeH5.requestSubscribe(['tplA'])).resolves.toBeNull();
});

test('我的提醒 lists the outbox: each message’s fields and what happened', async () => {
  const record = (over: Partial<ReminderRecord>): ReminderRecord => ({
    id: 'event_reminder|e1_r1',
    kind: 'event_reminder',
    registrationId: 'e1_r1',
    ownerId: 'o1',
    eventId: 'e1',
    status: 'sent',
    fields: {
      thing1: '智能手机使用入门',
      time2: '2026年11月14日 09:30',
      thing3: '社区学院报告厅',
      thing4: '活动即将开始，请带好签到码',
    },
    attempts: 1,
    detail: '本地演示：已放入发件箱',
    at: Date.UTC(2026, 10, 13, 2, 0),
    ...over,
  });
  call.mockImplementation(
    cannedTransport({
      'reminders.mine': () =>
        ok({
          reminders: [
            record({}),
            record({
              id: 'promoted|e2_r1',
              kind: 'promoted',
              status: 'no_credit',
              detail: '用户未订阅或订阅次数已用完',
            }),
            record({ id: 'event_reminder|e3_r1', status: 'refused', detail: '43101' }),
            record({ id: 'event_reminder|e4_r1', status: 'failed', detail: '网络错误' }),
          ],
          credits: { event_reminder: 2, promoted: 0, rating_invite: 0 },
        }),
    }) as typeof callFunction,
  );
  render(<RemindersPage />);
  expect(await screen.findByText('已发送')).toBeTruthy();
  expect(screen.getByText('未订阅')).toBeTruthy();
  expect(screen.getByText('用户拒收')).toBeTruthy();
  expect(screen.getByText('发送失败')).toBeTruthy();
  expect(screen.getAllByText('活动名称：智能手机使用入门')).toHaveLength(4);
  expect(screen.getAllByText('温馨提示：活动即将开始，请带好签到码').length).toBeGreaterThan(0);
  await act(async () => undefined);
  expect(screen.getByText('剩余提醒：活动开始提醒 2 次，候补成功通知 0 次，满意度调查邀请 0 次')).toBeTruthy();
});
