/** Fixtures for the door's offline tests: a real Ed25519 key, signed codes, a roster, scripted backends. */
import nacl from 'tweetnacl';
import type { ApiResult, CheckinConfig, QueuedScan, RosterEntry, ScanResult, StaffEventView } from '../../types/api';
import type { ScanOutcome } from '../../types/domain';
import { codePayload, formatCode, windowOf } from '../../backend/core/checkin-code';
import { toHex } from '../../backend/core/bytes';
import type { StaffCaller } from '../../src/staff/api';
import type { DoorDeps } from '../../src/staff/offline/door';
import { memoryStore } from '../../src/staff/offline/storage';
import { anEvent } from './builders';

const keys = nacl.sign.keyPair.fromSeed(new Uint8Array(32).map((_, i) => i + 1));
export const PUBLIC_KEY = toHex(keys.publicKey);

/** A code for `eventId_holder`, signed with the test key, for the window of `at`. */
export function signedCode(eventId: string, holderKey: string, at: number): string {
  const claims = { eventId, holderKey, window: windowOf(at) };
  return formatCode(claims, nacl.sign.detached(codePayload(claims), keys.secretKey));
}

export function aConfig(serverTime: number): CheckinConfig {
  return { publicKey: PUBLIC_KEY, windowMs: 30_000, toleranceWindows: 2, serverTime };
}

export function aStaffEvent(overrides: Partial<StaffEventView> = {}): StaffEventView {
  return { ...anEvent({ id: 'e1' }), checkedIn: 0, walkIns: 0, confirmedPeople: 3, ...overrides };
}

export function anEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    registrationId: 'e1_h1',
    name: '王*明',
    phoneTail: '5678',
    companions: 1,
    party: 2,
    status: 'confirmed',
    source: 'self',
    checkedInAt: null,
    ...overrides,
  };
}

export function aScanResult(outcome: ScanOutcome, overrides: Partial<ScanResult> = {}): ScanResult {
  const messages: Record<ScanOutcome, string> = {
    checked_in: '签到成功',
    already_checked_in: '已签到',
    wrong_event: '非本场活动',
    expired: '二维码已过期',
    invalid: '无效二维码',
    not_registered: '未报名',
    waitlisted: '候补未转正',
    cancelled: '已取消',
    too_early: '未到签到时间',
    ended: '活动已结束',
    event_cancelled: '活动已取消',
  };
  return {
    scanId: 'scan-1',
    outcome,
    message: messages[outcome],
    attendee:
      outcome === 'invalid' || outcome === 'expired' || outcome === 'wrong_event'
        ? null
        : { registrationId: 'e1_h1', name: '王*明', companions: 1, party: 2 },
    firstCheckedInAt: null,
    conflict: false,
    ...overrides,
  };
}

export const UNREACHABLE = {
  ok: false as const,
  error: { code: 'STORE_UNAVAILABLE' as const, message: '网络不给力，请稍后重试', retryable: true },
};

type Handler = (data: Record<string, unknown>) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/** A staff backend answering from a table of handlers (missing actions are unreachable). */
export function scriptedCaller(handlers: Record<string, Handler>) {
  const calls: { action: string; data: Record<string, unknown> }[] = [];
  const call = (async (action: string, data: unknown) => {
    calls.push({ action, data: data as Record<string, unknown> });
    const handler = handlers[action];
    return handler ? handler(data as Record<string, unknown>) : UNREACHABLE;
  }) as unknown as StaffCaller;
  return { call, calls, handlers };
}

export function doorDeps(call: StaffCaller, now: () => number) {
  const store = memoryStore();
  let n = 0;
  const deps: DoorDeps = {
    store,
    call,
    now,
    newScanId: () => `scan${String(++n).padStart(4, '0')}`,
    deviceId: 'devtest0001',
  };
  return { deps, store };
}

/** The server's answer to a sync: every scan checked in. */
export function answerAll(scans: QueuedScan[]): ScanResult[] {
  return scans.map((s) => aScanResult('checked_in', { scanId: s.scanId }));
}
