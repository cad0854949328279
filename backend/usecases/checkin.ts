/**
 * The door: check-in codes for residents, and scanning, manual check-in, walk-ins, offline
 * sync, roster, search and undo for staff. Every attempt is written to the scan log; the
 * attendance counters change in the same unit of work as the check-in itself.
 */
import type {
  AuditEntry,
  CheckinCodes,
  CheckinConfig,
  QueuedScan,
  RosterEntry,
  ScanResult,
  StaffEventView,
  WalkInEntry,
} from '../../types/api';
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
import {
  CODES_AHEAD,
  claimsOfRegistration,
  codePayload,
  formatCode,
  judgeCode,
  matchShortCode,
  shortCodeOf,
  TOLERANCE_WINDOWS,
  WINDOW_MS,
  windowOf,
} from '../core/checkin-code';
import { DomainError, fail } from '../core/errors';
import { isPublic } from '../core/events';
import { maskName } from '../core/registration';
import { walkInEntries } from '../core/walkin-roster';
import { dayOf, shanghai } from '../core/time';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import { isOwnRegistration, requireOpenid } from './signup';
import type { CodeSigner } from './signing';
import { orgIndex, toEventView } from './views';
import { countArrival } from './summary';
import { compensated, type Undo } from './compensate';

/** Where and when a check-in counts: its Asia/Shanghai day and hour. */
function when(at: number): { day: string; hour: number } {
  return { day: dayOf(at), hour: shanghai(at).hour() };
}

function signerOf(deps: Deps): CodeSigner {
  if (!deps.signer) fail('CHECKIN_KEY_MISSING');
  return deps.signer;
}

async function doorEvent(deps: Deps, caller: Caller, eventId: string, supervise = false): Promise<ActivityEvent> {
  const event = await deps.store.getEvent(eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  const allowed = supervise ? maySupervise(caller, event) : mayWorkDoor(caller, event);
  if (!allowed) fail('FORBIDDEN', supervise ? '需要主管权限' : '只能管理本单位的活动');
  return event;
}

// ---------------------------------------------------------------- residents

/** Codes for the caller's own confirmed sign-up, one per window from now on. */
export async function checkinCodes(deps: Deps, caller: Caller, registrationId: string): Promise<CheckinCodes> {
  const openid = requireOpenid(caller);
  const signer = signerOf(deps);
  const reg = await deps.store.getRegistration(registrationId);
  if (!isOwnRegistration(reg, openid)) fail('REGISTRATION_NOT_FOUND');
  if (reg.status !== 'confirmed')
    fail('CODE_NOT_AVAILABLE', reg.status === 'waitlisted' ? '候补转正后才有签到码' : '该报名已取消');
  const now = deps.clock.now();
  const first = windowOf(now);
  const codes = [];
  for (let window = first; window < first + CODES_AHEAD; window++) {
    const claims = claimsOfRegistration(reg.id, reg.eventId, window);
    if (!claims) fail('INTERNAL');
    codes.push({
      code: formatCode(claims, signer.sign(codePayload(claims))),
      shortCode: shortCodeOf(reg.id, reg.eventId, window, signer.sign) ?? '',
      validFrom: window * WINDOW_MS,
      validTo: (window + 1) * WINDOW_MS,
    });
  }
  return { registrationId: reg.id, codes, shortCode: codes[0].shortCode, windowMs: WINDOW_MS, serverTime: now };
}

// ---------------------------------------------------------------- staff: reading

export function checkinConfig(deps: Deps): CheckinConfig {
  return {
    publicKey: signerOf(deps).publicKeyHex,
    windowMs: WINDOW_MS,
    toleranceWindows: TOLERANCE_WINDOWS,
    serverTime: deps.clock.now(),
  };
}

function toStaffView(event: ActivityEvent, names: ReturnType<typeof orgIndex>, now: number): StaffEventView {
  return {
    ...toEventView(event, names, now),
    checkedIn: event.checkedIn,
    walkIns: event.walkIns,
    confirmedPeople: event.seatsTaken,
  };
}

/** Events of the units the caller works for (the whole district for organizers), of one day or all. */
export async function staffEvents(deps: Deps, caller: Caller, day?: string): Promise<StaffEventView[]> {
  const campaign = await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const [events, orgs] = await Promise.all([
    deps.store.listEvents(campaign.id, day),
    deps.store.listOrgs(campaign.districtId),
  ]);
  const names = orgIndex(orgs);
  const now = deps.clock.now();
  return events.filter((e) => isPublic(e) && mayWorkDoor(caller, e)).map((e) => toStaffView(e, names, now));
}

function rosterEntry(reg: Registration, checkin: Checkin | undefined): RosterEntry {
  return {
    registrationId: reg.id,
    name: maskName(reg.name),
    phoneTail: reg.phone.slice(-4),
    companions: reg.companions,
    party: reg.party,
    status: reg.status as RosterEntry['status'],
    source: reg.source,
    checkedInAt: checkin?.status === 'active' ? checkin.checkedInAt : null,
  };
}

export async function roster(
  deps: Deps,
  caller: Caller,
  eventId: string,
): Promise<{ event: StaffEventView; entries: RosterEntry[]; walkIns: WalkInEntry[] }> {
  const event = await doorEvent(deps, caller, eventId);
  const [regs, checkins, orgs] = await Promise.all([
    deps.store.listRegistrationsOfEvent(eventId),
    deps.store.listCheckinsOfEvent(eventId),
    deps.store.listOrgs(event.districtId),
  ]);
  const byReg = new Map(checkins.map((c) => [c.id, c]));
  const order: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };
  const entries = regs
    .filter((r) => r.status !== 'pending')
    .map((r) => rosterEntry(r, byReg.get(r.id)))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'zh'));
  return { event: toStaffView(event, orgIndex(orgs), deps.clock.now()), entries, walkIns: walkInEntries(checkins) };
}

