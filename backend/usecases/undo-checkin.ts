/** A supervisor takes a check-in back (with a reason): the counters and markers follow. */
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';
import { type DoorAction, doorEvent, logDoorAction } from './door';
import { drainClaimed } from './outbox';
import { countArrival } from './summary';
export async function undoCheckin(
  deps: Deps,
  caller: Caller,
  door: Omit<DoorAction, 'offline' | 'scannedAt'>,
  registrationId: string,
  reason: string,
): Promise<void> {
  const event = await doorEvent(deps, caller, door.eventId, true);
  await deps.store.atomic(async () => {
    const checkin = await deps.store.getCheckin(registrationId);
    if (!checkin || checkin.eventId !== event.id || checkin.status !== 'active') fail('CHECKIN_NOT_FOUND');
    // Its admission's writes first, if they are still in its outbox: the undo takes back what they add.
    if (checkin.outbox) await drainClaimed(deps, checkin);
    const now = deps.clock.now();
    const ok = await deps.store.updateCheckin(registrationId, 'active', {
      status: 'undone',
      undoneAt: now,
      undoneBy: caller.openid,
      undoReason: reason,
    });
    if (!ok) fail('CHECKIN_NOT_FOUND');
    await deps.store.changeAttendance(
      event.id,
      checkin.registrationId ? { checkedIn: -checkin.party } : { walkIns: -checkin.party },
    );
    await countArrival(deps, checkin, -1);
    await logDoorAction(deps, caller, door, now, {
      registrationId: checkin.registrationId,
      kind: 'undo',
      outcome: 'undone',
      reason,
      firstCheckedInAt: checkin.checkedInAt,
    });
  });
}
