/**
 * Live headcounts: which summary counters a check-in moves, how the organizer's figures are
 * derived from event counters plus those summary counters, and the same figures recounted
 * from raw records (the reference that dashboard, exports and reconciliation must equal).
 *
 * Counting rules (forms.md): attendance (参加人数, 人次) = people checked in on a sign-up
 * (with companions) + walk-ins + entered participants of online activities; never sign-ups.
 * Distinct people (人) count a person once per scope (a walk-in is one person per visit).
 */
import type { ActivityEvent, Audience, Category, Checkin, Day, Rating } from '../../types/domain';

export interface Scope {
  unitId?: string;
  day?: Day;
}

export function scopeKey(scope: Scope): string {
  const parts = [];
  if (scope.unitId) parts.push(`u:${scope.unitId}`);
  if (scope.day) parts.push(`d:${scope.day}`);
  return parts.length ? parts.join('|') : 'all';
}

export const VERSION_KEY = 'version';
export const distinctKey = (scope: Scope) => `distinct|${scopeKey(scope)}`;
export const arrivalsKey = (scope: Scope, hour: number) =>
  `arrivals|${scopeKey(scope)}|h:${String(hour).padStart(2, '0')}`;

/** Ratings of an event: how many, and how many were 4 or 5. */
export const ratingKeys = (eventId: string) => ({ n: `ratings|e:${eventId}|n`, good: `ratings|e:${eventId}|good` });

export function ratingDeltas(r: Pick<Rating, 'eventId' | 'score'>): Record<string, number> {
  const keys = ratingKeys(r.eventId);
  return { [keys.n]: 1, [keys.good]: r.score >= 4 ? 1 : 0 };
}

/** 随机抽样的满意度达80%以上 (seed 002, attachment 3): the 优秀组织奖 threshold. */
export const EXCELLENCE_RATE = 0.8;

export interface Satisfaction {
  /** Share of ratings of 4 or 5, 0–1; null without ratings. */
  rate: number | null;
  ratings: number;
  good: number;
  meetsExcellence: boolean;
}

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

type Attendance = Pick<Checkin, 'unitId' | 'day' | 'hour' | 'party' | 'personKey' | 'status'>;

/** The scopes in which a check-in makes its person a distinct attendee. */
export function scopesOf(c: Pick<Checkin, 'unitId' | 'day'>): Scope[] {
  return [{}, { day: c.day }, { unitId: c.unitId }, { unitId: c.unitId, day: c.day }];
}

export function visitMarker(scope: Scope, personKey: string): string {
  return `${scopeKey(scope)}|${personKey}`;
}

/** Hourly arrivals (people) a check-in adds (sign +1) or an undo removes (sign -1). */
export function arrivalDeltas(c: Attendance, sign: 1 | -1): Record<string, number> {
  return {
    [arrivalsKey({ day: c.day }, c.hour)]: sign * c.party,
    [arrivalsKey({ unitId: c.unitId, day: c.day }, c.hour)]: sign * c.party,
  };
}

/** The summary counters (all but the version) recounted from raw check-ins and ratings. */
export function recountCounters(
  checkins: readonly Attendance[],
  ratings: readonly Pick<Rating, 'eventId' | 'score'>[] = [],
): {
  counters: Record<string, number>;
  visits: Record<string, number>;
} {
  const counters: Record<string, number> = {};
  const visits: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string, n: number) => (into[key] = (into[key] ?? 0) + n);
  for (const c of checkins) {
    if (c.status !== 'active') continue;
    for (const [key, n] of Object.entries(arrivalDeltas(c, 1))) add(counters, key, n);
    for (const scope of scopesOf(c)) {
      const marker = visitMarker(scope, c.personKey);
      if (!visits[marker]) add(counters, distinctKey(scope), 1);
      add(visits, marker, 1);
    }
  }
  for (const r of ratings) for (const [key, n] of Object.entries(ratingDeltas(r))) add(counters, key, n);
  return { counters, visits };
}

// ---------------------------------------------------------------- figures

