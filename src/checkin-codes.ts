/**
 * Which check-in code to show when. A batch from `checkin.codes` holds consecutive codes, one
 * per window; the code page shows the one whose window contains the current time, corrected by
 * the clock difference to the server measured when the batch arrived (a phone whose clock is a
 * few minutes off would otherwise show codes the door refuses as expired). Pure functions.
 */
import type { CheckinCodes } from '../types/api';

export type TimedCode = CheckinCodes['codes'][number];

/** Ask for a new batch when fewer codes than this are left. */
export const REFRESH_BELOW = 4;
/** Do not ask again sooner than this after a failed attempt. */
export const REFRESH_RETRY_MS = 10_000;

/** What the device keeps of a batch: the codes and the server's clock minus the device's. */
export interface StoredCodes {
  registrationId: string;
  codes: TimedCode[];
  shortCode: string;
  skew: number;
  event?: { title: string; startAt: number; endAt: number; venue: string };
}

export function skewOf(serverTime: number, receivedAt: number): number {
  return Number.isFinite(serverTime) ? serverTime - receivedAt : 0;
}

export function codeAt(codes: readonly TimedCode[], at: number): TimedCode | null {
  return codes.find((c) => c.validFrom <= at && at < c.validTo) ?? null;
}

/** Codes still to come, the current one included. */
export function codesLeft(codes: readonly TimedCode[], at: number): number {
  return codes.filter((c) => c.validTo > at).length;
}

/** Keeps the codes not yet over, in order, without repeating a window. */
export function mergeCodes(older: readonly TimedCode[], fresh: readonly TimedCode[], at: number): TimedCode[] {
  const byStart = new Map<number, TimedCode>();
  for (const c of [...older, ...fresh]) if (c.validTo > at) byStart.set(c.validFrom, c);
  return [...byStart.values()].sort((a, b) => a.validFrom - b.validFrom);
}

/** 123456 → 123 456: two groups of three read out more easily. */
export function groupDigits(shortCode: string): string {
  return shortCode.length === 6 ? `${shortCode.slice(0, 3)} ${shortCode.slice(3)}` : shortCode;
}
