/**
 * A walk-in: someone without a sign-up let in at the door (with companions), one check-in per
 * scanId, counted as its own person.
 */
import type { ScanResult } from '../../types/api';
import type { Checkin } from '../../types/domain';
import { DuplicateKeyError } from '../store/port';
import { compensated } from './compensate';
import type { Caller, Deps } from './context';
import { assertScanTime, type DoorAction, doorEvent, doorGate, record, refusal, replayed, when } from './door';
import { countArrival } from './summary';

export interface WalkinInput {
  name?: string;
  phone?: string;
  companions: number;
}

export async function walkIn(deps: Deps, caller: Caller, door: DoorAction, input: WalkinInput): Promise<ScanResult> {
  const event = await doorEvent(deps, caller, door.eventId);
  assertScanTime(deps, door);
  return deps.store.atomic(async () => {
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
    const gate = await doorGate(deps, caller, event, door);
    if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, 'walkin', null));
    const party = 1 + input.companions;
    const checkin: Checkin = {
      id: `walkin_${door.scanId}`,
      eventId: event.id,
      campaignId: event.campaignId,
      unitId: event.unitId,
      registrationId: null,
      personKey: `walkin:${door.scanId}`,
      ...when(door.scannedAt),
      party,
      name: input.name?.trim() || null,
      phone: input.phone || null,
      status: 'active',
      method: 'walkin',
      checkedInAt: door.scannedAt,
      recordedAt: deps.clock.now(),
      deviceId: door.deviceId,
      staffId: caller.openid ?? '',
      offline: door.offline,
      undoneAt: null,
      undoneBy: null,
      undoReason: null,
    };
    return compensated(async (undo) => {
      let inserted = true;
      try {
        await deps.store.insertCheckin(checkin);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        // A walk-in rolled back by an earlier failed attempt of this same scan counts now.
        const existing = await deps.store.getCheckin(checkin.id);
        inserted =
          existing?.status === 'undone' &&
          existing.undoneBy === null &&
          (await deps.store.updateCheckin(checkin.id, 'undone', {
            status: 'active',
            undoneAt: null,
            undoReason: null,
          }));
      }
      if (inserted) {
        undo(() => deps.store.updateCheckin(checkin.id, 'active', { status: 'undone', undoReason: '未完成，已回滚' }));
        await deps.store.changeAttendance(event.id, { walkIns: party });
        undo(() => deps.store.changeAttendance(event.id, { walkIns: -party }));
        await countArrival(deps, checkin, 1, undo);
      }
      return record(deps, caller, door, {
        outcome: 'checked_in',
        kind: 'walkin',
        registration: null,
        reason: gate.overrideReason,
        firstCheckedInAt: null,
        conflict: false,
        party,
        walkinName: checkin.name,
      });
    });
  });
}
