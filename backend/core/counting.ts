/**
 * The participant count, defined once (docs/counting.md). Every figure the product prints —
 * dashboard, F1/F2/F3, exports, roll-ups, reconciliation — comes from these functions.
 *
 * - 人次 (attendances): every person admitted to an activity on a day counts once: the holder,
 *   each companion, each walk-in person. Online joins (counted in the app) and entered figures
 *   (填报) are separate figures, added into 人次 and always shown apart.
 * - 人 (distinct people at the door) per scope: a registered person once per scope; companions
 *   and walk-ins cannot be told apart, so each counts as one person per attendance
 *   (labelled 同行家属、现场登记按人次计). Hence 人 ≤ 人次 at every scope and day.
 * - The day of an attendance is the Asia/Shanghai day (and hour) on which it was admitted; an
 *   entered figure has no admission time and belongs to the activity's first day; an online
 *   join belongs to the day of the tap.
 *
 * The attendance of each event on each day lives in the campaign's summary counters (keys
 * below), kept in the same unit of work as each check-in, so that figures need only the events
 * and one summary document; `recountSummary` rebuilds the same counters from raw records.
 */
import type { DashboardFigures } from '../../types/api';
import type { ActivityEvent, Campaign, Checkin, Day, Rating } from '../../types/domain';
import { addDays, dayOf, daysBetween } from './time';

// ---------------------------------------------------------------- keys

/** A counting scope: the whole campaign (period), optionally one unit, one day or the launch week. */
export interface Scope {
  unitId?: string;
  day?: Day;
  /** The launch week (weekStart–weekEnd) only. */
  week?: boolean;
}

export function scopeKey(scope: Scope): string {
  const parts = [];
  if (scope.unitId) parts.push(`u:${scope.unitId}`);
  if (scope.day) parts.push(`d:${scope.day}`);
  if (scope.week) parts.push('w');
  return parts.length ? parts.join('|') : 'all';
}

export const VERSION_KEY = 'version';
export const distinctKey = (scope: Scope) => `distinct|${scopeKey(scope)}`;
export const arrivalsKey = (scope: Scope, hour: number) =>
  `arrivals|${scopeKey(scope)}|h:${String(hour).padStart(2, '0')}`;

export type AttendanceKind = 'reg' | 'walk' | 'online';
/** 人次 of one event on one day, by kind: checked in on a sign-up, walk-ins, online joins. */
export const attendanceKey = (eventId: string, day: Day, kind: AttendanceKind) => `att|e:${eventId}|d:${day}|${kind}`;
const ATTENDANCE_KEY = /^att\|e:(.+)\|d:(\d{4}-\d{2}-\d{2})\|(reg|walk|online)$/;

/** An online join: one per person per event per day (its visit marker is the raw record). */
export const onlineMarker = (eventId: string, day: Day, personKey: string) =>
  `online|e:${eventId}|d:${day}|${personKey}`;
const ONLINE_MARKER = /^online\|e:(.+)\|d:(\d{4}-\d{2}-\d{2})\|/;

export function visitMarker(scope: Scope, personKey: string): string {
  return `${scopeKey(scope)}|${personKey}`;
}

/** Visit markers recounted from door check-ins (not online joins nor seat claims). */
export function isDoorMarker(marker: string): boolean {
  return !marker.startsWith('online|') && !marker.startsWith('claim|');
}

export type Week = Pick<Campaign, 'weekStart' | 'weekEnd'>;

export const inWeek = (day: Day, week: Week) => day >= week.weekStart && day <= week.weekEnd;

type Attendance = Pick<Checkin, 'eventId' | 'unitId' | 'day' | 'hour' | 'party' | 'personKey' | 'status'> & {
  registrationId: string | null;
};

/** The scopes in which a check-in makes its person a distinct attendee. */
export function scopesOf(c: Pick<Checkin, 'unitId' | 'day'>, week: Week): Scope[] {
  const scopes: Scope[] = [{}, { day: c.day }, { unitId: c.unitId }, { unitId: c.unitId, day: c.day }];
  if (inWeek(c.day, week)) scopes.push({ week: true }, { unitId: c.unitId, week: true });
  return scopes;
}

/** 人次 and hourly arrivals a check-in adds (sign +1) or an undo removes (sign -1). */
export function arrivalDeltas(c: Attendance, sign: 1 | -1): Record<string, number> {
  return {
    [attendanceKey(c.eventId, c.day, c.registrationId === null ? 'walk' : 'reg')]: sign * c.party,
    [arrivalsKey({ day: c.day }, c.hour)]: sign * c.party,
    [arrivalsKey({ unitId: c.unitId, day: c.day }, c.hour)]: sign * c.party,
  };
}

/**
 * How a scope's distinct people change with one check-in: the holder once per scope (when the
 * holder's visit count there goes 0→1, or 1→0 on undo), plus each companion or further walk-in
 * person, who count one person per attendance.
 */
export function distinctDelta(party: number, visitsAfter: number, sign: 1 | -1): number {
  const holder = sign === 1 ? (visitsAfter === 1 ? 1 : 0) : visitsAfter === 0 ? 1 : 0;
  return sign * (holder + (party - 1));
}

