/**
 * 活动管理: events by status, and what each state allows — unit staff submit, organizers approve
 * or return with a reason, both cancel with a reason and a confirmation; 修改名额 shows the
 * backend's CAPACITY_BELOW_TAKEN message; a returned event shows why.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import ManagedEventsPage from '../../src/organizer/events/index';
import { eventActions } from '../../src/organizer/event-actions';
import type { ManagedEventView, WhoAmI } from '../../types/api';
import Taro from './stand-ins/taro';
import { cannedTransport, ok } from './builders';
import { ORGANIZER_ME, STAFF_ME, aManagedEvent } from './setup-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const reviews = () => call.mock.calls.filter(([, a]) => a === 'event.review').map(([, , d]) => d);

const NEXT = { submit: 'submitted', approve: 'approved', return: 'returned', cancel: 'cancelled' } as const;

function backend(events: ManagedEventView[], me: WhoAmI) {
  const state = events.map((e) => ({ ...e }));
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok(me),
      'events.managed': () => ok({ events: state }),
      'event.review': (input) => {
        const e = state.find((x) => x.id === input.eventId)!;
        e.status = NEXT[input.action as keyof typeof NEXT];
        e.reviewNote = input.action === 'return' ? String(input.reason) : null;
        return ok({ event: { ...e } });
      },
      'event.setCapacity': (input) =>
        Number(input.capacity) < 18
          ? {
              ok: false,
              error: { code: 'CAPACITY_BELOW_TAKEN', message: '已有 18 人报名，名额不能少于此数', retryable: false },
            }
          : ok({ event: { ...state.find((x) => x.id === input.eventId)!, capacity: Number(input.capacity) } }),
    }) as typeof callFunction,
  );
}

const card = (id: string) => document.getElementById(`managed-${id}`) as HTMLElement;
const tab = (label: RegExp) => screen.getByText(label);

beforeEach(() => jest.clearAllMocks());

test('what each state allows, for unit staff and for organizers', () => {
  expect(eventActions('draft', false)).toEqual(['edit', 'submit', 'cancel']);
  expect(eventActions('returned', false)).toEqual(['edit', 'submit', 'cancel']);
  expect(eventActions('submitted', false)).toEqual(['edit', 'cancel']);
  expect(eventActions('submitted', true)).toEqual(['approve', 'return', 'edit', 'cancel']);
  expect(eventActions('approved', false)).toEqual(['edit', 'capacity', 'poster', 'cancel']);
  expect(eventActions('approved', true)).toEqual(['edit', 'capacity', 'poster', 'return', 'cancel']);
  expect(eventActions('cancelled', true)).toEqual([]);
});

test('unit staff submit a draft; it waits for the organizers', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'draft' })], STAFF_ME);
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  expect(
    tab(/^草稿 1$/)
      .closest('[role="tab"]')
      ?.getAttribute('aria-selected'),
  ).toBe('true');
  expect(within(card('ev1')).queryByText('通过')).toBeNull();
  fireEvent.click(within(card('ev1')).getByText('提交审核'));
  await waitFor(() => expect(reviews()).toEqual([{ eventId: 'ev1', action: 'submit', reason: '' }]));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交审核' }));

  fireEvent.click(tab(/^待审核 1$/));
  expect(within(card('ev1')).getByText('等待组织者审核')).toBeTruthy();
  expect(within(card('ev1')).queryByText('通过')).toBeNull();
});

test('a returned event shows why, and can be submitted again', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'returned', reviewNote: '请写明具体门牌号' })], STAFF_ME);
  render(<ManagedEventsPage />);
  expect(await screen.findByText('退回原因：请写明具体门牌号')).toBeTruthy();
  expect(within(card('ev1')).getByText('提交审核')).toBeTruthy();
  fireEvent.click(within(card('ev1')).getByText('编辑'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/organizer/event-edit/index?id=ev1' });
});

test('organizers open 待审核 first and approve', async () => {
  backend(
    [
      aManagedEvent({ id: 'ev1', status: 'submitted' }),
      aManagedEvent({ id: 'ev2', status: 'approved', title: '书法课' }),
    ],
    ORGANIZER_ME,
  );
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  expect(screen.queryByText('书法课')).toBeNull(); // in 已发布
  fireEvent.click(within(card('ev1')).getByText('通过'));
  await waitFor(() => expect(reviews()).toEqual([{ eventId: 'ev1', action: 'approve', reason: '' }]));
  fireEvent.click(tab(/^已发布 2$/));
  expect(within(card('ev1')).getByText('已发布')).toBeTruthy();
  expect(within(card('ev1')).getByText('生成海报')).toBeTruthy();
});

test('returning needs a reason', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'submitted' })], ORGANIZER_ME);
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  fireEvent.click(within(card('ev1')).getByText('退回'));
  fireEvent.click(screen.getByText('确认退回'));
  expect(screen.getByText('请填写退回原因')).toBeTruthy();
  expect(reviews()).toEqual([]);
  fireEvent.change(screen.getByPlaceholderText('例如：请补充活动地点的具体门牌号'), {
    target: { value: '地点不具体' },
  });
  fireEvent.click(screen.getByText('确认退回'));
  await waitFor(() => expect(reviews()).toEqual([{ eventId: 'ev1', action: 'return', reason: '地点不具体' }]));
});

test('cancelling needs a reason and a confirmation that says who will be told', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'approved', confirmedPeople: 18, waitingCount: 2 })], STAFF_ME);
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  fireEvent.click(within(card('ev1')).getByText('取消活动'));
  fireEvent.click(screen.getByText('确认取消活动'));
  expect(screen.getByText('请填写取消原因（会告诉已报名的居民）')).toBeTruthy();

  fireEvent.change(screen.getByPlaceholderText('例如：因天气原因取消'), { target: { value: '场地维修' } });
  (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
  fireEvent.click(screen.getByText('确认取消活动'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('已报名和候补的 20 人会收到取消通知');
  expect(reviews()).toEqual([]);

  fireEvent.click(screen.getByText('确认取消活动'));
  await waitFor(() => expect(reviews()).toEqual([{ eventId: 'ev1', action: 'cancel', reason: '场地维修' }]));
  fireEvent.click(tab(/^已取消 1$/));
  expect(within(card('ev1')).queryByRole('button')).toBeNull(); // nothing more to do
});

test('修改名额 shows the backend’s refusal below the seats taken', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'approved', capacity: 30, confirmedPeople: 18 })], STAFF_ME);
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  expect(within(card('ev1')).getByText('已报名 18 人 / 名额 30')).toBeTruthy();
  fireEvent.click(within(card('ev1')).getByText('修改名额'));
  const box = screen.getByPlaceholderText('名额（人）');
  fireEvent.change(box, { target: { value: '10' } });
  fireEvent.click(screen.getByText('保存名额'));
  expect(await screen.findByText('已有 18 人报名，名额不能少于此数')).toBeTruthy();

  fireEvent.change(box, { target: { value: '40' } });
  fireEvent.click(screen.getByText('保存名额'));
  expect(await screen.findByText('已报名 18 人 / 名额 40')).toBeTruthy();
  expect(call.mock.calls.filter(([, a]) => a === 'event.setCapacity').map(([, , d]) => d)).toEqual([
    { eventId: 'ev1', capacity: 10 },
    { eventId: 'ev1', capacity: 40 },
  ]);
});

test('生成海报 opens the poster of the event', async () => {
  backend([aManagedEvent({ id: 'ev1', status: 'approved' })], STAFF_ME);
  render(<ManagedEventsPage />);
  await screen.findByText('老年人智能手机课');
  fireEvent.click(within(card('ev1')).getByText('生成海报'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/organizer/poster/index?id=ev1' });
});
