/** The other staff pages: today's events, the roster (live, search, by hand, undo), walk-ins and proxy sign-ups. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { WhoAmI } from '../../types/api';
import { addDays, dayLabel, dayOf } from '../../backend/core/time';
import { callFunction } from '../../src/platform/call';
import StaffEventsPage from '../../src/staff/events/index';
import StaffRosterPage from '../../src/staff/roster/index';
import StaffWalkinPage from '../../src/staff/walkin/index';
import { chooseScale, resetThemeState } from '../../src/theme';
import Taro, { clearStorage, hidePage, setRouterParams } from './stand-ins/taro';
import { aScanResult, aStaffEvent, anEntry } from './door-fixtures';
import { aRegistration, aWeek, cannedTransport, ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));
const call = callFunction as jest.MockedFunction<typeof callFunction>;
const callsOf = (action: string) =>
  call.mock.calls.filter(([, a]) => a === action).map(([, , d]) => d as Record<string, unknown>);

const staff: WhoAmI = { role: 'staff', name: '张老师', unitIds: ['u1'], districtId: 'd1' };
const supervisor: WhoAmI = { ...staff, role: 'supervisor' };

beforeEach(() => {
  jest.clearAllMocks();
  clearStorage();
});

describe('staff events', () => {
  const today = dayOf(Date.now());
  const tomorrow = addDays(today, 1);

  function backend(days: string[]) {
    call.mockImplementation(
      cannedTransport({
        'week.get': () => ok(aWeek({ days })),
        'staff.events': (d) =>
          d.day === tomorrow
            ? { ok: false, error: { code: 'FORBIDDEN', message: '只能管理本单位的活动', retryable: false } }
            : ok({
                events: [
                  aStaffEvent({ id: 'e1', title: '智能手机使用入门', checkedIn: 7, confirmedPeople: 12, capacity: 30 }),
                ],
              }),
      }) as typeof callFunction,
    );
  }

  test('opens on today in Asia/Shanghai, shows attendance, and opens scanning and the roster', async () => {
    backend([addDays(today, -1), today, tomorrow]);
    render(<StaffEventsPage />);
    const card = (await screen.findByText('智能手机使用入门')).closest('.staff-event') as HTMLElement;
    expect(callsOf('staff.events')[0]).toEqual({ day: today });
    expect(document.querySelector('.day-tab--active')?.textContent).toBe(`${dayLabel(today)}今天`);
    expect(within(card).getByText('已签到 7 人')).toBeTruthy();
    expect(within(card).getByText('报名 12 人')).toBeTruthy();
    expect(within(card).getByText('座位 30')).toBeTruthy();
    fireEvent.click(within(card).getByText('扫码签到'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/scan/index?eventId=e1' });
    fireEvent.click(within(card).getByText('名单'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/roster/index?eventId=e1' });
  });

  test('the day switcher asks for another day; a refusal is shown', async () => {
    backend([today, tomorrow]);
    render(<StaffEventsPage />);
    await screen.findByText('智能手机使用入门');
    fireEvent.click(screen.getByText(dayLabel(tomorrow)));
    expect(await screen.findByText('只能管理本单位的活动')).toBeTruthy();
    expect(callsOf('staff.events').at(-1)).toEqual({ day: tomorrow });
  });

  test('大字 mode reaches the staff pages: the root carries the large scale', async () => {
    backend([today]);
    resetThemeState();
    chooseScale('large');
    render(<StaffEventsPage />);
    await screen.findByText('智能手机使用入门');
    const root = document.querySelector('.staff-page') as HTMLElement;
    expect(root.classList.contains('page')).toBe(true);
    expect(root.classList.contains('theme-large')).toBe(true);
    chooseScale('normal');
  });

  test('outside the campaign week it opens on the week’s first day', async () => {
    backend(['2030-11-14', '2030-11-15']);
    render(<StaffEventsPage />);
    await screen.findByText('智能手机使用入门');
    expect(callsOf('staff.events')[0]).toEqual({ day: '2030-11-14' });
  });
});

describe('roster', () => {
  function backend(me: WhoAmI) {
    let checkedInAt: number | null = null;
    let aCancelled = false;
    call.mockImplementation(
      cannedTransport({
        'me.get': () => ok(me),
        'checkin.roster': () =>
          ok({
            event: aStaffEvent({ title: '智能手机使用入门', checkedIn: checkedInAt ? 2 : 0, walkIns: 3 }),
            entries: [
              anEntry({
                registrationId: 'e1_a',
                name: '王*明',
                phoneTail: '5678',
                checkedInAt,
                status: aCancelled ? 'cancelled' : 'confirmed',
              }),
              anEntry({ registrationId: 'e1_b', name: '李*', phoneTail: '1234', status: 'waitlisted' }),
              anEntry({ registrationId: 'e1_c', name: '赵*华', phoneTail: '9999', status: 'cancelled' }),
            ],
          }),
        'checkin.manual': (d) => {
          checkedInAt = Date.now();
          return ok(aScanResult('checked_in', { scanId: String(d.scanId) }));
        },
        'checkin.undo': () => {
          checkedInAt = null;
          return ok({ undone: true });
        },
        'signup.staffCancel': () => {
          aCancelled = true;
          return ok({ cancelled: true, seatsReleased: false });
        },
        'checkin.find': (d) =>
          ok({
            entries: d.query === '1234' ? [anEntry({ registrationId: 'e1_b', name: '李*', status: 'waitlisted' })] : [],
          }),
      }) as typeof callFunction,
    );
  }

  beforeEach(() => setRouterParams({ eventId: 'e1' }));

  test('shows totals and statuses; 手工签到 checks a person in and the list follows', async () => {
    backend(staff);
    render(<StaffRosterPage />);
    expect(await screen.findByText('已签到 0 人 · 现场登记 3 人')).toBeTruthy();
    const a = document.getElementById('roster-e1_a') as HTMLElement;
    expect(within(a).getByText('未签到')).toBeTruthy();
    expect(within(document.getElementById('roster-e1_b') as HTMLElement).getByText('候补')).toBeTruthy();
    expect(within(document.getElementById('roster-e1_c') as HTMLElement).getByText('已取消')).toBeTruthy();
    expect(within(document.getElementById('roster-e1_b') as HTMLElement).queryByText('手工签到')).toBeNull();

    fireEvent.click(within(a).getByText('手工签到'));
    await waitFor(() => expect(within(a).getByText(/^已签到 \d\d:\d\d$/)).toBeTruthy());
    expect(callsOf('checkin.manual')[0]).toMatchObject({ eventId: 'e1', registrationId: 'e1_a' });
    expect(screen.getByText('已签到 2 人 · 现场登记 3 人')).toBeTruthy();
    expect(within(a).queryByText('撤销签到')).toBeNull(); // staff may not undo
  });

  test('refreshes every 5 s while shown, and stops when hidden', async () => {
    jest.useFakeTimers();
    try {
      backend(staff);
      render(<StaffRosterPage />);
      await screen.findByText('已签到 0 人 · 现场登记 3 人');
      const before = callsOf('checkin.roster').length;
      await act(async () => {
        jest.advanceTimersByTime(5000);
      });
      expect(callsOf('checkin.roster').length).toBe(before + 1);
      await act(async () => hidePage());
      await act(async () => {
        jest.advanceTimersByTime(20_000);
      });
      expect(callsOf('checkin.roster').length).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });

  test('searches by phone tail through the backend', async () => {
    backend(staff);
    render(<StaffRosterPage />);
    await screen.findByText('已签到 0 人 · 现场登记 3 人');
    fireEvent.change(screen.getByPlaceholderText('姓名 / 手机尾号 / 签到码'), { target: { value: '1234' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('“1234” 找到 1 人')).toBeTruthy();
    expect(document.getElementById('roster-e1_a')).toBeNull();
    expect(document.getElementById('roster-e1_b')).toBeTruthy();
  });

  test('a supervisor undoes a check-in with a reason', async () => {
    backend(supervisor);
    render(<StaffRosterPage />);
    await screen.findByText('已签到 0 人 · 现场登记 3 人');
    const a = document.getElementById('roster-e1_a') as HTMLElement;
    fireEvent.click(within(a).getByText('手工签到'));
    fireEvent.click(await within(a).findByText('撤销签到'));
    fireEvent.click(within(a).getByText('确认撤销'));
    expect(await within(a).findByText('请填写撤销原因')).toBeTruthy();
    fireEvent.change(within(a).getByPlaceholderText('例如：误扫、替他人签到'), { target: { value: '误扫' } });
    fireEvent.click(within(a).getByText('确认撤销'));
    await waitFor(() => expect(within(a).getByText('未签到')).toBeTruthy());
    expect(callsOf('checkin.undo')[0]).toMatchObject({ eventId: 'e1', registrationId: 'e1_a', reason: '误扫' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销签到' }));
  });

  test('staff cancel a checked-in person’s sign-up with a reason; a cancelled one has no button', async () => {
    backend(staff);
    render(<StaffRosterPage />);
    await screen.findByText('已签到 0 人 · 现场登记 3 人');
    const c = document.getElementById('roster-e1_c') as HTMLElement;
    expect(within(c).queryByText('取消报名')).toBeNull();
    const a = document.getElementById('roster-e1_a') as HTMLElement;
    fireEvent.click(within(a).getByText('手工签到'));
    fireEvent.click(await within(a).findByText('取消报名'));
    fireEvent.click(within(a).getByText('确认取消报名'));
    expect(await within(a).findByText('请填写取消原因')).toBeTruthy();
    fireEvent.change(within(a).getByPlaceholderText('例如：本人来电要求取消'), { target: { value: '本人要求' } });
    fireEvent.click(within(a).getByText('确认取消报名'));
    await waitFor(() => expect(within(a).queryByText('取消报名')).toBeNull());
    expect(callsOf('signup.staffCancel')[0]).toMatchObject({
      eventId: 'e1',
      registrationId: 'e1_a',
      reason: '本人要求',
    });
    expect(callsOf('checkin.undo')).toHaveLength(0);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' }));
  });
});

describe('walk-in and proxy sign-up', () => {
  beforeEach(() => {
    setRouterParams({ eventId: 'e1' });
    call.mockImplementation(
      cannedTransport({
        'checkin.roster': () =>
          ok({ event: aStaffEvent({ title: '智能手机使用入门', maxCompanions: 2 }), entries: [] }),
        'checkin.walkin': (d) =>
          ok(
            aScanResult('checked_in', {
              scanId: String(d.scanId),
              attendee: { registrationId: null, name: '现场登记', companions: 1, party: 2 },
            }),
          ),
        'signup.proxy': () => ok({ registration: aRegistration({ name: '周*英' }), outcome: 'confirmed' }),
      }) as typeof callFunction,
    );
  });

  test('现场登记 with nothing but companions', async () => {
    render(<StaffWalkinPage />);
    await screen.findByText('智能手机使用入门');
    fireEvent.click(screen.getByText('＋'));
    fireEvent.click(screen.getByText('登记到场'));
    await waitFor(() => expect(screen.getByText('现场登记成功')).toBeTruthy());
    const sent = callsOf('checkin.walkin')[0];
    expect(sent).toMatchObject({ eventId: 'e1', companions: 1 });
    expect(sent).not.toHaveProperty('name');
    expect(sent).not.toHaveProperty('phone');
    expect(String(sent.scanId)).toMatch(/^[0-9a-f]{16}$/);
  });

  test('a mistyped optional phone is caught before sending', async () => {
    render(<StaffWalkinPage />);
    await screen.findByText('智能手机使用入门');
    fireEvent.change(screen.getByPlaceholderText('请输入手机号'), { target: { value: '123' } });
    fireEvent.click(screen.getByText('登记到场'));
    expect(await screen.findByText('请填写正确的 11 位手机号码，或留空')).toBeTruthy();
    expect(callsOf('checkin.walkin')).toHaveLength(0);
  });

  test('代报名 needs the consent tick, then signs the person up', async () => {
    render(<StaffWalkinPage />);
    await screen.findByText('智能手机使用入门');
    fireEvent.click(screen.getByText('代报名'));
    fireEvent.change(screen.getByPlaceholderText('请输入报名人姓名'), { target: { value: '周秀英' } });
    fireEvent.change(screen.getByPlaceholderText('请输入报名人手机号'), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('提交代报名'));
    expect(await screen.findByText('请先当面告知并取得本人同意，再勾选')).toBeTruthy();
    expect(callsOf('signup.proxy')).toHaveLength(0);

    fireEvent.click(screen.getByText('已当面告知并取得本人同意'));
    fireEvent.click(screen.getByText('提交代报名'));
    expect(await screen.findByText('代报名成功：周*英')).toBeTruthy();
    expect(callsOf('signup.proxy')[0]).toEqual({
      eventId: 'e1',
      name: '周秀英',
      phone: '13912345678',
      companions: 0,
      consent: true,
    });
  });
});
