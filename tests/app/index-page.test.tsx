import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { at } from '../../backend/core/time';
import { callFunction } from '../../src/platform/call';
import IndexPage from '../../src/pages/index/index';
import Taro from './stand-ins/taro';
import { WEEK_DAYS, aWeek, anEvent, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;

const EVENTS = [
  anEvent({ id: 'e1', title: '智能手机使用入门', day: WEEK_DAYS[0], venueRole: 'main' }),
  anEvent({
    id: 'e2',
    title: '家庭亲子阅读会',
    day: WEEK_DAYS[0],
    category: 'reading',
    seatsLeft: 0,
    waitingCount: 3,
    streetId: 's2',
    streetName: '东湖镇',
    mode: 'hybrid',
  }),
  anEvent({
    id: 'e3',
    title: '终身学习成果展',
    day: WEEK_DAYS[0],
    category: 'exhibition',
    capacity: null,
    seatsLeft: null,
  }),
  anEvent({
    id: 'e4',
    title: '太极拳基础培训',
    day: WEEK_DAYS[1],
    startAt: at(WEEK_DAYS[1], '14:00'),
    endAt: at(WEEK_DAYS[1], '15:30'),
  }),
  anEvent({ id: 'e5', title: '退役军人政策讲座', day: WEEK_DAYS[1], cancelled: true, signupOpen: false }),
];

/** A fake backend that filters like the real one does for the fields the page sends. */
function backend() {
  call.mockImplementation(
    cannedTransport({
      'week.get': () => ok(aWeek()),
      'events.list': (input) => {
        const events = EVENTS.filter(
          (e) =>
            (!input.day || e.day === input.day) &&
            (!input.streetId || e.streetId === input.streetId) &&
            (!input.category || e.category === input.category) &&
            (!input.q || e.title.includes(String(input.q))),
        );
        return ok({ events, total: events.length });
      },
    }) as typeof callFunction,
  );
}

function lastListInput(): Record<string, unknown> {
  const calls = call.mock.calls.filter(([, action]) => action === 'events.list');
  return calls[calls.length - 1][2] as Record<string, unknown>;
}

const cardTitles = () =>
  screen.queryAllByText((_, el) => el?.classList.contains('event-card__title') ?? false).map((el) => el.textContent);

beforeEach(() => {
  jest.restoreAllMocks();
  jest.clearAllMocks();
  backend();
});

test('shows the campaign and the first day’s events when today is outside the week', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(at('2026-10-01', '10:00'));
  render(<IndexPage />);

  expect(await screen.findByText('智能手机使用入门')).toBeTruthy();
  expect(screen.getByText('2026年示范区全民终身学习活动周')).toBeTruthy();
  expect(screen.getByText('主题：学习让生活更美好')).toBeTruthy();
  expect(screen.getByText('演示数据')).toBeTruthy();
  expect(cardTitles()).toEqual(['智能手机使用入门', '家庭亲子阅读会', '终身学习成果展']);
  expect(lastListInput()).toMatchObject({ campaignId: 'c1', day: WEEK_DAYS[0] });

  // Seats line of each kind.
  expect(screen.getByText('余位 12')).toBeTruthy();
  expect(screen.getByText('已满，可候补')).toBeTruthy();
  expect(screen.getByText('无需报名')).toBeTruthy();
  // Tags.
  const first = document.getElementById('event-e1')!;
  expect(within(first).getByText('09:30–11:00')).toBeTruthy();
  expect(within(first).getByText('主会场')).toBeTruthy();
  expect(within(first).getByText('惠民')).toBeTruthy();
  expect(within(first).getByText('城关社区学院 · 城关街道')).toBeTruthy();
});

test('opens on today when it falls inside the week, and switches day by tab', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(at(WEEK_DAYS[1], '08:00'));
  render(<IndexPage />);

  expect(await screen.findByText('太极拳基础培训')).toBeTruthy();
  expect(screen.getByText('已取消')).toBeTruthy();
  const tab = screen.getByText('11月15日').closest('.day-tab')!;
  expect(tab.className).toContain('day-tab--active');
  expect(within(tab as HTMLElement).getByText('周日')).toBeTruthy();

  fireEvent.click(screen.getByText('11月14日'));
  expect(await screen.findByText('家庭亲子阅读会')).toBeTruthy();
  expect(screen.queryByText('太极拳基础培训')).toBeNull();
  expect(lastListInput()).toMatchObject({ day: WEEK_DAYS[0] });
});

test('filters by street, category and search, and says so when nothing matches', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(at('2026-10-01', '10:00'));
  render(<IndexPage />);
  await screen.findByText('智能手机使用入门');

  fireEvent.change(screen.getByLabelText('全部街道/镇'), { target: { value: '2' } }); // 东湖镇
  await waitFor(() => expect(cardTitles()).toEqual(['家庭亲子阅读会']));
  expect(lastListInput()).toMatchObject({ day: WEEK_DAYS[0], streetId: 's2' });

  fireEvent.change(screen.getByLabelText('全部类别'), { target: { value: '1' } }); // 讲座
  expect(await screen.findByText('没有符合条件的活动，换个条件试试')).toBeTruthy();
  expect(lastListInput()).toMatchObject({ streetId: 's2', category: 'lecture' });

  fireEvent.click(screen.getAllByText('清除筛选')[0]);
  await waitFor(() => expect(cardTitles()).toHaveLength(3));

  fireEvent.change(screen.getByPlaceholderText('搜索活动'), { target: { value: '阅读' } });
  fireEvent.click(screen.getByText('搜索'));
  await waitFor(() => expect(cardTitles()).toEqual(['家庭亲子阅读会']));
  expect(lastListInput()).toMatchObject({ q: '阅读' });
  expect(lastListInput()).not.toHaveProperty('streetId');
});

test('a card opens its event page', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(at('2026-10-01', '10:00'));
  render(<IndexPage />);
  fireEvent.click(await screen.findByText('家庭亲子阅读会'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=e2' });
});

test('shows a transport failure with a retry', async () => {
  call.mockResolvedValueOnce({
    ok: false,
    error: { code: 'STORE_UNAVAILABLE', message: '网络不给力，请稍后重试', retryable: true },
  });
  render(<IndexPage />);
  expect(await screen.findByText('网络不给力，请稍后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('智能手机使用入门')).toBeTruthy();
});