/**
 * By part of the name, the last four digits of the phone, or the six-digit short code of the
 * current window (or the last few: it is read out and typed).
 */
export async function findAttendee(deps: Deps, caller: Caller, eventId: string, query: string): Promise<RosterEntry[]> {
  await doorEvent(deps, caller, eventId);
  const q = query.trim();
  const [regs, checkins] = await Promise.all([
    deps.store.listRegistrationsOfEvent(eventId),
    deps.store.listCheckinsOfEvent(eventId),
  ]);
  const byReg = new Map(checkins.map((c) => [c.id, c]));
  const listed = regs.filter((r) => r.status !== 'pending');
  const matched = /^\d{6}$/.test(q)
    ? matchShortCode(q, listed, eventId, deps.clock.now(), signerOf(deps).sign)
    : listed.filter((r) => (/^\d{4}$/.test(q) ? r.phone.endsWith(q) : q.length > 0 && r.name.includes(q)));
  return matched.slice(0, 20).map((r) => rosterEntry(r, byReg.get(r.id)));
}

export async function auditLog(
  deps: Deps,
  caller: Caller,
  eventId: string,
  offset: number,
  limit: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  await doorEvent(deps, caller, eventId, true);
  const { entries, total } = await deps.store.listScanLog(eventId, offset, limit);
  return {
    total,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      outcome: e.outcome,
      reason: e.reason,
      registrationId: e.registrationId,
      deviceId: e.deviceId,
      staffId: e.staffId,
      scannedAt: e.scannedAt,
      recordedAt: e.recordedAt,
      offline: e.offline,
      conflict: e.conflict,
    })),
  };
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

interface Attempt {
  outcome: ScanOutcome;
  kind: CheckinMethod;
  registration: Registration | null;
  reason: string | null;
  firstCheckedInAt: number | null;
  conflict: boolean;
  party: number;
  walkinName?: string | null;
}

