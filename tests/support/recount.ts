/**
 * Dashboard figures recounted the slow way, straight from raw registrations and check-ins,
 * without the counters or the core's counting code: the reference the dashboard must equal.
 */
import type { ActivityEvent, Checkin, Registration } from '../../types/domain';
import type { Store } from '../../backend/store/port';
import { shanghai } from '../../backend/core/time';

export interface RawFigures {
  signups: number;
  checkedIn: number;
  walkIns: number;
  entered: number;
  attendance: number;
  distinctPeople: number;
  eventsHeld: number;
}

export interface Raw {
  events: ActivityEvent[];
  regs: Registration[];
  checkins: Checkin[];
}

export async function readRaw(store: Store, campaignId: string): Promise<Raw> {
  const events = await store.listEvents(campaignId);
  const regs: Registration[] = [];
  const checkins: Checkin[] = [];
  for (const e of events) {
    regs.push(...(await store.listRegistrationsOfEvent(e.id)));
    checkins.push(...(await store.listCheckinsOfEvent(e.id)));
  }
  return { events, regs, checkins };
}

/** Asia/Shanghai calendar day of a moment, written out by hand (UTC+8, no daylight saving). */
export function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The days an activity is scheduled on; a session crossing midnight only on its first day. */
function plannedDays(e: ActivityEvent): string[] {
  const first = shanghaiDay(e.startAt);
  const last = shanghaiDay(Math.max(e.startAt, e.endAt - 1));
  if (first === last) return [first];
  if (e.endAt - e.startAt < 24 * 3_600_000 && shanghaiDay(e.startAt + 24 * 3_600_000) === last) return [first];
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += 24 * 3_600_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    days.push(d);
    if (d === last) return days;
  }
}

/**
 * The figures over some days (one day, a set of days, or every day), from raw records: an
 * attendance belongs to its admission day; 人 = distinct registered holders + every companion
 * and walk-in person (one per attendance); entered figures belong to the activity's first day.
 */
export function rawFigures(
  raw: Raw,
  keep: (e: ActivityEvent) => boolean,
  day?: string | readonly string[],
  online: readonly { eventId: string; day: string }[] = [],
): RawFigures {
  const within = (d: string) => day === undefined || (typeof day === 'string' ? d === day : day.includes(d));
  const approved = raw.events.filter((e) => e.status === 'approved' && keep(e));
  const ids = new Set(approved.map((e) => e.id));
  const active = raw.checkins.filter(
    (c) => c.status === 'active' && ids.has(c.eventId) && within(shanghaiDay(c.checkedInAt)),
  );
  const joins = online.filter((j) => ids.has(j.eventId) && within(j.day));
  const appears = new Set([
    ...approved.filter((e) => plannedDays(e).some(within)).map((e) => e.id),
    ...active.map((c) => c.eventId),
    ...joins.map((j) => j.eventId),
  ]);
  const events = approved.filter((e) => appears.has(e.id));
  const holders = new Set<string>();
  let perAttendance = 0;
  for (const c of active) {
    if (c.registrationId) {
      holders.add(c.registrationId.split('_').slice(1).join('_'));
      perAttendance += c.party - 1;
    } else perAttendance += c.party;
  }
  const checkedIn = active.filter((c) => c.registrationId).reduce((n, c) => n + c.party, 0);
  const walkIns = active.filter((c) => !c.registrationId).reduce((n, c) => n + c.party, 0);
  const enteredEvents = events.filter((e) => (e.entered?.participants ?? 0) > 0 && within(shanghaiDay(e.startAt)));
  const entered = enteredEvents.reduce((n, e) => n + (e.entered?.participants ?? 0), 0);
  const attending = new Set([
    ...active.map((c) => c.eventId),
    ...joins.map((j) => j.eventId),
    ...enteredEvents.map((e) => e.id),
  ]);
  return {
    signups: raw.regs
      .filter((r) => r.status === 'confirmed' && appears.has(r.eventId))
      .reduce((n, r) => n + r.party, 0),
    checkedIn,
    walkIns,
    entered,
    attendance: checkedIn + walkIns + joins.length + entered,
    distinctPeople: holders.size + perAttendance,
    eventsHeld: attending.size,
  };
}

export function rawHourly(raw: Raw, day: string, keep: (c: Checkin) => boolean = () => true): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const c of raw.checkins) {
    if (c.status !== 'active' || !keep(c)) continue;
    const at = shanghai(c.checkedInAt);
    if (at.format('YYYY-MM-DD') === day) hours[at.hour()] += c.party;
  }
  return hours;
}
