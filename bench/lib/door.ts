/**
 * Setup shared by the door scenarios (not timed): residents sign up for an event through the
 * API, then each fetches their own rotating check-in codes.
 */
import type { CheckinCodes, ResidentActions } from '../../types/api';
import { runPool } from './http';
import type { HttpContext } from './report';
import { personName, personPhone } from './stats';

export interface Attendee {
  identity: string;
  registrationId: string;
  codes: CheckinCodes;
}

export async function signUpWithCodes(
  { api, concurrency }: HttpContext,
  eventId: string,
  series: string,
  phonePrefix: '138' | '139',
  count: number,
): Promise<Attendee[]> {
  return runPool(Array.from({ length: count }), concurrency, async (_, i) => {
    const identity = `resident-${series}${i}`;
    const signed = await api.ok<ResidentActions['signup.create']['output']>(
      'resident',
      'signup.create',
      { eventId, name: personName(i), phone: personPhone(phonePrefix, i), companions: 0, consent: true },
      identity,
    );
    if (signed.outcome !== 'confirmed') throw new Error(`setup: ${identity} was not confirmed for ${eventId}`);
    const registrationId = signed.registration.id;
    const codes = await api.ok<CheckinCodes>('resident', 'checkin.codes', { registrationId }, identity);
    return { identity, registrationId, codes };
  });
}

/** The code to show at `ms`: the one whose window contains it (else the nearest). */
export function codeAt(codes: CheckinCodes, ms: number): string {
  const inside = codes.codes.find((c) => c.validFrom <= ms && ms < c.validTo);
  if (inside) return inside.code;
  return ms < codes.codes[0].validFrom ? codes.codes[0].code : codes.codes[codes.codes.length - 1].code;
}

/** A scan id the schema accepts (8–64 of [A-Za-z0-9_-]), unique per run. */
export function scanIdOf(prefix: string, n: number): string {
  return `${prefix}-${process.pid}-${n}`.padEnd(8, '0');
}
