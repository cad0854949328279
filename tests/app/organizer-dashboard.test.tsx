import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import { watchLive, type LiveOptions } from '../../src/platform/live';
import DashboardPage from '../../src/organizer/dashboard/index';
import type { DashboardView, WhoAmI } from '../../types/api';
import { hidePage } from './stand-ins/taro';
import { cannedTransport, ok } from './builders';
import { aDashboard, figures } from './organizer-fixtures';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
jest.mock('../../src/platform/live', () => ({ watchLive: jest.fn() }));
// ECharts needs a real canvas: a stand-in records what each chart was asked to draw.
jest.mock('../../src/components/charts/echart', () => ({
  EChart: (props: { option: unknown; label: string; className?: string }) =>
    require('react').createElement('div', {
      'data-testid': 'echart',
      'aria-label': props.label,
      className: props.className,
      'data-option': JSON.stringify(props.option),
    }),
}));

const call = callFunction as jest.MockedFunction<typeof callFunction>;
const live = watchLive as jest.MockedFunction<typeof watchLive>;
const stopLive = jest.fn();

const organizer: WhoAmI = { role: 'organizer', name: '区教育局 凌老师', unitIds: [], districtId: 'd1' };
const staff: WhoAmI = { role: 'staff', name: '尧塘中心 张老师', unitIds: ['centre-yaotang'], districtId: 'd1' };

let current: DashboardView;

function backend(me: WhoAmI = organizer, handlers: Parameters<typeof cannedTransport>[0] = {}) {
  call.mockImplementation(
    cannedTransport({
      'me.get': () => ok(me),
      'dashboard.get': () => ok(current),
      ...handlers,
    }) as typeof callFunction,
  );
}

const tile = (key: string) => document.getElementById(`tile-${key}`) as HTMLElement;
const rowsOf = (tableId: string) =>
  Array.from(document.querySelectorAll(`#${tableId} [data-row]`)).map((r) => r.getAttribute('data-row'));
/** Waits for the element with this id. */
const byId = (id: string) =>
  waitFor(() => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`#${id} not rendered yet`);
    return el;
  });
const dashboardCalls = () => call.mock.calls.filter(([, action]) => action === 'dashboard.get').length;

beforeEach(() => {
  jest.clearAllMocks();
  current = aDashboard();
  live.mockImplementation(() => stopLive);
  backend();
});

test('shows this week and today as figure tiles, with 群众满意度 and the excellence mark', async () => {
  render(<DashboardPage />);
  await screen.findByText('实时统计');

  expect(within(tile('events')).getByText('20/68')).toBeTruthy();
  expect(within(tile('events')).getByText('今日 5/12')).toBeTruthy();
  expect(within(tile('signups')).getByText('1,351')).toBeTruthy();
  expect(within(tile('signups')).getByText('今日 54')).toBeTruthy();
  expect(within(tile('checkedIn')).getByText('800')).toBeTruthy();
  expect(within(tile('walkIns')).getByText('45')).toBeTruthy();
  expect(within(tile('entered')).getByText('320')).toBeTruthy();
  expect(within(tile('entered')).getByText(/填报/)).toBeTruthy();
  expect(within(tile('attendance')).getByText('1,165')).toBeTruthy();
  expect(within(tile('distinct')).getByText('640')).toBeTruthy();
  expect(within(tile('distinct')).getByText(/不重复/)).toBeTruthy();
  expect(within(tile('streets')).getByText('9')).toBeTruthy();

  const satisfaction = tile('satisfaction');
  expect(within(satisfaction).getByText('85.0%')).toBeTruthy();
  expect(within(satisfaction).getByText(/40 份评价/)).toBeTruthy();
  expect(within(satisfaction).getByText('达到优秀组织奖标准（≥80%）')).toBeTruthy();
});

test('no excellence mark below 80%, and 暂无评价 without ratings', async () => {
  current = aDashboard({
    week: figures({ satisfaction: { rate: 0.75, ratings: 8, good: 6, meetsExcellence: false } }),
    todayFigures: figures(),
  });
  render(<DashboardPage />);
  const satisfaction = await byId('tile-satisfaction');
  expect(within(satisfaction).getByText('75.0%')).toBeTruthy();
  expect(within(satisfaction).queryByText(/优秀组织奖/)).toBeNull();
  expect(within(satisfaction).getByText(/今日 暂无/)).toBeTruthy();
});

test('draws the hourly curve (24 points) and the days as bars, today highlighted', async () => {
  render(<DashboardPage />);
  const charts = await screen.findAllByTestId('echart');
  const hourly = charts.find((c) => c.className.includes('chart--hourly')) as HTMLElement;
  const days = charts.find((c) => c.className.includes('chart--days')) as HTMLElement;
  const line = JSON.parse(hourly.getAttribute('data-option') ?? '{}');
  expect(line.series[0].type).toBe('line');
  // Generated at 10:15 today: hours 0–10 drawn, the hours still to come left out ('-'), not zeros.
  const drawn = line.series[0].data.map((d: { value: number } | string) => (typeof d === 'string' ? d : d.value));
  expect(drawn).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 14, ...Array<string>(13).fill('-')]);
  expect(line.xAxis.data).toHaveLength(24);
  const bars = JSON.parse(days.getAttribute('data-option') ?? '{}');
  expect(bars.series[0].type).toBe('bar');
  expect(bars.series[0].data.map((d: { value: number }) => d.value)).toEqual([400, 34, 0]);
  expect(bars.series[0].data[1].itemStyle.color).not.toBe(bars.series[0].data[0].itemStyle.color);
  expect(screen.getByText('今天共到场 34 人次，9时最多（20 人次）')).toBeTruthy();
});

