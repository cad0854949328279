import { fireEvent, render, screen, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import SchedulePage from '../../src/pages/schedule/index';
import { scheduleByDay } from '../../src/schedule';
import Taro from './stand-ins/taro';
import { at } from '../../backend/core/time';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const items = [
  // Listed out of order on purpose: the schedule sorts by day, then by time.
  {
    registration: aRegistration({ id: 'e3_r', eventId: 'e3' }),
    event: anEvent({
      id: 'e3',
      title: '书法体验课',
      day: '2026-11-15',
      startAt: at('2026-11-15', '14:00'),
      endAt: at('2026-11-15', '16:00'),
    }),
  },
  {
    registration: aRegistration({ id: 'e2_r', eventId: 'e2', status: 'waitlisted', waitPosition: 1 }),
    event: anEvent({
      id: 'e2',
      title: '家庭亲子阅读会',
      day: '2026-11-14',
      startAt: at('2026-11-14', '09:30'),
      endAt: at('2026-11-14', '11:00'),
    }),
  },
  {
    registration: aRegistration({ id: 'e4_r', eventId: 'e4', status: 'cancelled', cancellable: false }),
    event: anEvent({ id: 'e4', title: '已取消的报名', day: '2026-11-14' }),
  },
  {
    // 19:00 on the 14th to 10:00 on the 15th: on both days.
    registration: aRegistration({ id: 'e5_r', eventId: 'e5' }),
    event: anEvent({
      id: 'e5',
      title: '读书通宵夜',
      day: '2026-11-14',
      startAt: at('2026-11-14', '19:00'),
      endAt: at('2026-11-15', '10:00'),
    }),
  },
];

test('arranges sign-ups by day and time, leaves cancelled ones out, lists a two-day activity on both days', () => {
  const days = scheduleByDay(items);
  expect(days.map((d) => d.day)).toEqual(['2026-11-14', '2026-11-15']);
  expect(days[0].entries.map((e) => [e.event.title, e.time])).toEqual([
    ['家庭亲子阅读会', '09:30—11:00'],
    ['读书通宵夜', '19:00—24:00'],
  ]);
  expect(days[1].entries.map((e) => [e.event.title, e.time, e.part, e.parts])).toEqual([
    ['读书通宵夜', '00:00—10:00', 2, 2],
    ['书法体验课', '14:00—16:00', 1, 1],
  ]);
});

test('an activity ending at midnight stays on its own day', () => {
  const late = {
    registration: aRegistration(),
    event: anEvent({ startAt: at('2026-11-14', '20:00'), endAt: at('2026-11-15', '00:00') }),
  };
  expect(scheduleByDay([late]).map((d) => d.day)).toEqual(['2026-11-14']);
});

test('the page shows each day with its entries and opens an event', async () => {
  call.mockImplementation(cannedTransport({ 'signup.mine': () => ok({ items }) }) as typeof callFunction);
  render(<SchedulePage />);
  const first = (await screen.findByText(/11月14日/)).closest('.schedule-day') as HTMLElement;
  expect(within(first).getByText('家庭亲子阅读会')).toBeTruthy();
  expect(within(first).getByText('候补第1位')).toBeTruthy();
  expect(within(first).queryByText('已取消的报名')).toBeNull();
  const second = screen.getByText(/11月15日/).closest('.schedule-day') as HTMLElement;
  expect(within(second).getByText('多日活动：第 2 天，共 2 天')).toBeTruthy();
  fireEvent.click(within(second).getByText('书法体验课'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=e3' });
});

test('with nothing signed up it says so', async () => {
  call.mockImplementation(cannedTransport({ 'signup.mine': () => ok({ items: [] }) }) as typeof callFunction);
  render(<SchedulePage />);
  expect(await screen.findByText('日程里还没有活动')).toBeTruthy();
});
