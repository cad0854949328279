/**
 * Check-in codes: what a resident's QR code says, when it is valid, and how a scanner
 * judges it — the same rule on the backend and, offline, on a staff device.
 *
 * A code names the event and the registration holder and one 30-second window, signed with
 * the backend's Ed25519 key: `L1.<eventId>.<holderKey>.<window base 36>.<signature base64url>`.
 * Devices hold only the public key, so they can check codes but not make them. A screenshot
 * stops working once its window is more than TOLERANCE_WINDOWS away from the scanner's clock.
 */
import { asciiBytes, fromBase64Url, toBase64Url } from './bytes';
import { registrationId } from './registration';

export const CODE_VERSION = 'L1';
export const WINDOW_MS = 30_000;
/** Windows a code may be away from the scanner's clock (covers clock skew and a slow queue). */
export const TOLERANCE_WINDOWS = 2;
/** Codes handed out per request: ten minutes of rotation without the network. */
export const CODES_AHEAD = 20;

const PART = /^[A-Za-z0-9_-]{1,96}$/;

export interface CodeClaims {
  eventId: string;
  holderKey: string;
  window: number;
}

export interface SignatureVerifier {
  verify(payload: Uint8Array, signature: Uint8Array): boolean;
}

export function windowOf(ms: number): number {
  return Math.floor(ms / WINDOW_MS);
}

/** The exact bytes that are signed. */
export function codePayload(claims: CodeClaims): Uint8Array {
  return asciiBytes(`${CODE_VERSION}|${claims.eventId}|${claims.holderKey}|${claims.window}`);
}

export function formatCode(claims: CodeClaims, signature: Uint8Array): string {
  return [CODE_VERSION, claims.eventId, claims.holderKey, claims.window.toString(36), toBase64Url(signature)].join('.');
}

export function parseCode(text: string): { claims: CodeClaims; signature: Uint8Array } | null {
  if (typeof text !== 'string' || text.length > 400) return null;
  const parts = text.trim().split('.');
  if (parts.length !== 5 || parts[0] !== CODE_VERSION) return null;
  const [, eventId, holderKey, window36, sig] = parts;
  if (!PART.test(eventId) || !PART.test(holderKey) || !/^[0-9a-z]{1,12}$/.test(window36)) return null;
  const signature = fromBase64Url(sig);
  if (!signature || signature.length !== 64) return null;
  return { claims: { eventId, holderKey, window: parseInt(window36, 36) }, signature };
}

export type CodeVerdict =
  | { ok: true; claims: CodeClaims; registrationId: string }
  | { ok: false; outcome: 'invalid' | 'wrong_event' | 'expired'; claims: CodeClaims | null };

/**
 * Judges a scanned text at the door of `eventId` at time `at` (the scanner's clock; for an
 * offline scan, the time it was scanned). Forged or garbled codes are `invalid` before anything
 * else is said about them.
 */
export function judgeCode(
  text: string,
  door: { eventId: string; at: number },
  verifier: SignatureVerifier,
): CodeVerdict {
  const parsed = parseCode(text);
  if (!parsed) return { ok: false, outcome: 'invalid', claims: null };
  let authentic = false;
  try {
    authentic = verifier.verify(codePayload(parsed.claims), parsed.signature);
  } catch {
    authentic = false;
  }
  if (!authentic) return { ok: false, outcome: 'invalid', claims: null };
  const { claims } = parsed;
  if (claims.eventId !== door.eventId) return { ok: false, outcome: 'wrong_event', claims };
  if (Math.abs(windowOf(door.at) - claims.window) > TOLERANCE_WINDOWS) return { ok: false, outcome: 'expired', claims };
  return { ok: true, claims, registrationId: registrationId(claims.eventId, claims.holderKey) };
}

/** The registration a code names, split back into its parts (event ids hold no '.'). */
export function claimsOfRegistration(regId: string, eventId: string, window: number): CodeClaims | null {
  if (!regId.startsWith(`${eventId}_`)) return null;
  return { eventId, holderKey: regId.slice(eventId.length + 1), window };
}

/** Windows before the current one in which a typed short code is still accepted (it is read out and typed). */
export const SHORT_CODE_PAST_WINDOWS = 2;

/**
 * The bytes signed for a registration's short code in one window. Its own prefix, so the
 * digits cannot be read off the signature inside the QR code of the same window.
 */
export function shortCodePayload(claims: CodeClaims): Uint8Array {
  return asciiBytes(`S1|${claims.eventId}|${claims.holderKey}|${claims.window}`);
}

/**
 * Six digits for typing a sign-up in by hand, rotating with the QR window: taken from the
 * backend's Ed25519 signature of (registration, window), so only the backend can make or check
 * them (staff devices hold only the public key). The first six bytes as a 48-bit number mod 10^6
 * (bias below 10^-8). Not unique by construction: a door lookup may find two people and shows
 * both, masked, to choose from.
 */
export function shortCodeOfSignature(signature: Uint8Array): string {
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + signature[i];
  return String(n % 1_000_000).padStart(6, '0');
}

/** The short code of a registration in one window, signed with `sign` (the backend's key). */
export function shortCodeOf(regId: string, eventId: string, window: number, sign: (p: Uint8Array) => Uint8Array) {
  const claims = claimsOfRegistration(regId, eventId, window);
  return claims ? shortCodeOfSignature(sign(shortCodePayload(claims))) : null;
}

/** The windows whose short codes a door accepts at `at`: the current one and the few before it. */
export function shortCodeWindows(at: number): number[] {
  const now = windowOf(at);
  const windows: number[] = [];
  for (let w = now - SHORT_CODE_PAST_WINDOWS; w <= now; w++) windows.push(w);
  return windows;
}

/** The registrations (of one event) whose short code at `at` is `code`. */
export function matchShortCode<R extends { id: string }>(
  code: string,
  regs: readonly R[],
  eventId: string,
  at: number,
  sign: (p: Uint8Array) => Uint8Array,
): R[] {
  if (!/^\d{6}$/.test(code)) return [];
  const windows = shortCodeWindows(at);
  return regs.filter((r) => windows.some((w) => shortCodeOf(r.id, eventId, w, sign) === code));
}