test('sorts a table by tapping its column header, and again to reverse', async () => {
  render(<DashboardPage />);
  await screen.findByText('分组统计');
  // By street/town, opened on 参加人次, largest first.
  expect(rowsOf('table-street')).toEqual(['s-xicheng', 's-yaotang', 's-zhixi']);

  const header = document.querySelector('#table-street [data-key="signups"]') as HTMLElement;
  fireEvent.click(header);
  expect(rowsOf('table-street')).toEqual(['s-zhixi', 's-xicheng', 's-yaotang']);
  expect(header.getAttribute('aria-sort')).toBe('descending');

  fireEvent.click(header);
  expect(rowsOf('table-street')).toEqual(['s-yaotang', 's-xicheng', 's-zhixi']);
  expect(header.getAttribute('aria-sort')).toBe('ascending');

  // Other groupings: by unit.
  fireEvent.click(document.querySelector('.segmented__item[data-value="unit"]') as HTMLElement);
  expect(rowsOf('table-unit')).toEqual(['centre-xicheng', 'centre-yaotang']);
});

test('lists events with what is happening now highlighted', async () => {
  render(<DashboardPage />);
  await screen.findByText('活动明细');
  expect(rowsOf('table-events')).toEqual(['e1', 'e2']); // 今日
  const now = document.querySelector('#table-events [data-row="e2"]') as HTMLElement;
  expect(now.className).toContain('table__row--now');
  expect(within(now).getByText('进行中')).toBeTruthy();

  fireEvent.click(document.querySelector('.segmented__item[data-value="all"]') as HTMLElement);
  expect(rowsOf('table-events')).toEqual(['e1', 'e2', 'e3']);
  fireEvent.click(document.querySelector('.segmented__item[data-value="now"]') as HTMLElement);
  expect(rowsOf('table-events')).toEqual(['e2']);
});

test('re-fetches when the live twin reports a change, shows 实时, and stops when the page hides', async () => {
  render(<DashboardPage />);
  await waitFor(() => expect(live).toHaveBeenCalledTimes(1));
  const options = live.mock.calls[0][0] as LiveOptions;
  expect(options.campaignId).toBe('c1');
  expect(dashboardCalls()).toBe(1);

  act(() => options.onStatus?.('live'));
  expect(screen.getByText('实时')).toBeTruthy();
  expect(screen.getByText(/更新于 \d\d:\d\d:\d\d/)).toBeTruthy();

  current = aDashboard({ week: { ...aDashboard().week, signups: 1352 } });
  act(() => options.onChange());
  await waitFor(() => expect(within(tile('signups')).getByText('1,352')).toBeTruthy());
  expect(dashboardCalls()).toBe(2);

  act(() => hidePage());
  expect(stopLive).toHaveBeenCalled();
});

test('organizers enter the participant figure of an online event (填报)', async () => {
  backend(organizer, {
    'attendance.enter': (input) => {
      expect(input).toEqual({ eventId: 'e2', participants: 320, note: '直播平台后台观看人数' });
      return ok({ eventId: 'e2', entered: 320 });
    },
  });
  render(<DashboardPage />);
  const item = await byId('online-e2');
  expect(within(item).getByText('尚未填报')).toBeTruthy();
  fireEvent.click(within(item).getByText('填报线上人数'));

  fireEvent.change(within(item).getByPlaceholderText('例如 320'), { target: { value: '320' } });
  fireEvent.click(within(item).getByText('保存填报'));
  expect(await within(item).findByText('请说明数据来源，例如“直播平台后台观看人数”')).toBeTruthy();

  fireEvent.change(within(item).getByPlaceholderText('例如：直播平台后台观看人数'), {
    target: { value: '直播平台后台观看人数' },
  });
  fireEvent.click(within(item).getByText('保存填报'));
  await waitFor(() => expect(call.mock.calls.some(([, a]) => a === 'attendance.enter')).toBe(true));
  await waitFor(() => expect(dashboardCalls()).toBe(2));
});

test('重新核对 shows the repair report', async () => {
  backend(organizer, {
    // Two pages: 25 events, then the remaining 43 with the campaign's counters.
    'reconcile.run': (input) =>
      input.cursor === 0
        ? ok({ campaignId: 'c1', checkedEvents: 25, repairs: [], next: 25 })
        : ok({
            campaignId: 'c1',
            checkedEvents: 43,
            repairs: [{ target: 'e1', field: 'checkedIn', was: 14, now: 15 }],
            next: null,
          }),
  });
  render(<DashboardPage />);
  fireEvent.click(await screen.findByText('重新核对'));
  const report = await byId('reconcile-report');
  expect(within(report).getByText(/已核对 68 项活动/)).toBeTruthy();
  expect(within(report).getByText(/修正了 1 处/)).toBeTruthy();
  expect(within(report).getByText(/智能手机使用入门 · 签到人次：14 → 15/)).toBeTruthy();
  expect(call.mock.calls.filter(([, a]) => a === 'reconcile.run').map(([, , input]) => input)).toEqual([
    { campaignId: 'c1', cursor: 0 },
    { campaignId: 'c1', cursor: 25 },
  ]);
});

test('staff see their units’ figures without the organizers’ actions', async () => {
  current = aDashboard({ scope: { kind: 'units', name: '尧塘街道社区教育中心' } });
  backend(staff);
  render(<DashboardPage />);
  expect(await screen.findByText('本单位：尧塘街道社区教育中心')).toBeTruthy();
  await waitFor(() => expect(call.mock.calls.some(([, a]) => a === 'me.get')).toBe(true));
  expect(screen.queryByText('填报线上人数')).toBeNull();
  expect(screen.queryByText('重新核对')).toBeNull();
});
