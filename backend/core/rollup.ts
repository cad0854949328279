/**
 * Figures of a level of the tree: one campaign's own figures, and the combination of the levels
 * below it. The ONE place the reporting chain reads the counting core (core/counting.ts,
 * docs/counting.md), so that the dashboard, the forms and every level count alike.
 *
 * Distinct people (人) are a union of stable person keys (the hashed holder key of a sign-up,
 * which is the same in every campaign), never a sum: a resident who came in Jintan and in Liyang
 * is one person for Changzhou. Companions and walk-in persons cannot be told apart, so — as on
 * the dashboard — each counts one person per attendance (`extraPeople`), and those add up.
 */
import type { ActivityEvent } from '../../types/domain';
import type { RollupFigures } from '../../types/api';
import type { FrozenFigures } from '../../types/reporting';
import { AttendanceIndex, distinctKey, figuresOf, scopeKey } from './counting';

/** The whole-scope visit markers ('all|<personKey>'): one per registered person who came. */
export const PERSON_MARKER_PREFIX = `${scopeKey({})}|`;

export interface LevelFigures extends RollupFigures {
  /** The registered people (holder keys) counted in `distinctPeople`. */
  people: ReadonlySet<string>;
  /** Companions and walk-in persons, one per attendance: the rest of `distinctPeople`. */
  extraPeople: number;
}

/** The person keys a campaign's visit markers hold for its whole scope ('all|<personKey>'). */
export function peopleFromVisits(visits: Readonly<Record<string, number>>): Set<string> {
  const people = new Set<string>();
  for (const [marker, n] of Object.entries(visits)) {
    if (n > 0 && marker.startsWith(PERSON_MARKER_PREFIX)) people.add(marker.slice(PERSON_MARKER_PREFIX.length));
  }
  return people;
}

/**
 * A level's counts where the person keys stay in the store: `personKeys` is how many distinct
 * registered people came (the store counts them: Store.countDistinctMarkers with
 * PERSON_MARKER_PREFIX), `extraPeople` the companions and walk-in persons. Reading the counts of
 * a campaign costs its events and counters, not its attendance.
 */
export interface LevelCounts extends RollupFigures {
  personKeys: number;
  extraPeople: number;
}

/** One campaign's own counts over its whole period from its events, summary counters and people. */
export function campaignCounts(
  events: readonly ActivityEvent[],
  counters: Readonly<Record<string, number>>,
  personKeys: number,
): LevelCounts {
  const approved = events.filter((e) => e.status === 'approved');
  const distinct = counters[distinctKey({})] ?? 0;
  const f = figuresOf(approved, new AttendanceIndex(counters, approved), null, distinct);
  return {
    eventsScheduled: f.eventsScheduled,
    eventsHeld: f.eventsHeld,
    checkedIn: f.checkedIn,
    walkIns: f.walkIns,
    online: f.online,
    entered: f.entered,
    attendance: f.attendance,
    distinctPeople: distinct,
    personKeys,
    extraPeople: Math.max(0, distinct - personKeys),
  };
}

/**
 * Counts add up; people are united: `personKeysUnited` is the number of distinct person keys over
 * all the parts' campaigns (counted by the store), to which each part's extra people add.
 */
export function combineCounts(parts: readonly LevelCounts[], personKeysUnited: number): LevelCounts {
  const sum = (f: (p: LevelCounts) => number) => parts.reduce((n, p) => n + f(p), 0);
  return {
    eventsScheduled: sum((p) => p.eventsScheduled),
    eventsHeld: sum((p) => p.eventsHeld),
    checkedIn: sum((p) => p.checkedIn),
    walkIns: sum((p) => p.walkIns),
    online: sum((p) => p.online),
    entered: sum((p) => p.entered),
    attendance: sum((p) => p.attendance),
    distinctPeople: personKeysUnited + sum((p) => p.extraPeople),
    personKeys: personKeysUnited,
    extraPeople: sum((p) => p.extraPeople),
  };
}

/** One campaign's own figures over its whole period from its events, summary counters and visit markers. */
export function campaignFigures(
  events: readonly ActivityEvent[],
  counters: Readonly<Record<string, number>>,
  visits: Readonly<Record<string, number>>,
): LevelFigures {
  const people = peopleFromVisits(visits);
  const { personKeys: _count, ...counts } = campaignCounts(events, counters, people.size);
  return { ...counts, people };
}

export const NO_FIGURES: LevelFigures = {
  eventsScheduled: 0,
  eventsHeld: 0,
  checkedIn: 0,
  walkIns: 0,
  online: 0,
  entered: 0,
  attendance: 0,
  distinctPeople: 0,
  people: new Set(),
  extraPeople: 0,
};

/** Counts (人次, events) add up; people are united. */
export function combine(parts: readonly LevelFigures[]): LevelFigures {
  const people = new Set<string>();
  for (const p of parts) for (const key of p.people) people.add(key);
  const counted = parts.map(({ people: own, ...counts }) => ({ ...counts, personKeys: own.size }));
  const { personKeys: _united, ...counts } = combineCounts(counted, people.size);
  return { ...counts, people };
}

/** What a counted form freezes at submission. */
export function freeze(f: LevelFigures): FrozenFigures {
  return {
    eventsScheduled: f.eventsScheduled,
    eventsHeld: f.eventsHeld,
    attendance: f.attendance,
    distinctPeople: f.distinctPeople,
    people: [...f.people].sort(),
  };
}

/** Frozen figures back as level figures (for the roll-up of approved submissions). */
export function thaw(f: FrozenFigures): LevelFigures {
  return {
    ...NO_FIGURES,
    eventsScheduled: f.eventsScheduled,
    eventsHeld: f.eventsHeld,
    attendance: f.attendance,
    distinctPeople: f.distinctPeople,
    people: new Set(f.people),
    extraPeople: Math.max(0, f.distinctPeople - f.people.length),
  };
}

/** The change since submission: now minus what was frozen (people as a count). */
export function difference(frozen: FrozenFigures, now: LevelFigures) {
  return {
    attendance: now.attendance - frozen.attendance,
    distinctPeople: now.distinctPeople - frozen.distinctPeople,
    eventsHeld: now.eventsHeld - frozen.eventsHeld,
  };
}
