/**
 * Live headcounts: the organizer's figures grouped by street, unit, day, category and
 * audience, and the hourly arrivals curve. Every figure comes from the counting rules in
 * ./counting (docs/counting.md): the dashboard, exports and reconciliation share them.
 */
import type { ActivityEvent, Audience, Category, Checkin, Day, Rating } from '../../types/domain';
import { arrivalsKey, figuresOf, recountSummary, type AttendanceIndex, type Figures, type Week } from './counting';

export {
  arrivalDeltas,
  distinctKey,
  EXCELLENCE_RATE,
  figuresOf,
  ratingDeltas,
  ratingKeys,
  satisfactionOf,
  scopeKey,
  scopesOf,
  VERSION_KEY,
  visitMarker,
  type Figures,
  type Satisfaction,
  type Scope,
} from './counting';

/** A week wide enough for callers that recount without a campaign at hand (tests, bench). */
const ANY_WEEK: Week = { weekStart: '0000-01-01', weekEnd: '9999-12-31' };

/** The summary counters recounted from raw check-ins and ratings (see counting.recountSummary). */
export function recountCounters(
  checkins: readonly (Pick<Checkin, 'eventId' | 'unitId' | 'day' | 'hour' | 'party' | 'personKey' | 'status'> & {
    registrationId: string | null;
  })[],
  ratings: readonly Pick<Rating, 'eventId' | 'score'>[] = [],
  week: Week = ANY_WEEK,
): { counters: Record<string, number>; visits: Record<string, number> } {
  return recountSummary(checkins, week, ratings);
}

export interface Breakdown {
  key: string;
  figures: Figures;
}

/** Figures per group of events over some days, largest attendance first. */
export function breakdown(
  events: readonly ActivityEvent[],
  keysOf: (e: ActivityEvent) => readonly string[],
  index: AttendanceIndex,
  days: ReadonlySet<Day> | null,
  distinctOf: (key: string) => number | null = () => null,
): Breakdown[] {
  const groups = new Map<string, ActivityEvent[]>();
  for (const e of events) {
    if (!index.appears(e, days)) continue;
    for (const key of keysOf(e)) {
      const group = groups.get(key) ?? [];
      group.push(e);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, figures: figuresOf(group, index, days, distinctOf(key)) }))
    .sort((a, b) => b.figures.attendance - a.figures.attendance || a.key.localeCompare(b.key));
}

export interface DashboardScope {
  /** null: the whole district; otherwise the units the caller works for. */
  unitIds: readonly string[] | null;
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
export const byCategory = (e: ActivityEvent): Category[] => [e.category];
export const byAudience = (e: ActivityEvent): Audience[] => e.audiences;

export function isHappening(e: Pick<ActivityEvent, 'startAt' | 'endAt'>, now: number): boolean {
  return e.startAt <= now && now < e.endAt;
}
