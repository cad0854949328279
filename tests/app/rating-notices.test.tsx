/**
 * 我的报名 after the event: a checked-in sign-up without a rating gets 评价 (five big stars and an
 * optional comment → rating.submit), then shows the rating; 通知 shows the unread count and the
 * list marks a notice read when it is opened.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import MinePage from '../../src/pages/mine/index';
import NoticesPage from '../../src/pages/notices/index';
import type { Notice } from '../../types/domain';
import { at } from '../../backend/core/time';
import Taro from './stand-ins/taro';
import { aRegistration, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const PAST = '2026-11-14';
const attended = aRegistration({ id: 'e1_r1', eventId: 'e1', cancellable: false, checkedInAt: at(PAST, '09:31') });
const rated = aRegistration({
  id: 'e2_r1',
  eventId: 'e2',
  cancellable: false,
  checkedInAt: at(PAST, '14:02'),
  myRating: 5,
});
const absent = aRegistration({ id: 'e3_r1', eventId: 'e3', cancellable: false });

function backend(rating: (input: Record<string, unknown>) => ReturnType<typeof ok> | { ok: false; error: never }) {
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok({ role: 'resident', name: null, unitIds: [], districtId: null }),
      'signup.mine': () =>
        ok({
          items: [
            { registration: attended, event: anEvent({ id: 'e1', title: '智能手机使用入门', day: PAST }) },
            { registration: rated, event: anEvent({ id: 'e2', title: '家庭亲子阅读会', day: PAST }) },
            { registration: absent, event: anEvent({ id: 'e3', title: '书法体验课', day: PAST }) },
          ],
        }),
      'rating.submit': rating,
    }) as typeof callFunction,
  );
}

const card = (title: string) => screen.getByText(title).closest('.registration-card') as HTMLElement;

beforeEach(() => jest.clearAllMocks());

test('评价 only where checked in and not yet rated; a given rating shows as stars', async () => {
  backend(() => ok({ registrationId: 'e1_r1', score: 4 }));
  render(<MinePage />);
  await screen.findByText('智能手机使用入门');
  expect(within(card('智能手机使用入门')).getByText('评价')).toBeTruthy();
  expect(within(card('家庭亲子阅读会')).queryByText('评价')).toBeNull();
  expect(within(card('家庭亲子阅读会')).getByLabelText('5 星，很满意')).toBeTruthy();
  expect(within(card('书法体验课')).queryByText('评价')).toBeNull(); // never checked in
});

test('rates with big stars and a comment, then shows the rating', async () => {
  backend((input) => ok({ registrationId: String(input.registrationId), score: Number(input.score) }));
  render(<MinePage />);
  await screen.findByText('智能手机使用入门');
  fireEvent.click(within(card('智能手机使用入门')).getByText('评价'));

  const panel = card('智能手机使用入门');
  // Submitting without stars asks for them first.
  fireEvent.click(within(panel).getByText('提交评价'));
  expect(within(panel).getByText('请先点星星打分')).toBeTruthy();

  fireEvent.click(within(panel).getByLabelText('4 星，满意'));
  expect(within(panel).getByText('4 星：满意')).toBeTruthy();
  fireEvent.change(within(panel).getByPlaceholderText('说说您的感受（可不填）'), {
    target: { value: ' 老师讲得很耐心 ' },
  });
  fireEvent.click(within(panel).getByText('提交评价'));

  await waitFor(() => expect(within(card('智能手机使用入门')).getByText('我的评价：')).toBeTruthy());
  expect(within(card('智能手机使用入门')).getByText('满意')).toBeTruthy();
  expect(within(card('智能手机使用入门')).queryByText('评价')).toBeNull();
  expect(call.mock.calls.filter(([, a]) => a === 'rating.submit').map(([, , d]) => d)).toEqual([
    { registrationId: 'e1_r1', score: 4, comment: '老师讲得很耐心' },
  ]);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '谢谢您的评价' }));
});

test('a refusal is shown in the panel', async () => {
  backend(
    () =>
      ({
        ok: false,
        error: { code: 'RATING_NOT_ALLOWED', message: '签到参加活动后才能评价', retryable: false },
      }) as never,
  );
  render(<MinePage />);
  await screen.findByText('智能手机使用入门');
  fireEvent.click(within(card('智能手机使用入门')).getByText('评价'));
  fireEvent.click(screen.getByLabelText('2 星，不满意'));
  fireEvent.click(screen.getByText('提交评价'));
  expect(await screen.findByText('签到参加活动后才能评价')).toBeTruthy();
});

describe('通知', () => {
  const notices: Notice[] = [
    {
      id: 'n1',
      ownerId: 'o1',
      eventId: 'e1',
      kind: 'event_changed',
      text: '您报名的“智能手机使用入门”有变动：地点改为 尧塘街道社区教育中心',
      createdAt: at(PAST, '08:00'),
      readAt: null,
    },
    {
      id: 'n2',
      ownerId: 'o1',
      eventId: 'e2',
      kind: 'promoted',
      text: '候补成功：家庭亲子阅读会',
      createdAt: at(PAST, '07:00'),
      readAt: at(PAST, '07:30'),
    },
  ];

  function noticeBackend() {
    const state = notices.map((n) => ({ ...n }));
    call.mockImplementation(
      cannedTransport({
        'me.get': () => ok({ role: 'resident', name: null, unitIds: [], districtId: null }),
        'signup.mine': () => ok({ items: [] }),
        'notices.list': () => ok({ notices: state, unread: state.filter((n) => n.readAt === null).length }),
        'notices.read': (input) => {
          const n = state.find((x) => x.id === input.id);
          if (n) n.readAt = Date.now();
          return ok({ read: true });
        },
      }) as typeof callFunction,
    );
  }

  test('我的报名 shows the unread count and opens the list', async () => {
    noticeBackend();
    render(<MinePage />);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    fireEvent.click(screen.getByText('1 条未读'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/index' });
  });

  test('opening a notice marks it read and opens its event', async () => {
    noticeBackend();
    render(<NoticesPage />);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    const unread = document.getElementById('notice-n1') as HTMLElement;
    expect(unread.classList.contains('notice-item--unread')).toBe(true);
    fireEvent.click(unread);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=e1' }));
    expect(call.mock.calls.filter(([, a]) => a === 'notices.read').map(([, , d]) => d)).toEqual([{ id: 'n1' }]);
    expect(screen.getByText('都已读过')).toBeTruthy();
    // A read notice is not marked again.
    fireEvent.click(document.getElementById('notice-n2') as HTMLElement);
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=e2' }));
    expect(call.mock.calls.filter(([, a]) => a === 'notices.read')).toHaveLength(1);
  });
});
