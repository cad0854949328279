/**
 * 下级汇总 page: a city's week broken down by its districts (people counted once across them),
 * drilled down to a district and back.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { callFunction } from '../../src/platform/call';
import LevelsPage from '../../src/organizer/levels/index';
import { cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const sent = (action: string) => call.mock.calls.filter(([, a]) => a === action).map(([, , d]) => d);

const f = (eventsHeld: number, attendance: number, distinctPeople: number) => ({
  eventsScheduled: eventsHeld,
  eventsHeld,
  checkedIn: attendance,
  walkIns: 0,
  online: 0,
  entered: 0,
  attendance,
  distinctPeople,
});
const CITY_ROLLUP = {
  campaign: { id: 'cp-cz', name: '常州市活动周', orgId: 'changzhou', orgName: '常州市' },
  figures: f(5, 70, 50),
  own: f(0, 0, 0),
  below: [
    {
      campaignId: 'cp-jt',
      orgId: 'jintan',
      orgName: '金坛区',
      weekStart: '2026-11-14',
      weekEnd: '2026-11-20',
      figures: f(2, 30, 25),
    },
    {
      campaignId: 'cp-wj',
      orgId: 'wujin',
      orgName: '武进区',
      weekStart: '2026-11-07',
      weekEnd: '2026-11-13',
      figures: f(3, 40, 30),
    },
  ],
};
const DISTRICT_ROLLUP = {
  ...CITY_ROLLUP,
  campaign: { ...CITY_ROLLUP.campaign, orgName: '金坛区' },
  figures: f(2, 30, 25),
  below: [],
};

beforeEach(() => {
  jest.clearAllMocks();
  call.mockImplementation(
    cannedTransport({
      'rollup.get': (d) => ok(d.campaignId ? DISTRICT_ROLLUP : CITY_ROLLUP),
    }) as typeof callFunction,
  );
});

test('shows the roll-up by the level below with people counted once, and drills down', async () => {
  render(<LevelsPage />);
  expect(await screen.findByText('常州市 汇总')).toBeTruthy();
  // 25 + 30 = 55 people in the districts, 50 for the city: the same people are not counted twice.
  const total = document.getElementById('levels-total-figures') as HTMLElement;
  expect(total.textContent).toContain('举办场次 5');
  expect(total.textContent).toContain('参加人次 70');
  expect(total.textContent).toContain('参加人数 50');
  const jintan = document.getElementById('level-jintan') as HTMLElement;
  expect(jintan.textContent).toContain('参加人数 25');
  fireEvent.click(screen.getByText('金坛区', { selector: '#level-jintan .report-row__title' }));
  expect(await screen.findByText('金坛区 汇总')).toBeTruthy();
  expect(sent('rollup.get')).toContainEqual({ campaignId: 'cp-jt' });
  fireEvent.click(screen.getByText('返回上一级'));
  expect(await screen.findByText('常州市 汇总')).toBeTruthy();
});
