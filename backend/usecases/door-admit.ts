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
  doorCheckin,
  doorEvent,
  doorGate,
  logEntry,
  record,
  refusal,
  replayed,
  signerOf,
} from './door';
import { asWritten, settle } from './outbox';

/**
 * Checks a registration in, once: one guarded insert (the check-in's id is the registration's),
 * carrying its outbox. `known` is the check-in read with the registration (undefined: not read).
 */
async function admit(
  deps: Deps,
  caller: Caller,
  door: DoorAction,
  at: { event: ActivityEvent; campaign?: Campaign | null; reason: string | null },
  reg: Registration,
  kind: CheckinMethod,
  known: Checkin | null | undefined,
  undo: Undo,
): Promise<Attempt> {
  const { event, campaign } = at;
  const base = { kind, registration: reg, reason: null, party: reg.party };
  if (reg.status === 'pending') return { ...base, outcome: 'not_registered', firstCheckedInAt: null, conflict: false };
  if (reg.status === 'waitlisted') return { ...base, outcome: 'waitlisted', firstCheckedInAt: null, conflict: false };
  if (reg.status === 'cancelled') return { ...base, outcome: 'cancelled', firstCheckedInAt: null, conflict: false };
  const admitted: Attempt = {
    ...base,
    reason: at.reason,
    outcome: 'checked_in',
    firstCheckedInAt: null,
    conflict: false,
  };
  /** The answer when the registration is checked in already (null: it was undone, and counts again). */
  const answerTo = (found: Checkin): Attempt | null => {
    if (found.status !== 'active') return null;
    // This same scan, again, before its scan-log entry was written: the first answer stands.
    if (found.scanId === door.scanId) return { ...admitted, reason: found.outbox?.reason ?? at.reason, logged: true };
    const conflict = door.offline && found.deviceId !== door.deviceId;
    return { ...base, outcome: 'already_checked_in', firstCheckedInAt: found.checkedInAt, conflict };
  };
  // Most scans at a door are repeats: answered before the check-in is even built.
  const already = known ? answerTo(known) : null;
  if (already) return already;
  const who = { id: reg.id, registrationId: reg.id, personKey: reg.id.slice(event.id.length + 1) };
  const checkin = doorCheckin(
    deps,
    caller,
    door,
    event,
    {
      ...who,
      party: reg.party,
      name: null,
      phone: null,
      method: kind,
    },
    logEntry(deps, caller, door, admitted),
  );
  const written = asWritten(deps, checkin);
  const { id: _id, ...patch } = written;
  /** Checked in before, then undone: this check-in counts again. */
  const reactivate = async (): Promise<Attempt | null> => {
    if (await deps.store.updateCheckin(reg.id, 'undone', patch)) return null;
    const now = await deps.store.getCheckin(reg.id);
    return { ...base, outcome: 'already_checked_in', firstCheckedInAt: now?.checkedInAt ?? null, conflict: false };
  };
  const answered = known ? await reactivate() : await insertOrAnswer();
  if (answered) return answered;
  // Undone rather than deleted: a retry of the same check-in then counts it again, once.
  undo(() =>
    deps.store.updateCheckin(reg.id, 'active', {
      status: 'undone',
      undoneAt: checkin.recordedAt,
      undoReason: '未完成，已回滚',
      outbox: null,
      outboxClaim: null,
    }),
  );
  await settle(deps, checkin, undo, campaign);
  return { ...admitted, logged: true };

  async function insertOrAnswer(): Promise<Attempt | null> {
    try {
      await deps.store.insertCheckin(written);
      return null;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      const existing = await deps.store.getCheckin(reg.id);
      if (!existing) throw new DomainError('STORE_CONFLICT');
      return answerTo(existing) ?? (await reactivate());
    }
  }
}

/**
 * The door's rules, then the admission, for a registration found by code or by hand. Another
 * event's registration answers like a missing one: no probing of ids beyond the door's own event.
 */
async function admitFound(
  deps: Deps,
  caller: Caller,
  door: DoorAction,
  read: { event: ActivityEvent; campaign: Campaign | null; known: Checkin | null },
  reg: Registration | null,
  kind: CheckinMethod,
): Promise<ScanResult> {
  const { event, campaign, known } = read;
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
  const gate = await doorGate(deps, caller, event, door, campaign);
  if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, kind, reg));
  const at = { event, campaign, reason: gate.overrideReason };
  return compensated(async (undo) =>
    record(deps, caller, door, await admit(deps, caller, door, at, reg, kind, known, undo)),
  );
}

export async function scanCode(deps: Deps, caller: Caller, door: DoorAction, code: string): Promise<ScanResult> {
  const event = await doorEvent(deps, caller, door.eventId);
  const signer = signerOf(deps);
  assertScanTime(deps, door);
  return deps.store.atomic(async () => {
    const verdict = judgeCode(code, { eventId: event.id, at: door.scannedAt }, signer.verifier);
    // The replay check, the registration, its check-in and the door's campaign are independent reads: sent together.
    const [again, found, campaign, known] = await Promise.all([
      replayed(deps, door.scanId, door.eventId),
      verdict.ok ? deps.store.getRegistration(verdict.registrationId) : null,
      verdict.ok ? deps.store.getCampaign(event.campaignId) : null,
      verdict.ok ? deps.store.getCheckin(verdict.registrationId) : null,
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
    return admitFound(deps, caller, door, { event, campaign, known }, found, 'code');
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
    // Independent reads, sent together.
    const [again, reg, campaign, known] = await Promise.all([
      replayed(deps, door.scanId, door.eventId),
      deps.store.getRegistration(registrationId),
      deps.store.getCampaign(event.campaignId),
      deps.store.getCheckin(registrationId),
    ]);
    if (again) return again;
    return admitFound(deps, caller, door, { event, campaign, known }, reg, kind);
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
