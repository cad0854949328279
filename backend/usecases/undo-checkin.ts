/** A supervisor takes a check-in back (with a reason): the counters and markers follow. */
import { fail, DomainError } from '../core/errors';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { type DoorAction, doorEvent } from './door';
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
    try {
      await deps.store.insertScanLog({
        id: door.scanId,
        eventId: event.id,
        registrationId: checkin.registrationId,
        kind: 'undo',
        outcome: 'undone',
        reason,
        deviceId: door.deviceId,
        staffId: caller.openid ?? '',
        scannedAt: now,
        recordedAt: now,
        offline: false,
        conflict: false,
        firstCheckedInAt: checkin.checkedInAt,
      });
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new DomainError('VALIDATION_FAILED', '扫码编号重复');
      throw error;
    }
  });
}
