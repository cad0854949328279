/**
 * Check-in codes: a resident's rotating signed codes (and six-digit short codes) for a confirmed
 * sign-up, and the public key and windows staff devices judge them with, offline too.
 */
import type { CheckinCodes, CheckinConfig } from '../../types/api';
import {
  CODES_AHEAD,
  claimsOfRegistration,
  codePayload,
  formatCode,
  shortCodeOf,
  TOLERANCE_WINDOWS,
  WINDOW_MS,
  windowOf,
} from '../core/checkin-code';
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';
import { signerOf } from './door';
import { isOwnRegistration, requireOpenid } from './signup';

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

export function checkinConfig(deps: Deps): CheckinConfig {
  return {
    publicKey: signerOf(deps).publicKeyHex,
    windowMs: WINDOW_MS,
    toleranceWindows: TOLERANCE_WINDOWS,
    serverTime: deps.clock.now(),
  };
}
