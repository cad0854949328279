/**
 * Waitlist promotion: when seats free up, confirm waitlisted sign-ups in waitlist order
 * (first fit). Safe to run concurrently and repeatedly: every step is a conditional update,
 * and a seat taken for someone who cancelled meanwhile is given back. It decides who is promoted
 * and returns them; telling them is the caller's job once the unit of work has committed
 * (`announcePromotions`, promotion-notices.ts).
 */
import type { Registration } from '../../types/domain';
import { pickPromotions, seatGuard } from '../core/seats';
import type { Deps } from './context';

const PROMOTION_BATCH = 50;
const MAX_ROUNDS = 20;

/** Callers wrap this in `store.atomic` together with the change that freed the seats. */
export async function promoteWaitlist(deps: Deps, eventId: string): Promise<Registration[]> {
  const { store, clock } = deps;
  const promoted: Registration[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const event = await store.getEvent(eventId);
    if (!event || event.capacity === null || event.status !== 'approved' || event.waitingCount <= 0) break;
    const free = event.capacity - event.seatsTaken;
    if (free <= 0) break;
    const waiting = await store.listWaitlisted(eventId, PROMOTION_BATCH);
    const picks = pickPromotions(
      waiting.map((r) => ({ id: r.id, party: r.party, waitTicket: r.waitTicket ?? 0 })),
      free,
    );
    if (picks.length === 0) break;
    let progressed = false;
    for (const pick of picks) {
      if (!(await store.takeSeats(eventId, seatGuard(event.capacity, pick.party, 'waitlist')))) break;
      const now = clock.now();
      const ok = await store.updateRegistration(
        pick.id,
        { status: 'waitlisted' },
        { status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now },
      );
      if (!ok) {
        await store.releaseSeats(eventId, pick.party);
        continue;
      }
      await store.changeWaiting(eventId, -1);
      const reg = await store.getRegistration(pick.id);
      if (reg) promoted.push(reg);
      progressed = true;
    }
    if (!progressed) break;
  }
  return promoted;
}
