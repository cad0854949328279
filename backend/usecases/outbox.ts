/**
 * A check-in's outbox. The check-in document is written in one guarded insert (its id is its
 * registration's, or `walkin_<scanId>`) and carries what it still implies: the event's
 * attendance counter, the visit markers and summary counters of its campaign, and its scan-log
 * entry (`outbox`). Draining writes them and empties the outbox.
 *
 * - Without `deps.later` (SQLite) the drain runs before the answer, inside the unit of work, and
 *   the check-in is written without its outbox (`asWritten`): the transaction is the guarantee.
 * - With it (CloudBase) the answer goes out after the insert and the drain runs after it.
 *
 * The guarantee: every outbox is drained exactly once in its counting effects, or its effects
 * are recounted. A drain first claims the outbox (a conditional write: claim 0 → now), so two
 * drains never both apply it; a check-in whose outbox is still there after DRAIN_GRACE_MS (the
 * function was frozen or crashed before or during its drain) is claimed by reconciliation,
 * which writes its scan-log entry and recounts the counters from the raw check-ins (which it
 * does for every event anyway); while a younger outbox is in flight, reconciliation leaves that
 * event's and the campaign's counters alone until its next run.
 */
import type { Campaign, Checkin, ScanLogEntry } from '../../types/domain';
import { DuplicateKeyError } from '../store/port';
import type { Undo } from './compensate';
import type { Deps } from './context';
import { countArrival } from './summary';

/** How long a live drain has before reconciliation takes its outbox over. */
export const DRAIN_GRACE_MS = 60_000;

/** True while a live drain may still be writing this outbox. */
export function inFlight(checkin: Checkin, now: number): boolean {
  return !!checkin.outbox && Math.max(checkin.recordedAt, checkin.outboxClaim ?? 0) > now - DRAIN_GRACE_MS;
}

/** An outbox that reconciliation takes over (its live drain is overdue). */
export function overdue(checkin: Checkin, now: number): boolean {
  return !!checkin.outbox && !inFlight(checkin, now);
}

async function writeLog(deps: Deps, entry: ScanLogEntry): Promise<void> {
  try {
    await deps.store.insertScanLog(entry);
  } catch (error) {
    // Written by an earlier drain of the same outbox (one that stopped before emptying it).
    if (!(error instanceof DuplicateKeyError)) throw error;
  }
}

/** The counting effects of an active check-in: its event's counter, its markers and summary counters. */
async function count(deps: Deps, checkin: Checkin, undo?: Undo, campaign?: Campaign | null): Promise<void> {
  const delta = checkin.registrationId ? { checkedIn: checkin.party } : { walkIns: checkin.party };
  const negative = checkin.registrationId ? { checkedIn: -checkin.party } : { walkIns: -checkin.party };
  // The event's counter and the campaign's markers are independent: sent together.
  const [attendance, arrival] = await Promise.allSettled([
    deps.store.changeAttendance(checkin.eventId, delta),
    countArrival(deps, checkin, 1, undo, campaign),
  ]);
  if (attendance.status === 'fulfilled') undo?.(() => deps.store.changeAttendance(checkin.eventId, negative));
  if (attendance.status === 'rejected') throw attendance.reason;
  if (arrival.status === 'rejected') throw arrival.reason;
}

/**
 * The check-in as it is written: with its outbox where the outbox drains after the answer
 * (`later`, CloudBase); without one where the drain runs in the same unit of work (SQLite), so
 * that nothing is left to empty.
 */
export function asWritten(deps: Deps, checkin: Checkin): Checkin {
  return deps.later ? checkin : { ...checkin, outbox: null, outboxClaim: null };
}

/**
 * Inside the unit of work (no `later`): the effects (each registering its undo), then the
 * scan-log entry. A failure rolls back the whole check-in. The check-in was written without its
 * outbox (`asWritten`): there is none to empty.
 */
async function drainNow(deps: Deps, checkin: Checkin, undo: Undo, campaign?: Campaign | null): Promise<void> {
  const entry = checkin.outbox;
  if (!entry) return;
  await count(deps, checkin, undo, campaign);
  // The scan log last: a retry after a failure above finds no entry and checks in again.
  await deps.store.insertScanLog(entry);
}

/**
 * After the answer: claims the outbox and writes it. Returns false when there was nothing to
 * claim (drained or claimed by someone else). A failure leaves the claim for reconciliation.
 */
export async function drainClaimed(deps: Deps, checkin: Checkin, campaign?: Campaign | null): Promise<boolean> {
  const entry = checkin.outbox;
  if (!entry) return false;
  const now = deps.clock.now();
  if (!(await deps.store.claimOutbox(checkin.id, entry.id, now, 1))) return false;
  await count(deps, checkin, undefined, campaign);
  await Promise.all([writeLog(deps, entry), deps.store.clearOutbox(checkin.id, entry.id)]);
  return true;
}

/**
 * What a check-in implies, once it is written: now (SQLite), or after the answer through
 * `deps.later` (CloudBase), where a failure is left to reconciliation.
 */
export async function settle(deps: Deps, checkin: Checkin, undo: Undo, campaign?: Campaign | null): Promise<void> {
  const later = deps.later;
  if (!later) return drainNow(deps, checkin, undo, campaign);
  later(() => drainClaimed(deps, checkin, campaign).then(() => undefined));
}

/**
 * Reconciliation's part: an overdue outbox is claimed, its scan-log entry written and the outbox
 * emptied; its counters are left to the recount that follows. Returns whether it took it over.
 */
export async function takeOver(deps: Deps, checkin: Checkin): Promise<boolean> {
  const entry = checkin.outbox;
  const now = deps.clock.now();
  if (!entry || !overdue(checkin, now)) return false;
  if (!(await deps.store.claimOutbox(checkin.id, entry.id, now, now - DRAIN_GRACE_MS))) return false;
  await Promise.all([writeLog(deps, entry), deps.store.clearOutbox(checkin.id, entry.id)]);
  return true;
}