/** A replayed scanId gets the answer it got the first time, and changes nothing. */
async function replayed(deps: Deps, scanId: string, eventId: string): Promise<ScanResult | null> {
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

function resultOf(scanId: string, a: Attempt): ScanResult {
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

async function record(deps: Deps, caller: Caller, door: DoorAction, a: Attempt): Promise<ScanResult> {
  const entry: ScanLogEntry = {
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

/** Checks a registration in, once: a second check-in of the same registration collides (self-checkin.ts too). */
export async function admit(
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

/** An admission let in by a supervisor's override keeps the override's reason in the scan log. */
function withReason(a: Attempt, gate: { overrideReason: string | null }): Attempt {
  return a.outcome === 'checked_in' && gate.overrideReason ? { ...a, reason: gate.overrideReason } : a;
}

function assertScanTime(deps: Deps, door: DoorAction): void {
  if (door.offline && !plausibleScanTime(door.scannedAt, deps.clock.now())) {
    fail('VALIDATION_FAILED', '离线扫码时间不合理，请检查设备时间');
  }
}

const DOOR_REASONS = {
  too_early: '未到签到时间',
  ended: '活动已结束（超过签到截止时间）',
  event_cancelled: '活动已取消',
} as const;

/**
 * The door's own rules before anyone is admitted: a cancelled activity admits no one; outside
 * the check-in window only a supervisor's override (with its reason, kept in the scan log)
 * admits. Returns a refusal to record, or the reason of an override (null when in the window).
 */
async function doorGate(
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

function refusal(outcome: ScanOutcome, kind: CheckinMethod, registration: Registration | null): Attempt {
  const reason =
    outcome === 'too_early' || outcome === 'ended' || outcome === 'event_cancelled' ? DOOR_REASONS[outcome] : null;
  return { outcome, kind, registration, reason, firstCheckedInAt: null, conflict: false, party: 0 };
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
  return deps.store.atomic(async () => {
    const again = await replayed(deps, door.scanId, door.eventId);
    if (again) return again;
    const reg = await deps.store.getRegistration(registrationId);
    // Another event's registration answers like a missing one: no probing of ids beyond the door's own event.
    if (!reg || reg.eventId !== event.id) {
      return record(deps, caller, door, {
        outcome: 'not_registered',
        kind: 'manual',
        registration: null,
        reason: '没有这份报名',
        firstCheckedInAt: null,
        conflict: false,
        party: 0,
      });
    }
    const gate = await doorGate(deps, caller, event, door);
    if ('refused' in gate) return record(deps, caller, door, refusal(gate.refused, 'manual', reg));
    return compensated(async (undo) =>
      record(deps, caller, door, withReason(await admit(deps, caller, event, door, reg, 'manual', undo), gate)),
    );
  });
}

/**
 * A six-digit short code typed at a door that was offline: the device cannot check it (it has
 * no secret), so the server judges it now against the time it was typed, and checks the one
 * registration it names in by hand. No match, or more than one, is refused and logged.
 */
async function shortCodeCheckin(deps: Deps, caller: Caller, door: DoorAction, code: string): Promise<ScanResult> {
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

/** Replays a device's offline queue, in order. Replaying the same batch changes nothing. */
export async function syncOffline(
  deps: Deps,
  caller: Caller,
  eventId: string,
  deviceId: string,
  scans: readonly QueuedScan[],
): Promise<ScanResult[]> {
  await doorEvent(deps, caller, eventId);
  const results: ScanResult[] = [];
  for (const scan of scans) {
    const door: DoorAction = { eventId, deviceId, scanId: scan.scanId, scannedAt: scan.scannedAt, offline: true };
    if (scan.kind === 'code') results.push(await scanCode(deps, caller, door, scan.code));
    else if (scan.kind === 'manual') results.push(await manualCheckin(deps, caller, door, scan.registrationId));
    else if (scan.kind === 'short') results.push(await shortCodeCheckin(deps, caller, door, scan.code));
    else results.push(await walkIn(deps, caller, door, scan));
  }
  return results;
}

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

/** Today in Asia/Shanghai, for the staff's default list. */
export function todayOf(deps: Deps): string {
  return dayOf(deps.clock.now());
}
