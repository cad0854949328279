/**
 * Admitting a registration at the door: by a scanned code, by hand (a staff member picks the
 * registration), or by a six-digit short code typed while offline. A check-in's id is its
 * registration's id, so one insert wins however often it is scanned; the attendance counters
 * change in the same unit of work as the check-in.
 */
import type { ScanResult } from '../../types/api';
import type { ActivityEvent, Campaign, Checkin, CheckinMethod, Registration } from '../../types/domain';
import { judgeCode, matchShortCode } from '../core/checkin-code';
import { DomainError } from '../core/errors';
import { DuplicateKeyError } from '../store/port';
import { compensated, type Undo } from './compensate';
import type { Caller, Deps } from './context';
import {
  assertScanTime,
  type Attempt,
  type DoorAction,
  doorEvent,
  doorGate,
  record,
  refusal,
  replayed,
  signerOf,
  when,
  withReason,
} from './door';
import { countArrival } from './summary';

async function admit(
  deps: Deps,
  caller: Caller,
  event: ActivityEvent,
  door: DoorAction,
  reg: Registration,
  kind: CheckinMethod,
  undo: Undo,
  campaign?: Campaign | null,
): Promise<Attempt> {
  const base = { kind, registration: reg, reason: null, party: reg.party };
  if (reg.status === 'pending') return { ...base, outcome: 'not_registered', firstCheckedInAt: null, conflict: false };
  if (reg.status === 'waitlisted') return { ...base, outcome: 'waitlisted', firstCheckedInAt: null, conflict: false };
  if (reg.status === 'cancelled') return { ...base, outcome: 'cancelled', firstCheckedInAt: null, conflict: false };
  const checkin: Checkin = {
    id: reg.id,
    eventId: event.id,
    campaignId: event.campaignId,
    unitId: event.unitId,
    registrationId: reg.id,
    personKey: reg.id.slice(event.id.length + 1),
    ...when(door.scannedAt),
    party: reg.party,
    name: null,
    phone: null,
    status: 'active',
    method: kind,
    checkedInAt: door.scannedAt,
    recordedAt: deps.clock.now(),
    deviceId: door.deviceId,
    staffId: caller.openid ?? '',
    offline: door.offline,
    undoneAt: null,
    undoneBy: null,
    undoReason: null,
  };
  try {
    await deps.store.insertCheckin(checkin);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const existing = await deps.store.getCheckin(reg.id);
    if (!existing) throw new DomainError('STORE_CONFLICT');
    if (existing.status === 'active') {
      const conflict = door.offline && existing.deviceId !== door.deviceId;
      return { ...base, outcome: 'already_checked_in', firstCheckedInAt: existing.checkedInAt, conflict };
    }
    // Checked in before, then undone: this check-in counts again.
    const { id: _id, ...patch } = checkin;
    if (!(await deps.store.updateCheckin(reg.id, 'undone', patch))) {
      const now = await deps.store.getCheckin(reg.id);
      return { ...base, outcome: 'already_checked_in', firstCheckedInAt: now?.checkedInAt ?? null, conflict: false };
    }
  }
  // Undone rather than deleted: a retry of the same check-in then counts it again, once.
  undo(() =>
    deps.store.updateCheckin(reg.id, 'active', {
      status: 'undone',
      undoneAt: checkin.recordedAt,
      undoReason: '未完成，已回滚',
    }),
  );
  // The event's counter and the campaign's markers are independent: sent together.
  const [attendance, arrival] = await Promise.allSettled([
    deps.store.changeAttendance(event.id, { checkedIn: reg.party }),
    countArrival(deps, checkin, 1, undo, campaign),
  ]);
  if (attendance.status === 'fulfilled') undo(() => deps.store.changeAttendance(event.id, { checkedIn: -reg.party }));
  if (attendance.status === 'rejected') throw attendance.reason;
  if (arrival.status === 'rejected') throw arrival.reason;
  return { ...base, outcome: 'checked_in' as const, firstCheckedInAt: null, conflict: false };
}