/** Ratings of an event: how many, and how many were 4 or 5. */
export const ratingKeys = (eventId: string) => ({ n: `ratings|e:${eventId}|n`, good: `ratings|e:${eventId}|good` });

export function ratingDeltas(r: Pick<Rating, 'eventId' | 'score'>): Record<string, number> {
  const keys = ratingKeys(r.eventId);
  return { [keys.n]: 1, [keys.good]: r.score >= 4 ? 1 : 0 };
}

/**
 * The summary counters (all but the version) recounted from raw check-ins, online joins and
 * ratings, with the door visit markers they imply.
 */
export function recountSummary(
  checkins: readonly Attendance[],
  week: Week,
  ratings: readonly Pick<Rating, 'eventId' | 'score'>[] = [],
  onlineMarkers: readonly string[] = [],
): { counters: Record<string, number>; visits: Record<string, number> } {
  const counters: Record<string, number> = {};
  const visits: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string, n: number) => (into[key] = (into[key] ?? 0) + n);
  for (const c of checkins) {
    if (c.status !== 'active') continue;
    for (const [key, n] of Object.entries(arrivalDeltas(c, 1))) add(counters, key, n);
    for (const scope of scopesOf(c, week)) {
      const marker = visitMarker(scope, c.personKey);
      add(visits, marker, 1);
      add(counters, distinctKey(scope), distinctDelta(c.party, visits[marker], 1));
    }
  }
  for (const marker of onlineMarkers) {
    const m = ONLINE_MARKER.exec(marker);
    if (m) add(counters, attendanceKey(m[1], m[2], 'online'), 1);
  }
  for (const r of ratings) for (const [key, n] of Object.entries(ratingDeltas(r))) add(counters, key, n);
  for (const key of Object.keys(counters)) if (counters[key] === 0) delete counters[key];
  return { counters, visits };
}

// ---------------------------------------------------------------- days of an activity

/** The days an activity is scheduled on: its first to its last day (an end at midnight ends the day before). */
export function scheduledDays(e: Pick<ActivityEvent, 'startAt' | 'endAt'>): Day[] {
  const first = dayOf(e.startAt);
  const last = dayOf(Math.max(e.startAt, e.endAt - 1));
  return daysBetween(first, last);
}

/** True when an activity of one session runs past midnight (its time label then says 次日). */
export function crossesMidnight(e: Pick<ActivityEvent, 'startAt' | 'endAt'>): boolean {
  const days = scheduledDays(e);
  return days.length === 2 && e.endAt - e.startAt < 24 * 60 * 60_000 && days[1] === addDays(days[0], 1);
}

/** One activity's attendance on one day, by kind. */
export interface DayCount {
  checkedIn: number;
  walkIns: number;
  online: number;
  entered: number;
}

const ZERO: DayCount = { checkedIn: 0, walkIns: 0, online: 0, entered: 0 };

export const attendanceOfDay = (d: DayCount) => d.checkedIn + d.walkIns + d.online + d.entered;

/** Attendance of every event per day, read once from the summary counters. */
export class AttendanceIndex {
  private readonly byEvent = new Map<string, Map<Day, DayCount>>();
  private readonly days = new Map<string, { startAt: number; endAt: number; days: readonly Day[] }>();

  constructor(
    private readonly counters: Readonly<Record<string, number>>,
    events: readonly ActivityEvent[],
  ) {
    for (const [key, n] of Object.entries(counters)) {
      const m = ATTENDANCE_KEY.exec(key);
      if (!m || !n) continue;
      const count = this.slot(m[1], m[2]);
      if (m[3] === 'reg') count.checkedIn += n;
      else if (m[3] === 'walk') count.walkIns += n;
      else count.online += n;
    }
    for (const e of events)
      if (e.entered?.participants) this.slot(e.id, dayOf(e.startAt)).entered += e.entered.participants;
  }

  private slot(eventId: string, day: Day): DayCount {
    const days = this.byEvent.get(eventId) ?? new Map<Day, DayCount>();
    this.byEvent.set(eventId, days);
    const count = days.get(day) ?? { ...ZERO };
    days.set(day, count);
    return count;
  }

  /**
   * The days an event appears on: its scheduled days (a session crossing midnight: its first day,
   * labelled 次日) and any day with attendance, in order.
   */
  daysOf(e: ActivityEvent): readonly Day[] {
    // Remembered per event and schedule: the forms ask it for every event on every day of the week.
    const known = this.days.get(e.id);
    if (known && known.startAt === e.startAt && known.endAt === e.endAt) return known.days;
    const scheduled = crossesMidnight(e) ? [dayOf(e.startAt)] : scheduledDays(e);
    const days = [...new Set([...scheduled, ...(this.byEvent.get(e.id)?.keys() ?? [])])].sort();
    this.days.set(e.id, { startAt: e.startAt, endAt: e.endAt, days });
    return days;
  }

  on(eventId: string, day: Day): DayCount {
    return this.byEvent.get(eventId)?.get(day) ?? ZERO;
  }

