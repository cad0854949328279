import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import MinePage from '../../src/pages/mine/index';
import Taro from './stand-ins/taro';
import type { WhoAmI } from '../../types/api';
import { at } from '../../backend/core/time';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const waitlisted = aRegistration({
  id: 'e2_r1',
  eventId: 'e2',
  status: 'waitlisted',
  waitPosition: 2,
  companions: 1,
  party: 2,
});
const confirmed = aRegistration({ id: 'e1_r1', eventId: 'e1', cancellable: false });

/** The code button shows only until the event ends. */
const FUTURE_DAY = '2099-11-14';

const resident: WhoAmI = { role: 'resident', name: null, unitIds: [], districtId: null };

function backend(me: WhoAmI = resident) {
  let current = waitlisted;
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok(me),
      'signup.mine': () =>
        ok({
          items: [
            { registration: current, event: anEvent({ id: 'e2', title: '家庭亲子阅读会' }) },
            { registration: confirmed, event: anEvent({ id: 'e1', title: '智能手机使用入门', day: FUTURE_DAY }) },
          ],
        }),
      'signup.cancel': (input) => {
        expect(input).toEqual({ registrationId: 'e2_r1' });
        current = { ...waitlisted, status: 'cancelled', waitPosition: null, cancellable: false };
        return ok({ registration: current });
      },
    }) as typeof callFunction,
  );
}

beforeEach(() => {
  jest.clearAllMocks();
  backend();
});

test('lists my sign-ups with status, waitlist place, companions and masked phone', async () => {
  render(<MinePage />);
  const card = (await screen.findByText('家庭亲子阅读会')).closest('.registration-card') as HTMLElement;
  expect(within(card).getByText('候补第2位')).toBeTruthy();
  expect(within(card).getByText('同行家属：1 人（共占 2 个名额）')).toBeTruthy();
  expect(within(card).getByText(/138\*\*\*\*5678/)).toBeTruthy();

  const other = screen.getByText('智能手机使用入门').closest('.registration-card') as HTMLElement;
  expect(within(other).getByText('已报名')).toBeTruthy();
  expect(within(other).queryByText('取消报名')).toBeNull(); // not cancellable
});

test('cancels after confirmation and refreshes', async () => {
  render(<MinePage />);
  const card = (await screen.findByText('家庭亲子阅读会')).closest('.registration-card') as HTMLElement;
  fireEvent.click(within(card).getByText('取消报名'));

  await waitFor(() => expect(within(card).getByText('已取消')).toBeTruthy());
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' }));
  expect(call.mock.calls.filter(([, a]) => a === 'signup.cancel')).toHaveLength(1);
  expect(call.mock.calls.filter(([, a]) => a === 'signup.mine')).toHaveLength(2);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' }));
});

test('does nothing when the confirmation is declined', async () => {
  (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('取消报名'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(call.mock.calls.filter(([, a]) => a === 'signup.cancel')).toHaveLength(0);
});

test('an empty list invites to browse the events', async () => {
  call.mockImplementation(
    cannedTransport({ 'signup.mine': () => ok({ items: [] }), 'me.get': () => ok(resident) }) as typeof callFunction,
  );
  render(<MinePage />);
  expect(await screen.findByText('您还没有报名任何活动')).toBeTruthy();
  expect(screen.queryByText('演示身份')).toBeNull(); // DEMO_IDENTITIES is off outside the demo H5 build
  expect(screen.queryByText('工作人员入口')).toBeNull();
});

test('a confirmed sign-up opens its check-in code; a waitlisted one has none', async () => {
  render(<MinePage />);
  const confirmedCard = (await screen.findByText('智能手机使用入门')).closest('.registration-card') as HTMLElement;
  fireEvent.click(within(confirmedCard).getByText('签到码'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/code/index?id=e1_r1' });
  const waitlistedCard = screen.getByText('家庭亲子阅读会').closest('.registration-card') as HTMLElement;
  expect(within(waitlistedCard).queryByText('签到码')).toBeNull();
});

test('once checked in, the card says when and needs no code any more', async () => {
  const checkedIn = aRegistration({ id: 'e1_r1', eventId: 'e1', checkedInAt: at(FUTURE_DAY, '09:31') });
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok(resident),
      'signup.mine': () =>
        ok({
          items: [
            { registration: checkedIn, event: anEvent({ id: 'e1', title: '智能手机使用入门', day: FUTURE_DAY }) },
          ],
        }),
    }) as typeof callFunction,
  );
  render(<MinePage />);
  expect(await screen.findByText('已签到：11月14日 09:31')).toBeTruthy();
  expect(screen.queryByText('签到码')).toBeNull();
});

test('door staff see the staff entry, which opens the staff pages', async () => {
  backend({ role: 'staff', name: '尧塘中心 张老师', unitIds: ['centre-yaotang'], districtId: 'd1' });
  render(<MinePage />);
  fireEvent.click(await screen.findByText('工作人员入口'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/events/index' });
});

test('a failing who-am-I call only hides the staff entry', async () => {
  call.mockImplementation(
    cannedTransport({
      'signup.mine': () => ok({ items: [] }),
      'me.get': () => ({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: '网络不给力', retryable: true } }),
    }) as typeof callFunction,
  );
  render(<MinePage />);
  expect(await screen.findByText('您还没有报名任何活动')).toBeTruthy();
  expect(screen.queryByText('工作人员入口')).toBeNull();
});
