/**
 * Brings a freshly started server to steady state before anything is measured: V8 compiles the
 * hot paths only after they ran for a while, and a cold no-op would make every ratio look better
 * than it is. Runs no-ops, sign-ups (some waitlisted), code fetches and scans on an event of its own.
 */
import type { ScanResult } from '../../types/api';
import { codeAt, scanIdOf, signUpWithCodes } from './door';
import { burst, noop } from './http';
import type { HttpContext } from './report';
import { personPhone } from './stats';
import { EVENTS } from './seed';

/** Enough of each path that V8 has compiled it before the timed runs (fewer leave it compiling during them). */
const WARM_WAITLISTED = 1_000;
const WARM_SCANS_PER_CODE = 3;

export async function warmUp(ctx: HttpContext): Promise<void> {
  const { api, concurrency } = ctx;
  await noop(api, 5_000, concurrency);
  const attendees = await signUpWithCodes(ctx, EVENTS.warmup.id, 'w', '138', EVENTS.warmup.capacity);
  // Over capacity, each with her own phone: the waitlist path (a shared phone would be refused instead).
  await burst(api, Array.from({ length: WARM_WAITLISTED }), concurrency, (_, i) => ({
    fn: 'resident',
    action: 'signup.create',
    identity: `resident-wx${i}`,
    data: { eventId: EVENTS.warmup.id, name: '王秀英', phone: personPhone('139', i), companions: 0, consent: true },
  }));
  // Each code several times: first check-ins, then the door's repeats.
  const scans = Array.from({ length: WARM_SCANS_PER_CODE }, () => [...attendees.keys()]).flat();
  await burst<number, ScanResult>(api, scans, concurrency, (a, i) => ({
    fn: 'staff',
    action: 'checkin.scan',
    identity: 'staff',
    data: {
      eventId: EVENTS.warmup.id,
      deviceId: 'bench-warmup',
      scanId: scanIdOf('warm', i),
      code: codeAt(attendees[a].codes, Date.now()),
    },
  }));
  await noop(api, 2_000, concurrency);
}
