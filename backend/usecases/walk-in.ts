/**
 * A walk-in: someone without a sign-up let in at the door (with companions), one check-in per
 * scanId, counted as its own person.
 */
import type { ScanResult } from '../../types/api';
import { type GivenAnswer, walkinAnswersOf } from '../core/signup-questions';
import { DuplicateKeyError } from '../store/port';
import { compensated } from './compensate';
import type { Caller, Deps } from './context';
import {
  assertScanTime,
  type Attempt,
  type DoorAction,
  doorCheckin,
  doorEvent,
  doorGate,
  logEntry,
  record,
  refusal,
  replayed,
} from './door';
import { asWritten, settle } from './outbox';

export interface WalkinInput {
  name?: string;
  phone?: string;
  companions: number;
  /** Answers to the event's sign-up questions, each optional at the door. */
  answers?: GivenAnswer[];
}

export async function walkIn(deps: Deps, caller: Caller, door: DoorAction, input: WalkinInput): Promise<ScanResult> {
  const event = await doorEvent(deps, caller, door.eventId);
  assertScanTime(deps, door);
  const answers = walkinAnswersOf(event.questions, input.answers, door.offline);
  return deps.store.atomic(async () => {
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
    const gate = await doorGate(deps, caller, event, door);
    if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, 'walkin', null));
    const party = 1 + input.companions;
    const name = input.name?.trim() || null;
    const admitted: Attempt = {
      outcome: 'checked_in',
      kind: 'walkin',
      registration: null,
      reason: gate.overrideReason,
      firstCheckedInAt: null,
      conflict: false,
      party,
      walkinName: name,
    };
    const checkin = doorCheckin(
      deps,
      caller,
      door,
      event,
      {
        id: `walkin_${door.scanId}`,
        registrationId: null,
        personKey: `walkin:${door.scanId}`,
        party,
        name,
        phone: input.phone || null,
        ...(answers ? { answers } : {}),
        method: 'walkin',
      },
      logEntry(deps, caller, door, admitted),
    );
    const written = asWritten(deps, checkin);
    const outbox = { scanId: written.scanId, outbox: written.outbox, outboxClaim: written.outboxClaim };
    return compensated(async (undo) => {
      let inserted = true;
      let logged = true;
      try {
        await deps.store.insertCheckin(written);
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
            ...outbox,
          }));
        // This same scan, again, before its outbox was drained: its scan-log entry is on its way.
        logged = inserted || !!existing?.outbox;
      }
      if (inserted) {
        undo(() =>
          deps.store.updateCheckin(checkin.id, 'active', {
            status: 'undone',
            undoReason: '未完成，已回滚',
            outbox: null,
            outboxClaim: null,
          }),
        );
        await settle(deps, checkin, undo);
      }
      return record(deps, caller, door, { ...admitted, logged });
    });
  });
}