export interface Figures {
  /** Events on the programme (approved). */
  eventsScheduled: number;
  /** Events with any attendance (checked in, walk-ins or an entered figure). */
  eventsHeld: number;
  /** People holding confirmed seats (with companions). */
  signups: number;
  /** People checked in on a sign-up (人次). */
  checkedIn: number;
  walkIns: number;
  /** Entered participant figures of online activities and activities without check-in. */
  entered: number;
  /** checkedIn + walkIns + entered (人次). */
  attendance: number;
  /** Distinct people (人); null where the scope cannot say (several units of one staff member). */
  distinctPeople: number | null;
  /** Streets and towns with attendance. */
  streets: number;
  /** 群众满意度: share of ratings of 4–5, with the number of ratings. */
  satisfaction: Satisfaction;
}

export function attendanceOf(e: ActivityEvent): number {
  return e.checkedIn + e.walkIns + (e.entered?.participants ?? 0);
}

export function figuresOf(
  events: readonly ActivityEvent[],
  distinctPeople: number | null,
  counters: Readonly<Record<string, number>> = {},
): Figures {
  const held = events.filter((e) => attendanceOf(e) > 0);
  const sum = (f: (e: ActivityEvent) => number) => events.reduce((n, e) => n + f(e), 0);
  const checkedIn = sum((e) => e.checkedIn);
  const walkIns = sum((e) => e.walkIns);
  const entered = sum((e) => e.entered?.participants ?? 0);
  return {
    eventsScheduled: events.length,
    eventsHeld: held.length,
    signups: sum((e) => e.seatsTaken),
    checkedIn,
    walkIns,
    entered,
    attendance: checkedIn + walkIns + entered,
    distinctPeople,
    streets: new Set(held.map((e) => e.streetId)).size,
    satisfaction: satisfactionOf(events, counters),
  };
}

export interface Breakdown {
  key: string;
  figures: Figures;
}

export function breakdown(
  events: readonly ActivityEvent[],
  keysOf: (e: ActivityEvent) => readonly string[],
  counters: Readonly<Record<string, number>>,
  distinctOf: (key: string) => number | null = () => null,
): Breakdown[] {
  const groups = new Map<string, ActivityEvent[]>();
  for (const e of events) {
    for (const key of keysOf(e)) {
      const group = groups.get(key) ?? [];
      group.push(e);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, figures: figuresOf(group, distinctOf(key), counters) }))
    .sort((a, b) => b.figures.attendance - a.figures.attendance || a.key.localeCompare(b.key));
}

export interface DashboardScope {
  /** null: the whole district; otherwise the units the caller works for. */
  unitIds: readonly string[] | null;
}

/** Distinct people of a scope from the summary counters, where the scope can say. */
export function distinctFrom(
  counters: Readonly<Record<string, number>>,
  scope: DashboardScope,
  day?: Day,
): number | null {
  if (scope.unitIds === null) return counters[distinctKey({ day })] ?? 0;
  if (scope.unitIds.length === 1) return counters[distinctKey({ unitId: scope.unitIds[0], day })] ?? 0;
  return null;
}

/** People arriving per hour (0–23) of a day, from the summary counters. */
export function hourlyFrom(counters: Readonly<Record<string, number>>, scope: DashboardScope, day: Day): number[] {
  return Array.from({ length: 24 }, (_, hour) =>
    scope.unitIds === null
      ? (counters[arrivalsKey({ day }, hour)] ?? 0)
      : scope.unitIds.reduce((n, unitId) => n + (counters[arrivalsKey({ unitId, day }, hour)] ?? 0), 0),
  );
}

export const byStreet = (e: ActivityEvent) => [e.streetId];
export const byUnit = (e: ActivityEvent) => [e.unitId];
export const byDay = (e: ActivityEvent) => [e.day];
export const byCategory = (e: ActivityEvent): Category[] => [e.category];
export const byAudience = (e: ActivityEvent): Audience[] => e.audiences;

export function isHappening(e: Pick<ActivityEvent, 'startAt' | 'endAt'>, now: number): boolean {
  return e.startAt <= now && now < e.endAt;
}