export async function scanCode(deps: Deps, caller: Caller, door: DoorAction, code: string): Promise<ScanResult> {
  const event = await doorEvent(deps, caller, door.eventId);
  const signer = signerOf(deps);
  assertScanTime(deps, door);
  return deps.store.atomic(async () => {
    const verdict = judgeCode(code, { eventId: event.id, at: door.scannedAt }, signer.verifier);
    // The replay check, the registration and the door's campaign are independent reads: sent together.
    const [again, found, campaign] = await Promise.all([
      replayed(deps, door.scanId, door.eventId),
      verdict.ok ? deps.store.getRegistration(verdict.registrationId) : null,
      verdict.ok ? deps.store.getCampaign(event.campaignId) : null,
    ]);
    if (again) return again;
    if (!verdict.ok) {
      const reason = {
        invalid: '签名无效或格式错误',
        wrong_event: '其他活动的签到码',
        expired: '签到码不在有效时间内',
      }[verdict.outcome];
      const reg =
        verdict.outcome === 'expired' && verdict.claims
          ? await deps.store.getRegistration(`${verdict.claims.eventId}_${verdict.claims.holderKey}`)
          : null;
      return record(deps, caller, door, {
        outcome: verdict.outcome,
        kind: 'code',
        registration: reg,
        reason,
        firstCheckedInAt: null,
        conflict: false,
        party: 0,
      });
    }
    const reg = found;
    if (!reg) {
      return record(deps, caller, door, {
        outcome: 'not_registered',
        kind: 'code',
        registration: null,
        reason: '没有这份报名',
        firstCheckedInAt: null,
        conflict: false,
        party: 0,
      });
    }
    const gate = await doorGate(deps, caller, event, door, campaign);
    if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, 'code', reg));
    return compensated(async (undo) =>
      record(deps, caller, door, withReason(await admit(deps, caller, event, door, reg, 'code', undo, campaign), gate)),
    );
  });
}

export async function manualCheckin(
  deps: Deps,
  caller: Caller,
  door: DoorAction,
  registrationId: string,
): Promise<ScanResult> {
  const event = await doorEvent(deps, caller, door.eventId);
  assertScanTime(deps, door);
  return admitRegistration(deps, caller, event, door, registrationId, 'manual');
}

/**
 * Admits one registration at the door of `event` at `door.scannedAt`: the replay check, the
 * door's rules, one check-in, the scan log. Who may do so is the caller's check (`manualCheckin`
 * checks the staff member's unit); this function checks only that the registration belongs to
 * the event. Stable entry point for other ways in (e.g. a resident's self check-in).
 */
export async function admitRegistration(
  deps: Deps,
  caller: Caller,
  event: ActivityEvent,
  door: DoorAction,
  registrationId: string,
  kind: CheckinMethod,
): Promise<ScanResult> {
  return deps.store.atomic(async () => {
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
    const reg = await deps.store.getRegistration(registrationId);
    // Another event's registration answers like a missing one: no probing of ids beyond the door's own event.
    if (!reg || reg.eventId !== event.id) {
      return record(deps, caller, door, {
        outcome: 'not_registered',
        kind,
        registration: null,
        reason: '没有这份报名',
        firstCheckedInAt: null,
        conflict: false,
        party: 0,
      });
    }
    const gate = await doorGate(deps, caller, event, door);
    if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, kind, reg));
    return compensated(async (undo) =>
      record(deps, caller, door, withReason(await admit(deps, caller, event, door, reg, kind, undo), gate)),
    );
  });
}

/**
 * A six-digit short code typed at a door that was offline: the device cannot check it (it has
 * no secret), so the server judges it now against the time it was typed, and checks the one
 * registration it names in by hand. No match, or more than one, is refused and logged.
 */
export async function shortCodeCheckin(
  deps: Deps,
  caller: Caller,
  door: DoorAction,
  code: string,
): Promise<ScanResult> {
  const regs = (await deps.store.listRegistrationsOfEvent(door.eventId)).filter((r) => r.status !== 'pending');
  const matches = matchShortCode(code, regs, door.eventId, door.scannedAt, signerOf(deps).sign);
  if (matches.length === 1) return manualCheckin(deps, caller, door, matches[0].id);
  await doorEvent(deps, caller, door.eventId);
  assertScanTime(deps, door);
  return deps.store.atomic(async () => {
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
    return record(deps, caller, door, {
      outcome: 'invalid',
      kind: 'manual',
      registration: null,
      reason: matches.length === 0 ? '手工签到码不符或已过期' : '手工签到码对应多人，请人工核对',
      firstCheckedInAt: null,
      conflict: false,
      party: 0,
    });
  });
}
