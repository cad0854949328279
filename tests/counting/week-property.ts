/**
 * The property of tests/counting/property.test.ts, importable by a plain Node process (for runs
 * under another process time zone): one participant count, from the door to every form (#11), as a property over generated weeks:
 * parties with companions, walk-ins, multi-day and midnight-crossing activities, online joins
 * and entered figures, cancellations attempted after check-in, activities outside the week and
 * check-ins across midnight. For every scope (district, each unit) and every day, the
 * dashboard, F1, F2, F3 and the roll-up function equal a recount from raw records written here
 * (tests/support/recount.ts, which does not call the counting code); per-day figures add up to
 * the totals; 人 ≤ 人次; every printed 合计 equals the sum of its rows. Run under the process
 * time zones UTC, America/Los_Angeles and Pacific/Kiritimati (UTC+14).
 */
import fc from 'fast-check';
import { expect } from 'expect';
import type { DashboardFigures, DashboardView } from '../../types/api';
import type { ActivityEvent } from '../../types/domain';
import type { F1Data, F2Data, F3Data } from '../../types/forms';
import { rollupFigures } from '../../backend/core/counting';
import { districtForms } from '../../backend/usecases/forms';
import { resolveCaller } from '../../backend/usecases/identity';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { rawFigures, readRaw, shanghaiDay, type RawFigures } from '../support/recount';

const ORGANIZER = 'openid-organizer';
const WEEK = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Shanghai wall clock to epoch ms, by hand: UTC+8 all year. */
const shanghai = (day: string, hour: number, minute = 0) =>
  Date.parse(`${day}T00:00:00Z`) + (hour - 8) * HOUR + minute * MIN;
const addDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 24 * HOUR).toISOString().slice(0, 10);

type Shape = 'short' | 'midnight' | 'multiday';
interface GenEvent {
  unit: 'u1' | 'u2';
  dayOffset: number;
  hour: number;
  shape: Shape;
  mode: 'offline' | 'online' | 'hybrid';
}
type Action =
  | { kind: 'attend'; event: number; person: number; companions: number; minute: number }
  | { kind: 'walkin'; event: number; companions: number; minute: number }
  | { kind: 'online'; event: number; person: number; minute: number }
  | { kind: 'enter'; event: number; participants: number }
  | { kind: 'cancel'; event: number; person: number };

