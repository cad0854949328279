import type { DashboardFigures } from '../../types/api';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { rawFigures, rawHourly, readRaw, type RawFigures } from '../support/recount';

const ORGANIZER = 'openid-organizer';
const STAFF_U1 = 'openid-staff-u1';
const STAFF_U2 = 'openid-staff-u2';
const DAY1 = '2026-11-15';
const DAY2 = '2026-11-16';

function comparable(f: DashboardFigures): RawFigures {
  const { signups, checkedIn, walkIns, entered, attendance, distinctPeople, eventsHeld } = f;
  return { signups, checkedIn, walkIns, entered, attendance, distinctPeople: distinctPeople ?? -1, eventsHeld };
}

describe('live headcounts', () => {
  let h: Harness;
  let seq = 0;
  const scanId = () => `scan-${String(++seq).padStart(8, '0')}`;

  beforeEach(async () => {
    h = openHarness(at('2026-11-14', '08:00'));
    await h.store.putCampaign(aCampaign());
    for (const [id, name] of [
      ['s1', '尧塘街道'],
      ['s2', '金城镇'],
    ]) {
      await h.store.putOrg(anOrg({ id, kind: 'street', parentId: 'd1', name }));
    }
    await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
    await h.store.putOrg(anOrg({ id: 'u2', parentId: 's2', name: '金城镇社区教育中心' }));
    const events = [
      anEvent({ id: 'a', unitId: 'u1', streetId: 's1', capacity: 30, startAt: at(DAY1, '09:00'), category: 'lecture' }),
      anEvent({ id: 'b', unitId: 'u1', streetId: 's1', capacity: 8, startAt: at(DAY1, '14:00'), audiences: ['youth'] }),
      anEvent({ id: 'c', unitId: 'u2', streetId: 's2', capacity: 20, startAt: at(DAY2, '09:30'), day: DAY2 }),
      anEvent({ id: 'd', unitId: 'u2', streetId: 's2', capacity: 12, startAt: at(DAY2, '23:30'), day: DAY2 }),
      anEvent({
        id: 'live',
        unitId: 'u2',
        streetId: 's2',
        capacity: null,
        mode: 'online',
        startAt: at(DAY2, '19:00'),
        day: DAY2,
      }),
    ];
    for (const e of events) await h.store.putEvent({ ...e, endAt: e.startAt + 2 * 3600_000 });
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
    await h.store.putMember({ openid: STAFF_U1, role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '一' });
    await h.store.putMember({ openid: STAFF_U2, role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '二' });
  });
  afterEach(() => h.close());

  async function expectDashboardEqualsRecount() {
    const raw = await readRaw(h.store, 'c1');
    const view = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    const today = view.today;
    expect(comparable(view.week)).toEqual(rawFigures(raw, () => true));
    expect(comparable(view.todayFigures)).toEqual(rawFigures(raw, () => true, today));
    for (const group of view.byDay) {
      expect(comparable(group.figures)).toEqual(rawFigures(raw, () => true, group.key));
    }
    for (const group of view.byUnit) {
      expect(comparable(group.figures)).toEqual(rawFigures(raw, (e) => e.unitId === group.key));
    }
    for (const group of view.byStreet) {
      const { distinctPeople: _d, ...rest } = comparable(group.figures);
      const { distinctPeople: _r, ...expected } = rawFigures(raw, (e) => e.streetId === group.key);
      expect(rest).toEqual(expected);
    }
    expect(view.hourlyToday).toEqual(rawHourly(raw, today));
    const unit = await h.ok('organizer', 'dashboard.get', {}, STAFF_U1);
    expect(comparable(unit.week)).toEqual(rawFigures(raw, (e) => e.unitId === 'u1'));
    expect(unit.hourlyToday).toEqual(rawHourly(raw, today, (c) => c.unitId === 'u1'));
    expect(unit.events.every((e) => ['a', 'b'].includes(e.id))).toBe(true);
    return view;
  }

  it('equals a recount from raw records after a random mix of everything', async () => {
    let rand = 7;
    const random = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const people = Array.from({ length: 40 }, (_, i) => `person-${i}`);
    const regsOf = new Map<string, { id: string; owner: string }[]>();
    for (let i = 0; i < 160; i++) {
      const eventId = pick(['a', 'b', 'c', 'd']);
      const owner = pick(people);
      const r = await h.call(
        'resident',
        'signup.create',
        {
          eventId,
          name: '王小明',
          phone: `139${String(1e7 + i).slice(-8)}`,
          companions: Math.floor(random() * 3),
          consent: true,
        },
        owner,
      );
      if (r.ok) regsOf.set(eventId, [...(regsOf.get(eventId) ?? []), { id: r.data.registration.id, owner }]);
      if (random() < 0.15 && regsOf.get(eventId)?.length) {
        const victim = pick(regsOf.get(eventId)!);
        await h.call('resident', 'signup.cancel', { registrationId: victim.id }, victim.owner);
      }
    }
    for (const [eventId, doorDay, doorTime] of [
      ['a', DAY1, '08:55'],
      ['b', DAY1, '13:50'],
      ['c', DAY2, '09:20'],
      ['d', DAY2, '23:40'],
    ] as const) {
      h.clock.set(at(doorDay, doorTime));
      for (const { id, owner } of regsOf.get(eventId) ?? []) {
        const codes = await h.call('resident', 'checkin.codes', { registrationId: id }, owner);
        if (!codes.ok || random() < 0.2) continue;
        const times = 1 + Math.floor(random() * 3);
        for (let k = 0; k < times; k++) {
          await h.ok(
            'staff',
            'checkin.scan',
            { eventId, deviceId: 'dev-1', scanId: scanId(), code: codes.data.codes[0].code },
            ORGANIZER,
          );
        }
        h.clock.advance(40_000);
      }
      for (let w = 0; w < 3; w++) {
        await h.ok(
          'staff',
          'checkin.walkin',
          { eventId, deviceId: 'dev-1', scanId: scanId(), companions: w },
          ORGANIZER,
        );
      }
      const checked = (regsOf.get(eventId) ?? [])[0];
      if (checked) {
        await h.call(
          'staff',
          'checkin.undo',
          { eventId, registrationId: checked.id, reason: '误扫', deviceId: 'dev-1', scanId: scanId() },
          ORGANIZER,
        );
      }
      if (eventId === 'c') {
        await h.ok(
          'organizer',
          'attendance.enter',
          { eventId: 'live', participants: 240, note: '直播后台观看人数' },
          STAFF_U2,
        );
      }
      const view = await expectDashboardEqualsRecount();
      expect(view.week.attendance).toBeGreaterThan(0);
    }
    const view = await expectDashboardEqualsRecount();
    // 本周 lists every day of the launch week (#11), days without activities included.
    expect(view.byDay.map((d) => d.key)).toEqual([
      '2026-11-14',
      DAY1,
      DAY2,
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    expect(view.events.find((e) => e.id === 'live')).toMatchObject({ entered: 240, checkedIn: 0 });
    // Event d ends after midnight: its check-ins at 23:40 count on its own day, in the 23 o'clock bar.
    expect(view.hourlyToday[23]).toBeGreaterThan(0);
  });

  it('repairs injected drift and reports what it repaired', async () => {
    const r = await h.ok(
      'resident',
      'signup.create',
      { eventId: 'a', name: '李四', phone: '13900000001', companions: 1, consent: true },
      'p1',
    );
    h.clock.set(at(DAY1, '08:58'));
    const codes = await h.ok('resident', 'checkin.codes', { registrationId: r.registration.id }, 'p1');
    await h.ok(
      'staff',
      'checkin.scan',
      { eventId: 'a', deviceId: 'dev-9', scanId: scanId(), code: codes.codes[0].code },
      STAFF_U1,
    );
    await expectDashboardEqualsRecount();
    // Drift, as a crash between two CloudBase writes could leave it.
    await h.store.changeAttendance('a', { checkedIn: 5, walkIns: 2 });
    await h.store.releaseSeats('a', 1);
    await h.store.bumpCounters('c1', {
      'distinct|all': 3,
      'arrivals|d:2026-11-15|h:08': -1,
      [`att|e:a|d:${DAY1}|reg`]: 5,
      [`att|e:a|d:${DAY1}|walk`]: 2,
    });
    await h.store.addVisit('c1', 'all|p-ghost', 1);
    const drifted = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(drifted.week.checkedIn).toBe(7);
    const report = await h.ok('organizer', 'reconcile.run', {}, ORGANIZER);
    expect(report.repairs).toEqual(
      expect.arrayContaining([
        { target: 'a', field: 'checkedIn', was: 7, now: 2 },
        { target: 'a', field: 'walkIns', was: 2, now: 0 },
        { target: 'a', field: 'seatsTaken', was: 1, now: 2 },
        // A party of two: the holder and the companion are two people (#11).
        { target: 'c1', field: 'distinct|all', was: 5, now: 2 },
        { target: 'c1', field: `att|e:a|d:${DAY1}|reg`, was: 7, now: 2 },
        { target: 'c1', field: `att|e:a|d:${DAY1}|walk`, was: 2, now: 0 },
        { target: 'c1', field: 'arrivals|d:2026-11-15|h:08', was: 1, now: 2 },
      ]),
    );
    await expectDashboardEqualsRecount();
    expect((await h.ok('organizer', 'reconcile.run', {}, ORGANIZER)).repairs).toEqual([]);
    expect((await h.store.listVisits('c1'))['all|p-ghost'] ?? 0).toBe(0);
  });

  it('reconciles in pages: bounded events per call, the campaign counters on the last page', async () => {
    await h.store.changeAttendance('a', { checkedIn: 5 });
    await h.store.bumpCounters('c1', { 'distinct|all': 3 });
    const events = (await h.store.listEvents('c1')).map((e) => e.id).sort();
    expect(events.length).toBeGreaterThan(2);
    const first = await h.ok('organizer', 'reconcile.run', { limit: 2 }, ORGANIZER);
    expect(first).toMatchObject({ checkedEvents: 2, next: 2 });
    // Event 'a' sorts first: repaired on the first page; the campaign counters wait for the last.
    expect(first.repairs.map((r) => r.target)).toEqual(['a']);
    let cursor: number | null = first.next;
    const later: string[] = [];
    let pages = 1;
    while (cursor !== null) {
      const page = await h.ok('organizer', 'reconcile.run', { limit: 2, cursor }, ORGANIZER);
      expect(page.checkedEvents).toBeLessThanOrEqual(2);
      later.push(...page.repairs.map((r) => `${r.target}/${r.field}`));
      cursor = page.next;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(events.length / 2));
    expect(later).toEqual(['c1/distinct|all']);
    await expectDashboardEqualsRecount();
    const tooBig = await h.call('organizer', 'reconcile.run', { limit: 1000 }, ORGANIZER);
    expect(!tooBig.ok && tooBig.error.code).toBe('VALIDATION_FAILED');
  });

  it('shows each caller their own scope only', async () => {
    const u2 = await h.ok('organizer', 'dashboard.get', {}, STAFF_U2);
    expect(u2.scope).toEqual({ kind: 'units', name: '金城镇社区教育中心' });
    expect(u2.events.map((e) => e.id).sort()).toEqual(['c', 'd', 'live']);
    await h.store.putMember({ openid: 'other-org', role: 'organizer', districtId: 'd2', unitIds: [], name: '邻区' });
    const other = await h.call('organizer', 'dashboard.get', {}, 'other-org');
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    const resident = await h.call('organizer', 'dashboard.get', {}, 'someone');
    expect(!resident.ok && resident.error.code).toBe('FORBIDDEN');
    const enterElsewhere = await h.call(
      'organizer',
      'attendance.enter',
      { eventId: 'a', participants: 5, note: '' },
      STAFF_U2,
    );
    expect(!enterElsewhere.ok && enterElsewhere.error.code).toBe('FORBIDDEN');
    const reconcileByStaff = await h.call('organizer', 'reconcile.run', {}, STAFF_U1);
    expect(!reconcileByStaff.ok && reconcileByStaff.error.code).toBe('FORBIDDEN');
  });

  it('bumps the version on every change a dashboard shows', async () => {
    const v0 = (await h.ok('organizer', 'dashboard.get', {}, ORGANIZER)).version;
    await h.ok(
      'resident',
      'signup.create',
      { eventId: 'a', name: '李四', phone: '13900000001', companions: 0, consent: true },
      'p1',
    );
    const v1 = (await h.ok('organizer', 'dashboard.get', {}, ORGANIZER)).version;
    expect(v1).toBeGreaterThan(v0);
    await h.ok('organizer', 'attendance.enter', { eventId: 'live', participants: 10, note: '' }, ORGANIZER);
    expect((await h.ok('organizer', 'dashboard.get', {}, ORGANIZER)).version).toBeGreaterThan(v1);
  });
});
