/**
 * Venue codes for self check-in (自助签到) where nobody works the door: a code that names the
 * event, signed with the door's key (the same Ed25519 key as the residents' codes,
 * core/checkin-code.ts). Two forms:
 * - rotating (on a screen at the venue): names a 30-second window, accepted for that window and
 *   the VENUE_TOLERANCE_WINDOWS before it, so a photo of the screen stops working within ~1.5 min;
 * - printed (on paper at the entrance): names no window; it works only inside the activity's
 *   door window, which self check-in checks for both forms (core/checkin.ts doorVerdict).
 * Pure: signing and verifying are passed in.
 */
import { asciiBytes, fromBase64Url, toBase64Url } from './bytes';
import { windowOf, type SignatureVerifier } from './checkin-code';

export const VENUE_VERSION = 'V1';
export const VENUE_WINDOW_MS = 30_000;
export const VENUE_TOLERANCE_WINDOWS = 2;
/** Codes handed to the screen at once: 10 minutes, so it keeps rotating through a network gap. */
export const VENUE_CODES_AHEAD = 20;
const PRINTED = 'p';
const EVENT_ID = /^[A-Za-z0-9_-]{1,96}$/;

export interface VenueClaims {
  eventId: string;
  /** The 30-second window of a rotating code; null for a printed code. */
  window: number | null;
}

export function venuePayload(claims: VenueClaims): Uint8Array {
  return asciiBytes(`${VENUE_VERSION}|venue|${claims.eventId}|${claims.window === null ? PRINTED : claims.window}`);
}

export function formatVenueCode(claims: VenueClaims, signature: Uint8Array): string {
  const window = claims.window === null ? PRINTED : claims.window.toString(36);
  return [VENUE_VERSION, claims.eventId, window, toBase64Url(signature)].join('.');
}

export function signVenueCode(claims: VenueClaims, sign: (payload: Uint8Array) => Uint8Array): string {
  return formatVenueCode(claims, sign(venuePayload(claims)));
}

export function parseVenueCode(text: string): { claims: VenueClaims; signature: Uint8Array } | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts[0] !== VENUE_VERSION) return null;
  const [, eventId, window, sig] = parts;
  if (!EVENT_ID.test(eventId) || !(window === PRINTED || /^[0-9a-z]{1,12}$/.test(window))) return null;
  const signature = fromBase64Url(sig);
  if (!signature || signature.length !== 64) return null;
  return { claims: { eventId, window: window === PRINTED ? null : parseInt(window, 36) }, signature };
}

export type VenueVerdict =
  { ok: true; eventId: string; printed: boolean } | { ok: false; outcome: 'invalid' | 'expired' };

/** Whether a venue code is genuine and, for a rotating one, current at `at`. */
export function judgeVenueCode(text: string, at: number, verifier: SignatureVerifier): VenueVerdict {
  const parsed = parseVenueCode(text);
  if (!parsed || !verifier.verify(venuePayload(parsed.claims), parsed.signature))
    return { ok: false, outcome: 'invalid' };
  const { eventId, window } = parsed.claims;
  if (window !== null) {
    const now = windowOf(at);
    if (window > now || window < now - VENUE_TOLERANCE_WINDOWS) return { ok: false, outcome: 'expired' };
  }
  return { ok: true, eventId, printed: window === null };
}
