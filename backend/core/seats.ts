/**
 * Capacity and waitlist rules. Pure: every adapter turns a SeatGuard into its own
 * database's conditional atomic update, so the rule is written once, here.
 */
import type { SeatCounter } from '../../types/domain';

/**
 * The condition under which `party` seats may be taken from an event, expressed on the
 * counter as it is *before* the update, so that a store can check it atomically:
 * `capacity == expectedCapacity AND seatsTaken <= maxTakenBefore [AND waitingCount == 0]`.
 */
export interface SeatGuard {
  party: number;
  expectedCapacity: number;
  maxTakenBefore: number;
  /** A newcomer may not jump a waitlist; a promotion from the waitlist may. */
  requireEmptyWaitlist: boolean;
}

export function seatGuard(capacity: number, party: number, from: 'newcomer' | 'waitlist'): SeatGuard {
  return {
    party,
    expectedCapacity: capacity,
    maxTakenBefore: capacity - party,
    requireEmptyWaitlist: from === 'newcomer',
  };
}

/** Whether a counter satisfies a guard: the reference semantics every adapter must match. */
export function guardHolds(counter: SeatCounter, guard: SeatGuard): boolean {
  return (
    counter.capacity === guard.expectedCapacity &&
    counter.seatsTaken <= guard.maxTakenBefore &&
    (!guard.requireEmptyWaitlist || counter.waitingCount === 0)
  );
}

export function seatsLeft(counter: SeatCounter): number | null {
  if (counter.capacity === null) return null;
  return Math.max(0, counter.capacity - counter.seatsTaken);
}

export interface WaitingEntry {
  id: string;
  party: number;
  waitTicket: number;
}

/**
 * Which waitlisted sign-ups to promote when `free` seats are available: in ticket order,
 * first fit. A party too large for the seats left is skipped (it keeps its place) so that
 * seats never stay empty while someone who fits is waiting.
 */
export function pickPromotions(waiting: readonly WaitingEntry[], free: number): WaitingEntry[] {
  const ordered = [...waiting].sort((a, b) => a.waitTicket - b.waitTicket);
  const picked: WaitingEntry[] = [];
  let left = free;
  for (const entry of ordered) {
    if (left <= 0) break;
    if (entry.party <= left) {
      picked.push(entry);
      left -= entry.party;
    }
  }
  return picked;
}

/** What the counters of an event must be, recounted from its raw registrations. */
export function recountSeats(
  capacity: number | null,
  registrations: readonly {
    status: string;
    party: number;
    waitTicket: number | null;
    cancelledByStaff?: { seatsKept: boolean };
  }[],
): Pick<SeatCounter, 'capacity' | 'seatsTaken' | 'waitingCount'> {
  let seatsTaken = 0;
  let waitingCount = 0;
  for (const r of registrations) {
    // A sign-up staff cancelled after the start keeps its seats: they were used.
    if (r.status === 'confirmed' || (r.status === 'cancelled' && r.cancelledByStaff?.seatsKept)) seatsTaken += r.party;
    else if (r.status === 'waitlisted') waitingCount += 1;
  }
  return { capacity, seatsTaken, waitingCount };
}