const genEvent = fc.record<GenEvent>({
  unit: fc.constantFrom('u1', 'u2'),
  dayOffset: fc.integer({ min: -2, max: 8 }),
  hour: fc.integer({ min: 8, max: 22 }),
  shape: fc.constantFrom('short', 'short', 'midnight', 'multiday'),
  mode: fc.constantFrom('offline', 'offline', 'online', 'hybrid'),
});
const genAction = (events: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('attend' as const),
      event: fc.nat(events - 1),
      person: fc.nat(5),
      companions: fc.nat(2),
      minute: fc.integer({ min: -90, max: 4000 }),
    }),
    fc.record({
      kind: fc.constant('walkin' as const),
      event: fc.nat(events - 1),
      companions: fc.nat(2),
      minute: fc.integer({ min: -90, max: 4000 }),
    }),
    fc.record({
      kind: fc.constant('online' as const),
      event: fc.nat(events - 1),
      person: fc.nat(5),
      minute: fc.integer({ min: -30, max: 4000 }),
    }),
    fc.record({
      kind: fc.constant('enter' as const),
      event: fc.nat(events - 1),
      participants: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({ kind: fc.constant('cancel' as const), event: fc.nat(events - 1), person: fc.nat(5) }),
  );
export const genWeek = fc
  .array(genEvent, { minLength: 1, maxLength: 5 })
  .chain((events) =>
    fc.record({ events: fc.constant(events), actions: fc.array(genAction(events.length), { maxLength: 18 }) }),
  );

function toEvent(g: GenEvent, i: number): ActivityEvent {
  const day = addDay(WEEK[0], g.dayOffset);
  const startAt = g.shape === 'midnight' ? shanghai(day, 23) : shanghai(day, g.hour);
  const endAt =
    g.shape === 'midnight'
      ? startAt + 2 * HOUR
      : g.shape === 'multiday'
        ? startAt + 2 * 24 * HOUR + HOUR
        : startAt + 90 * MIN;
  return anEvent({
    id: `e${i}`,
    unitId: g.unit,
    streetId: g.unit === 'u1' ? 's1' : 's2',
    startAt,
    endAt,
    day: shanghaiDay(startAt),
    mode: g.mode,
    onlineUrl: g.mode === 'offline' ? undefined : 'https://live.example.cn/room',
    noDoorCheckin: false,
    capacity: 20,
    title: `活动${i}`,
  });
}

let seq = 0;
const nextScan = () => `scan-${String(seq++).padStart(8, '0')}`;

async function play(h: Harness, events: ActivityEvent[], actions: Action[]) {
  const regs = new Map<string, string>();
  const joins = new Map<string, { eventId: string; day: string }>();
  for (const a of actions) {
    const e = events[a.event];
    if (a.kind === 'attend') {
      const resident = `p${a.person}`;
      const key = `${e.id}|${resident}`;
      if (!regs.has(key)) {
        h.clock.set(e.startAt - 3 * HOUR);
        const r = await h.call(
          'resident',
          'signup.create',
          { eventId: e.id, name: '王秀英', phone: `1390000000${a.person}`, companions: a.companions, consent: true },
          resident,
        );
        if (!r.ok) continue;
        regs.set(key, (r.data as { registration: { id: string } }).registration.id);
      }
      h.clock.set(e.startAt + a.minute * MIN);
      await h.call(
        'staff',
        'checkin.manual',
        { eventId: e.id, deviceId: 'door-1', scanId: nextScan(), registrationId: regs.get(key)! },
        ORGANIZER,
      );
    } else if (a.kind === 'walkin') {
      h.clock.set(e.startAt + a.minute * MIN);
      await h.call(
        'staff',
        'checkin.walkin',
        { eventId: e.id, deviceId: 'door-1', scanId: nextScan(), companions: a.companions },
        ORGANIZER,
      );
    } else if (a.kind === 'online') {
      const at = e.startAt + a.minute * MIN;
      h.clock.set(at);
      const r = await h.call('resident', 'online.join', { eventId: e.id }, `p${a.person}`);
      // The independent rule: an online/hybrid activity, tapped within its time, once per person and day.
      if (e.mode !== 'offline' && at >= e.startAt && at <= e.endAt) {
        joins.set(`${e.id}|p${a.person}|${shanghaiDay(at)}`, { eventId: e.id, day: shanghaiDay(at) });
        expect(r.ok).toBe(true);
      }
    } else if (a.kind === 'enter') {
      h.clock.set(e.endAt + HOUR);
      const r = await h.call(
        'organizer',
        'attendance.enter',
        { eventId: e.id, participants: a.participants, note: '直播后台' },
        ORGANIZER,
      );
      expect(r.ok).toBe(e.mode !== 'offline');
    } else {
      const id = regs.get(`${e.id}|p${a.person}`);
      if (!id) continue;
      const checkin = await h.store.getCheckin(id);
      const r = await h.call('resident', 'signup.cancel', { registrationId: id }, `p${a.person}`);
      if (checkin?.status === 'active') {
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.code).toBe('CANCEL_CLOSED');
      }
    }
  }
  return [...joins.values()];
}

interface Counted {
  attendance: number;
  online: number;
  people: number;
  raw: RawFigures;
}

function recount(
  raw: Awaited<ReturnType<typeof readRaw>>,
  unit: string | null,
  days: string | string[] | undefined,
  joins: { eventId: string; day: string }[],
): Counted {
  const keep = (e: ActivityEvent) => unit === null || e.unitId === unit;
  const f = rawFigures(raw, keep, days, joins);
  const within = (d: string) => days === undefined || (typeof days === 'string' ? d === days : days.includes(d));
  const online = joins.filter((j) => within(j.day) && keep(raw.events.find((e) => e.id === j.eventId)!)).length;
  return { attendance: f.attendance, online, people: f.distinctPeople, raw: f };
}

function expectFigures(shown: DashboardFigures, want: Counted, withPeople = true) {
  const { signups, checkedIn, walkIns, entered, attendance, eventsHeld } = shown;
  const { distinctPeople: _p, ...raw } = want.raw;
  expect({ signups, checkedIn, walkIns, entered, attendance, eventsHeld }).toEqual(raw);
  expect(shown.online).toBe(want.online);
  if (withPeople) expect(shown.distinctPeople).toBe(want.people);
  if (shown.distinctPeople !== null) expect(shown.distinctPeople).toBeLessThanOrEqual(shown.attendance);
}

