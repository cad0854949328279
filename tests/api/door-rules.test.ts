/**
 * The door rules and refusals of #11, each with its typed code: the check-in window with a
 * supervisor's audited override, cancelled activities, cancelling after check-in, entered
 * figures, one phone one seat, retried sign-ups, impossible dates, online joins, and rate
 * limits that never stop a staffed door.
 */
import { memoryLimiter } from '../../backend/api/limiter';
import { RATE_LIMITS } from '../../backend/core/rate-limits';
import { at } from '../../backend/core/time';
import { anEvent } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { yaotangWorld } from '../support/one-unit';

const STAFF = 'openid-staff';
const SUPERVISOR = 'openid-supervisor';
const ORGANIZER = 'openid-organizer';
const START = at('2026-11-15', '09:00');
const MIN = 60_000;

let seq = 0;
const scanId = () => `door-scan-${String(seq++).padStart(6, '0')}`;

describe('door rules', () => {
  let h: Harness;
  beforeEach(async () => {
    h = openHarness();
    await yaotangWorld(h.store);
    await h.store.putEvent(anEvent({ id: 'e1', startAt: START, endAt: START + 90 * MIN }));
    await h.store.putEvent(
      anEvent({
        id: 'live',
        startAt: START,
        endAt: START + 90 * MIN,
        mode: 'online',
        onlineUrl: 'https://live.example.cn/1',
      }),
    );
    await h.store.putMember({ openid: STAFF, role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
    await h.store.putMember({ openid: SUPERVISOR, role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '李' });
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
    h.clock.set(START - 5 * 60 * MIN);
  });
  afterEach(() => h.close());

  async function signUp(openid: string, phone = '13900001111', extra: object = {}) {
    return h.call(
      'resident',
      'signup.create',
      { eventId: 'e1', name: '王秀英', phone, companions: 1, consent: true, ...extra },
      openid,
    );
  }
  async function manual(registrationId: string, who = STAFF, override?: string) {
    return h.ok(
      'staff',
      'checkin.manual',
      { eventId: 'e1', deviceId: 'door-1', scanId: scanId(), registrationId, ...(override ? { override } : {}) },
      who,
    );
  }
  const regId = (r: Awaited<ReturnType<typeof signUp>>) => (r.ok ? r.data.registration.id : '');

  it('opens check-in 60 minutes before the start and closes it 30 minutes after the end', async () => {
    const id = regId(await signUp('p1'));
    h.clock.set(START - 61 * MIN);
    expect((await manual(id)).outcome).toBe('too_early');
    expect((await manual(id)).message).toBe('未到签到时间');
    h.clock.set(START + 90 * MIN + 31 * MIN);
    const late = await manual(id);
    expect([late.outcome, late.message]).toEqual(['ended', '活动已结束']);
    h.clock.set(START - 60 * MIN);
    expect((await manual(id)).outcome).toBe('checked_in');
    const event = await h.store.getEvent('e1');
    expect(event?.checkedIn).toBe(2);
  });

  it('lets a supervisor admit outside the window with a reason, kept in the audit log; staff cannot', async () => {
    const id = regId(await signUp('p1'));
    h.clock.set(START - 3 * 60 * MIN);
    expect((await manual(id, STAFF, '提前到场的志愿者')).outcome).toBe('too_early');
    expect((await manual(id, SUPERVISOR, '提前到场的志愿者')).outcome).toBe('checked_in');
    const audit = await h.ok('staff', 'audit.list', { eventId: 'e1' }, SUPERVISOR);
    const admitted = audit.entries.find((e) => e.outcome === 'checked_in');
    expect(admitted?.reason).toBe('主管放行（未到签到时间）：提前到场的志愿者');
    expect(audit.entries.find((e) => e.outcome === 'too_early')?.reason).toBe('未到签到时间');
  });

  it('refuses check-ins and walk-ins at a cancelled activity, even with an override', async () => {
    const id = regId(await signUp('p1'));
    await h.store.updateEventFields('e1', { status: 'cancelled' });
    h.clock.set(START);
    expect((await manual(id, SUPERVISOR, '已经来了')).outcome).toBe('event_cancelled');
    const walk = await h.ok(
      'staff',
      'checkin.walkin',
      { eventId: 'e1', deviceId: 'door-1', scanId: scanId(), companions: 0 },
      STAFF,
    );
    expect([walk.outcome, walk.message]).toEqual(['event_cancelled', '活动已取消']);
    expect((await h.store.getEvent('e1'))?.walkIns).toBe(0);
  });

  it('does not let a resident cancel once checked in or once the activity started', async () => {
    const id = regId(await signUp('p1'));
    h.clock.set(START - 30 * MIN);
    await manual(id);
    const after = await h.call('resident', 'signup.cancel', { registrationId: id }, 'p1');
    expect(!after.ok && [after.error.code, after.error.message]).toEqual(['CANCEL_CLOSED', '已签到，不能再取消报名']);
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(2);
    const other = regId(
      await h.call(
        'resident',
        'signup.create',
        { eventId: 'e1', name: '李', phone: '13900002222', companions: 0, consent: true },
        'p2',
      ),
    );
    h.clock.set(START + MIN);
    const started = await h.call('resident', 'signup.cancel', { registrationId: other }, 'p2');
    expect(!started.ok && started.error.code).toBe('CANCEL_CLOSED');
  });

  it('takes entered figures only for online/hybrid activities or activities without door check-in', async () => {
    const offline = await h.call(
      'organizer',
      'attendance.enter',
      { eventId: 'e1', participants: 30, note: '' },
      ORGANIZER,
    );
    expect(!offline.ok && offline.error.code).toBe('EVENT_STATE_CONFLICT');
    expect(
      (
        await h.call(
          'organizer',
          'attendance.enter',
          { eventId: 'live', participants: 30, note: '直播后台' },
          ORGANIZER,
        )
      ).ok,
    ).toBe(true);
    await h.store.updateEventFields('e1', { noDoorCheckin: true });
    expect(
      (await h.call('organizer', 'attendance.enter', { eventId: 'e1', participants: 30, note: '户外展' }, ORGANIZER))
        .ok,
    ).toBe(true);
  });

  it('lets one phone number hold one seat per event, whoever signed it up', async () => {
    expect((await signUp('p1', '13900001111')).ok).toBe(true);
    const proxy = await h.call(
      'staff',
      'signup.proxy',
      { eventId: 'e1', name: '王秀英', phone: '13900001111', companions: 0, consent: true },
      STAFF,
    );
    expect(!proxy.ok && proxy.error.code).toBe('SIGNUP_DUPLICATE');
    const again = await signUp('p9', '13900001111');
    expect(!again.ok && again.error.code).toBe('SIGNUP_DUPLICATE');
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(2);
    // Given back when the first sign-up is cancelled.
    const mine = (await h.ok('resident', 'signup.mine', {}, 'p1')).items[0].registration.id;
    await h.ok('resident', 'signup.cancel', { registrationId: mine }, 'p1');
    expect(
      (
        await h.call(
          'staff',
          'signup.proxy',
          { eventId: 'e1', name: '王秀英', phone: '13900001111', companions: 0, consent: true },
          STAFF,
        )
      ).ok,
    ).toBe(true);
  });

  it('gives one of two simultaneous sign-ups with the same phone the seat', async () => {
    const results = await Promise.all(['a1', 'a2', 'a3'].map((p) => signUp(p, '13900003333')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'SIGNUP_DUPLICATE',
      'SIGNUP_DUPLICATE',
    ]);
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(2);
  });

  it('answers a retried sign-up (same request id) with the registration it made', async () => {
    const first = await signUp('p1', '13900001111', { requestId: 'req-00000001' });
    const retry = await signUp('p1', '13900001111', { requestId: 'req-00000001' });
    expect(retry.ok && retry.data.registration.id).toBe(regId(first));
    expect(retry.ok && retry.data.outcome).toBe('confirmed');
    const fresh = await signUp('p1', '13900001111', { requestId: 'req-00000002' });
    expect(!fresh.ok && fresh.error.code).toBe('SIGNUP_DUPLICATE');
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(2);
  });

  it('refuses impossible dates with a clear message', async () => {
    for (const day of ['2027-13-45', '2027-02-29']) {
      const res = await h.call(
        'organizer',
        'campaign.save',
        {
          name: '活动周',
          theme: '主题',
          weekStart: day,
          weekEnd: '2027-11-20',
          hosts: [],
          coHosts: [],
          undertakers: [],
        },
        ORGANIZER,
      );
      expect(!res.ok && res.error.code).toBe('VALIDATION_FAILED');
      expect(!res.ok && res.error.fields?.[0].message).toBe('日期不存在，请检查月份和日期');
      const list = await h.call('resident', 'events.list', { day }, 'p1');
      expect(!list.ok && list.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await h.store.latestCampaign())?.id).toBe('c1');
  });

  it('counts an online join once per person and day, within the activity’s time only', async () => {
    h.clock.set(START - 10 * MIN);
    expect(await h.ok('resident', 'online.join', { eventId: 'live' }, 'p1')).toMatchObject({
      counted: false,
      url: 'https://live.example.cn/1',
    });
    h.clock.set(START + 10 * MIN);
    expect((await h.ok('resident', 'online.join', { eventId: 'live' }, 'p1')).counted).toBe(true);
    expect((await h.ok('resident', 'online.join', { eventId: 'live' }, 'p1')).counted).toBe(false);
    expect((await h.ok('resident', 'online.join', { eventId: 'live' }, 'p2')).counted).toBe(true);
    const offline = await h.call('resident', 'online.join', { eventId: 'e1' }, 'p1');
    expect(!offline.ok && offline.error.code).toBe('EVENT_STATE_CONFLICT');
    const view = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(view.todayFigures.online).toBe(2);
    expect(view.todayFigures.checkedIn + view.todayFigures.walkIns).toBe(0);
    expect(view.events.find((e) => e.id === 'live')?.online).toBe(2);
  });
});

describe('rate limits at the door', () => {
  const door = RATE_LIMITS['staff/checkin.scan'];

  it('never refuses one person scanning for an hour at one a second with bursts of 20 in 5 s', () => {
    const limiter = memoryLimiter();
    let refused = 0;
    const t0 = at('2026-11-15', '08:59') + 37_000;
    for (let s = 0; s < 3600; s++) {
      const scans = s % 300 < 5 ? 5 : 1; // every five minutes: 20+ scans within 5 s
      for (let i = 0; i < scans; i++)
        if (limiter.hit(`door|staff`, door.windowMs, t0 + s * 1000 + i * 150) > door.max) refused++;
    }
    expect(refused).toBe(0);
  });

  it('still limits a runaway scanner', () => {
    const limiter = memoryLimiter();
    const t0 = at('2026-11-15', '09:00');
    let refused = 0;
    for (let i = 0; i < 1000; i++) if (limiter.hit('door|staff', door.windowMs, t0 + i * 20) > door.max) refused++;
    expect(refused).toBeGreaterThan(500);
  });
});
