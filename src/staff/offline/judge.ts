/**
 * Judging a scan on the device, for when the backend cannot be reached: the same code rule as
 * the backend (backend/core/checkin-code.ts) with the backend's public key, and the
 * cached roster for names and for sign-ups that are waitlisted, cancelled or already in.
 * Only an acceptance is queued for the backend; refusals are shown and forgotten.
 */
import type { RosterEntry, ScanResult } from '../../../types/api';
import type { ScanOutcome } from '../../../types/domain';
import type { SignatureVerifier } from '@backend/core/checkin-code';
import { judgeCode } from '@backend/core/checkin-code';
import { SCAN_MESSAGES } from '@backend/core/checkin';
import { ed25519Verifier } from '@backend/core/ed25519';

export const OFFLINE_ACCEPTED_MESSAGE = '签到成功（离线，待同步）';
/** Shown for the name when the cached roster does not know the person yet. */
export const UNKNOWN_NAME = '（名单未缓存）';

export interface OfflineDoor {
  eventId: string;
  /** The scanner's clock, corrected by the server skew measured online. */
  at: number;
  publicKey: string | null;
  roster: readonly RosterEntry[] | null;
  /** registrationId → when this device accepted it offline. */
  accepted: Readonly<Record<string, number>>;
}

export interface OfflineVerdict {
  result: ScanResult;
  /** True when the scan was let in and must be queued for the backend. */
  accept: boolean;
  registrationId: string | null;
}

let verifierCache: { key: string; verifier: SignatureVerifier } | null = null;

function verifierFor(publicKey: string): SignatureVerifier | null {
  if (verifierCache?.key === publicKey) return verifierCache.verifier;
  try {
    verifierCache = { key: publicKey, verifier: ed25519Verifier(publicKey) };
    return verifierCache.verifier;
  } catch {
    return null;
  }
}

function refusal(scanId: string, outcome: ScanOutcome, entry: RosterEntry | null, message?: string): ScanResult {
  return {
    scanId,
    outcome,
    message: message ?? SCAN_MESSAGES[outcome],
    attendee: entry ? attendeeOf(entry) : null,
    firstCheckedInAt: null,
    conflict: false,
  };
}

function attendeeOf(entry: RosterEntry): NonNullable<ScanResult['attendee']> {
  return { registrationId: entry.registrationId, name: entry.name, companions: entry.companions, party: entry.party };
}

/** The decision for a registration the scan has identified (by code or by hand). */
function judgeRegistration(scanId: string, registrationId: string, door: OfflineDoor): OfflineVerdict {
  const entry = door.roster?.find((e) => e.registrationId === registrationId) ?? null;
  const attendee = entry ? attendeeOf(entry) : { registrationId, name: UNKNOWN_NAME, companions: 0, party: 1 };
  if (entry?.status === 'cancelled')
    return { result: refusal(scanId, 'cancelled', entry), accept: false, registrationId };
  if (entry?.status === 'waitlisted') {
    return { result: refusal(scanId, 'waitlisted', entry), accept: false, registrationId };
  }
  const before = door.accepted[registrationId] ?? entry?.checkedInAt ?? null;
  if (before !== null) {
    return {
      result: {
        scanId,
        outcome: 'already_checked_in',
        message: SCAN_MESSAGES.already_checked_in,
        attendee,
        firstCheckedInAt: before,
        conflict: false,
      },
      accept: false,
      registrationId,
    };
  }
  return {
    result: {
      scanId,
      outcome: 'checked_in',
      message: OFFLINE_ACCEPTED_MESSAGE,
      attendee,
      firstCheckedInAt: null,
      conflict: false,
    },
    accept: true,
    registrationId,
  };
}

/**
 * A scanned text. Without the public key nothing can be verified: the scan is refused as
 * invalid with a message saying why (staff can still check people in by hand from the roster).
 */
export function judgeCodeOffline(text: string, scanId: string, door: OfflineDoor): OfflineVerdict {
  const verifier = door.publicKey ? verifierFor(door.publicKey) : null;
  if (!verifier) {
    return {
      result: refusal(scanId, 'invalid', null, '无法离线核验：本机还没有保存签到配置，请联网后再试或手工签到'),
      accept: false,
      registrationId: null,
    };
  }
  const verdict = judgeCode(text, { eventId: door.eventId, at: door.at }, verifier);
  if (!verdict.ok) return { result: refusal(scanId, verdict.outcome, null), accept: false, registrationId: null };
  return judgeRegistration(scanId, verdict.registrationId, door);
}

/** A person picked by hand from the cached roster. */
export function judgeManualOffline(registrationId: string, scanId: string, door: OfflineDoor): OfflineVerdict {
  const known = door.roster?.some((e) => e.registrationId === registrationId) ?? false;
  if (!known) {
    return { result: refusal(scanId, 'not_registered', null), accept: false, registrationId };
  }
  return judgeRegistration(scanId, registrationId, door);
}