export async function checkWeek(week: { events: GenEvent[]; actions: Action[] }) {
  const h = openHarness();
  try {
    await h.store.putCampaign(
      aCampaign({ weekStart: WEEK[0], weekEnd: WEEK[6], periodStart: '2026-09-01', periodEnd: '2026-12-31' }),
    );
    await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
    await h.store.putOrg(anOrg({ id: 's2', kind: 'street', parentId: 'd1', name: '金城镇' }));
    await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
    await h.store.putOrg(anOrg({ id: 'u2', parentId: 's2', name: '金城镇社区教育中心' }));
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
    const events = week.events.map(toEvent);
    for (const e of events) await h.store.putEvent(e);
    const joins = await play(h, events, week.actions);

    const raw = await readRaw(h.store, 'c1');
    // Door rule, checked independently: every admission lies within 60 min before start .. 30 min after end.
    for (const c of raw.checkins.filter((c) => c.status === 'active')) {
      const e = events.find((x) => x.id === c.eventId)!;
      expect(c.checkedInAt).toBeGreaterThanOrEqual(e.startAt - 60 * MIN);
      expect(c.checkedInAt).toBeLessThanOrEqual(e.endAt + 30 * MIN);
    }
    h.clock.set(shanghai(WEEK[2], 12));
    const view = (await h.ok('organizer', 'dashboard.get', {}, ORGANIZER)) as DashboardView;
    const counters = await h.store.readCounters('c1');
    const campaign = (await h.store.getCampaign('c1'))!;
    const all = await h.store.listEvents('c1');

    for (const unit of [null, 'u1', 'u2'] as const) {
      const unitIds = unit ? [unit] : null;
      const week = recount(raw, unit, WEEK, joins);
      const period = recount(raw, unit, undefined, joins);
      const perDay = WEEK.map((d) => recount(raw, unit, d, joins));
      // Per-day figures add up to the week's.
      expect(perDay.reduce((n, d) => n + d.attendance, 0)).toBe(week.attendance);
      expect(week.people).toBeLessThanOrEqual(week.attendance);
      // The roll-up function, for every span.
      expectFigures(rollupFigures(campaign, all, counters, { unitIds, span: { kind: 'week' } }), week);
      expectFigures(rollupFigures(campaign, all, counters, { unitIds, span: { kind: 'all' } }), period);
      WEEK.forEach((day, i) =>
        expectFigures(rollupFigures(campaign, all, counters, { unitIds, span: { kind: 'day', day } }), perDay[i]),
      );
      if (unit === null) {
        expectFigures(view.week, week);
        expectFigures(view.period, period);
        view.byDay.forEach((g, i) => expectFigures(g.figures, perDay[i]));
        expectFigures(view.todayFigures, perDay[2]);
        const f3 = (await h.ok('organizer', 'forms.preview', { kind: 'F3' }, ORGANIZER)).form.data as F3Data;
        expect(f3.participation.participants.value).toBe(`${week.attendance} 人次（${week.people} 人）`);
      } else {
        const g = view.byUnit.find((u) => u.key === unit);
        if (g) expectFigures(g.figures, week);
        else expect(week.attendance + week.raw.signups).toBe(0);
        const f1 = (await h.ok('organizer', 'forms.preview', { kind: 'F1', orgId: unit }, ORGANIZER)).form
          .data as F1Data;
        const rows = f1.days.flatMap((d) => d.rows);
        expect(f1.total.value).toBe(rows.reduce((n, r) => n + r.participants.value, 0));
        expect(f1.total.value).toBe(week.attendance);
        expect(f1.people).toBe(week.people);
        f1.days.forEach((d, i) =>
          expect(d.rows.reduce((n, r) => n + r.participants.value, 0)).toBe(perDay[i].attendance),
        );
        const f2 = (await h.ok('organizer', 'forms.preview', { kind: 'F2', orgId: unit }, ORGANIZER)).form
          .data as F2Data;
        expect(f2.total.value).toBe(f2.rows.reduce((n, r) => n + r.participants.value, 0));
        expect(f2.total.value).toBe(period.attendance);
        expect(f2.people).toBe(period.people);
      }
    }
    // Every unit's F1 and the district's F3 from one read of the sources equal the forms one by one.
    const one = await districtForms(h.deps, await resolveCaller(h.store, ORGANIZER));
    expect(one.f1.map((f) => f.orgId).sort()).toEqual(['u1', 'u2']);
    for (const { orgId, data } of one.f1) {
      expect(data).toEqual((await h.ok('organizer', 'forms.preview', { kind: 'F1', orgId }, ORGANIZER)).form.data);
    }
    expect(one.f3).toEqual((await h.ok('organizer', 'forms.preview', { kind: 'F3' }, ORGANIZER)).form.data);
    // Reconciliation recounts the same and finds nothing to repair.
    expect((await h.ok('organizer', 'reconcile.run', {}, ORGANIZER)).repairs).toEqual([]);
  } finally {
    h.close();
  }
}