  /** An event's attendance over some days (null: all its days). */
  over(e: ActivityEvent, days: ReadonlySet<Day> | null): DayCount {
    const total = { ...ZERO };
    for (const [day, c] of this.byEvent.get(e.id) ?? []) {
      if (days && !days.has(day)) continue;
      total.checkedIn += c.checkedIn;
      total.walkIns += c.walkIns;
      total.online += c.online;
      total.entered += c.entered;
    }
    return total;
  }

  /** Whether an event appears within some days (null: always). */
  appears(e: ActivityEvent, days: ReadonlySet<Day> | null): boolean {
    return days === null || this.daysOf(e).some((d) => days.has(d));
  }

  get raw(): Readonly<Record<string, number>> {
    return this.counters;
  }
}

// ---------------------------------------------------------------- figures

export interface Satisfaction {
  /** Share of ratings of 4 or 5, 0–1; null without ratings. */
  rate: number | null;
  ratings: number;
  good: number;
  meetsExcellence: boolean;
}

/** 随机抽样的满意度达80%以上 (seed 002, attachment 3): the 优秀组织奖 threshold. */
export const EXCELLENCE_RATE = 0.8;

export function satisfactionOf(
  events: readonly Pick<ActivityEvent, 'id'>[],
  counters: Readonly<Record<string, number>>,
): Satisfaction {
  let ratings = 0;
  let good = 0;
  for (const e of events) {
    const keys = ratingKeys(e.id);
    ratings += counters[keys.n] ?? 0;
    good += counters[keys.good] ?? 0;
  }
  const rate = ratings ? good / ratings : null;
  return { rate, ratings, good, meetsExcellence: rate !== null && rate >= EXCELLENCE_RATE };
}

/** The figures of a scope over some days: the dashboard's figures (types/figures.ts), one definition. */
export type Figures = DashboardFigures;

/** The days a span covers: the launch week, the whole period (null), or one day. */
export type Span = { kind: 'week' } | { kind: 'all' } | { kind: 'day'; day: Day };

export function daysOfSpan(span: Span, week: Week): ReadonlySet<Day> | null {
  if (span.kind === 'all') return null;
  if (span.kind === 'day') return new Set([span.day]);
  return new Set(daysBetween(week.weekStart, week.weekEnd));
}

/** Distinct people of a scope and span from the summary counters, where the scope can say. */
export function distinctOf(
  counters: Readonly<Record<string, number>>,
  unitIds: readonly string[] | null,
  span: Span,
): number | null {
  if (unitIds !== null && unitIds.length !== 1) return null;
  const scope: Scope = unitIds ? { unitId: unitIds[0] } : {};
  if (span.kind === 'day') scope.day = span.day;
  if (span.kind === 'week') scope.week = true;
  return counters[distinctKey(scope)] ?? 0;
}

/**
 * The figures of some events over some days: the one function dashboards, forms and roll-ups
 * call. `distinct` is the scope's 人 (see distinctOf), or null where no counter holds it.
 */
export function figuresOf(
  events: readonly ActivityEvent[],
  index: AttendanceIndex,
  days: ReadonlySet<Day> | null,
  distinct: number | null,
): Figures {
  const shown = events.filter((e) => index.appears(e, days));
  const counts = shown.map((e) => ({ e, c: index.over(e, days) }));
  const held = counts.filter(({ c }) => attendanceOfDay(c) > 0).map(({ e }) => e);
  const sum = (f: (c: DayCount) => number) => counts.reduce((n, { c }) => n + f(c), 0);
  const checkedIn = sum((c) => c.checkedIn);
  const walkIns = sum((c) => c.walkIns);
  const online = sum((c) => c.online);
  const entered = sum((c) => c.entered);
  return {
    eventsScheduled: shown.length,
    eventsHeld: held.length,
    signups: shown.reduce((n, e) => n + e.seatsTaken, 0),
    checkedIn,
    walkIns,
    online,
    entered,
    attendance: checkedIn + walkIns + online + entered,
    distinctPeople: distinct,
    streets: new Set(held.map((e) => e.streetId)).size,
    satisfaction: satisfactionOf(shown, index.raw),
  };
}

/** What a roll-up asks for: the events of some units (null: all given) over a span. */
export interface RollupQuery {
  unitIds: readonly string[] | null;
  span: Span;
}

/**
 * Figures of a set of events and a campaign's summary counters over a scope and a span: the
 * entry point for roll-ups at any level of the reporting chain. 人 is given where a counter
 * holds it (the whole campaign or one unit); a roll-up of several units leaves it null rather
 * than adding people who may be the same.
 */
export function rollupFigures(
  campaign: Week,
  events: readonly ActivityEvent[],
  counters: Readonly<Record<string, number>>,
  query: RollupQuery,
): Figures {
  const mine = events.filter(
    (e) => e.status === 'approved' && (query.unitIds === null || query.unitIds.includes(e.unitId)),
  );
  const index = new AttendanceIndex(counters, mine);
  return figuresOf(mine, index, daysOfSpan(query.span, campaign), distinctOf(counters, query.unitIds, query.span));
}
