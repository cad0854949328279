/**
 * What every door action shares: the staff member's event, the door's own rules (window,
 * override), the scan log (every attempt written, keyed by the client's scanId) and the answer a
 * replayed scanId gets back.
 */
import type { ScanResult } from '../../types/api';
import type {
  ActivityEvent,
  Campaign,
  Checkin,
  CheckinMethod,
  Registration,
  ScanLogEntry,
  ScanOutcome,
} from '../../types/domain';
import {
  doorVerdict,
  mayOverrideDoor,
  mayWorkDoor,
  maySupervise,
  plausibleScanTime,
  SCAN_MESSAGES,
} from '../core/checkin';
import { DomainError, fail } from '../core/errors';
import { maskName } from '../core/registration';
import { dayOf, hourOf } from '../core/time';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import type { CodeSigner } from './signing';

/** Where and when a check-in counts: its Asia/Shanghai day and hour. */
export function when(at: number): { day: string; hour: number } {
  return { day: dayOf(at), hour: hourOf(at) };
}

export function signerOf(deps: Deps): CodeSigner {
  if (!deps.signer) fail('CHECKIN_KEY_MISSING');
  return deps.signer;
}

export async function doorEvent(
  deps: Deps,
  caller: Caller,
  eventId: string,
  supervise = false,
): Promise<ActivityEvent> {
  const event = await deps.store.getEvent(eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  const allowed = supervise ? maySupervise(caller, event) : mayWorkDoor(caller, event);
  if (!allowed) fail('FORBIDDEN', supervise ? '需要主管权限' : '只能管理本单位的活动');
  return event;
}

// ---------------------------------------------------------------- staff: the door

export interface DoorAction {
  eventId: string;
  deviceId: string;
  scanId: string;
  /** The time the door accepted it: now when online, the device's time for a synced offline scan. */
  scannedAt: number;
  offline: boolean;
  /** A supervisor's reason for admitting outside the check-in window. */
  override?: string;
}

export interface Attempt {
  outcome: ScanOutcome;
  kind: CheckinMethod;
  registration: Registration | null;
  reason: string | null;
  firstCheckedInAt: number | null;
  conflict: boolean;
  party: number;
  walkinName?: string | null;
  /** Its scan-log entry is already on its way (the check-in's outbox): nothing to record. */
  logged?: boolean;
}

/** A replayed scanId gets the answer it got the first time, and changes nothing. */
export async function replayed(deps: Deps, scanId: string, eventId: string): Promise<ScanResult | null> {
  const entry = await deps.store.getScanLog(scanId);
  if (!entry) return null;
  if (entry.eventId !== eventId) fail('VALIDATION_FAILED', '扫码编号重复');
  const reg = entry.registrationId ? await deps.store.getRegistration(entry.registrationId) : null;
  const checkin = entry.registrationId
    ? await deps.store.getCheckin(entry.registrationId)
    : await deps.store.getCheckin(`walkin_${scanId}`);
  const outcome = entry.outcome === 'undone' ? 'checked_in' : entry.outcome;
  return resultOf(scanId, {
    outcome,
    kind: entry.kind === 'undo' || entry.kind === 'cancel' ? 'manual' : entry.kind,
    registration: reg,
    reason: entry.reason,
    firstCheckedInAt: entry.firstCheckedInAt,
    conflict: entry.conflict,
    party: reg?.party ?? checkin?.party ?? 1,
    walkinName: checkin?.name ?? null,
  });
}

export function resultOf(scanId: string, a: Attempt): ScanResult {
  const reg = a.registration;
  const attendee = reg
    ? { registrationId: reg.id, name: maskName(reg.name), companions: reg.companions, party: reg.party }
    : a.kind === 'walkin' && a.outcome === 'checked_in'
      ? {
          registrationId: null,
          name: a.walkinName ? maskName(a.walkinName) : '现场来宾',
          companions: a.party - 1,
          party: a.party,
        }
      : null;
  return {
    scanId,
    outcome: a.outcome,
    message: a.conflict
      ? `${SCAN_MESSAGES[a.outcome]}（与其他设备离线签到冲突，已标记待核查）`
      : SCAN_MESSAGES[a.outcome],
    attendee: a.outcome === 'invalid' || a.outcome === 'wrong_event' ? null : attendee,
    firstCheckedInAt: a.firstCheckedInAt,
    conflict: a.conflict,
  };
}

/** The scan-log entry of an attempt. */
export function logEntry(deps: Deps, caller: Caller, door: DoorAction, a: Attempt): ScanLogEntry {
  return {
    id: door.scanId,
    eventId: door.eventId,
    registrationId: a.registration?.id ?? null,
    kind: a.kind,
    outcome: a.outcome,
    reason: a.reason,
    deviceId: door.deviceId,
    staffId: caller.openid ?? '',
    scannedAt: door.scannedAt,
    recordedAt: deps.clock.now(),
    offline: door.offline,
    conflict: a.conflict,
    firstCheckedInAt: a.firstCheckedInAt,
  };
}

/** Writes the attempt to the scan log and answers; an admission's entry travels in its check-in's outbox. */
export async function record(deps: Deps, caller: Caller, door: DoorAction, a: Attempt): Promise<ScanResult> {
  if (a.logged) return resultOf(door.scanId, a);
  const entry = logEntry(deps, caller, door, a);
  try {
    await deps.store.insertScanLog(entry);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    // The same scan arrived twice at once: the first answer stands.
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
  }
  return resultOf(door.scanId, a);
}

/**
 * Writes the scan-log entry of a staff member's online door action other than an admission
 * (an undo, a cancelled sign-up), made at `at`; a scanId already used is refused.
 */
export async function logDoorAction(
  deps: Deps,
  caller: Caller,
  door: Pick<DoorAction, 'eventId' | 'scanId' | 'deviceId'>,
  at: number,
  entry: Pick<ScanLogEntry, 'registrationId' | 'kind' | 'outcome' | 'reason' | 'firstCheckedInAt'>,
): Promise<void> {
  try {
    await deps.store.insertScanLog({
      id: door.scanId,
      eventId: door.eventId,
      ...entry,
      deviceId: door.deviceId,
      staffId: caller.openid ?? '',
      scannedAt: at,
      recordedAt: at,
      offline: false,
      conflict: false,
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new DomainError('VALIDATION_FAILED', '扫码编号重复');
    throw error;
  }
}

/** Checks a registration in, once: a second check-in of the same registration collides. */
export function assertScanTime(deps: Deps, door: DoorAction): void {
  if (door.offline && !plausibleScanTime(door.scannedAt, deps.clock.now())) {
    fail('VALIDATION_FAILED', '离线扫码时间不合理，请检查设备时间');
  }
}

export const DOOR_REASONS = {
  too_early: '未到签到时间',
  ended: '活动已结束（超过签到截止时间）',
  event_cancelled: '活动已取消',
} as const;

/**
 * The door's own rules before anyone is admitted: a cancelled activity admits no one; outside
 * the check-in window only a supervisor's override (with its reason, kept in the scan log)
 * admits. Returns a refusal to record, or the reason of an override (null when in the window).
 */
export async function doorGate(
  deps: Deps,
  caller: Caller,
  event: ActivityEvent,
  door: DoorAction,
  known?: Campaign | null,
): Promise<{ refused: 'too_early' | 'ended' | 'event_cancelled' } | { overrideReason: string | null }> {
  const campaign = known !== undefined ? known : await deps.store.getCampaign(event.campaignId);
  const verdict = doorVerdict(event, campaign, door.scannedAt);
  if (verdict === 'open') return { overrideReason: null };
  if (door.override && mayOverrideDoor(verdict, caller, event)) {
    return { overrideReason: `主管放行（${DOOR_REASONS[verdict]}）：${door.override}` };
  }
  return { refused: verdict };
}

export function refusal(outcome: ScanOutcome, kind: CheckinMethod, registration: Registration | null): Attempt {
  const reason =
    outcome === 'too_early' || outcome === 'ended' || outcome === 'event_cancelled' ? DOOR_REASONS[outcome] : null;
  return { outcome, kind, registration, reason, firstCheckedInAt: null, conflict: false, party: 0 };
}

/**
 * The check-in an admission writes: who, where and when, active, with its outbox (its scan-log
 * entry, usecases/outbox.ts).
 */
export function doorCheckin(
  deps: Deps,
  caller: Caller,
  door: DoorAction,
  event: ActivityEvent,
  who: Pick<Checkin, 'id' | 'registrationId' | 'personKey' | 'party' | 'name' | 'phone' | 'method' | 'answers'>,
  entry: ScanLogEntry,
): Checkin {
  return {
    ...who,
    eventId: event.id,
    campaignId: event.campaignId,
    unitId: event.unitId,
    ...when(door.scannedAt),
    status: 'active',
    checkedInAt: door.scannedAt,
    recordedAt: deps.clock.now(),
    deviceId: door.deviceId,
    staffId: caller.openid ?? '',
    offline: door.offline,
    undoneAt: null,
    undoneBy: null,
    undoReason: null,
    scanId: entry.id,
    outbox: entry,
    outboxClaim: 0,
  };
}
