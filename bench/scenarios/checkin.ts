/**
 * checkin: 5,000 scans at the door of one event with 2,000 sign-ups: every sign-up's code once,
 * 10 % of the scans duplicates of valid codes, 2 % forged (well formed, signed with another
 * key), the rest further duplicates (people scanning twice, two doors), shuffled and fired
 * concurrently by staff. The event's counted attendance afterwards must equal the number of
 * distinct valid codes.
 */
import type { ScanResult, StaffActions } from '../../types/api';
import { codePayload, formatCode, windowOf } from '../../backend/core/checkin-code';
import { newSeedHex, signerFromSeed } from '../../backend/usecases/signing';
import { codeAt, scanIdOf, signUpWithCodes } from '../lib/door';
import { burst, comparedWithNoop, noop, tally } from '../lib/http';
import { cpuFigures } from '../lib/server-cpu';
import { describe, type Figures, type HttpContext, log } from '../lib/report';
import { EVENTS } from '../lib/seed';
import { prng, round, shuffle } from '../lib/stats';

const SIGNUPS = 2_000;
const SCANS = 5_000;
const DUPLICATE_SHARE = 0.1;
const FORGED_SHARE = 0.02;
const DEVICES = 4;

type Scan = { kind: 'valid'; attendee: number } | { kind: 'forged'; code: string };

export async function runCheckin(ctx: HttpContext): Promise<Figures> {
  const { api, concurrency, serverPid } = ctx;
  const event = EVENTS.checkin;
  log(`checkin: setup: ${SIGNUPS} sign-ups and their codes (not timed)`);
  const attendees = await signUpWithCodes(ctx, event.id, 'c', '138', SIGNUPS);

  const random = prng(5000);
  const forger = signerFromSeed(newSeedHex());
  const scans: Scan[] = attendees.map((_, attendee) => ({ kind: 'valid', attendee }));
  const anyone = () => Math.floor(random() * attendees.length);
  for (let i = 0; i < Math.round(SCANS * DUPLICATE_SHARE); i++) scans.push({ kind: 'valid', attendee: anyone() });
  for (let i = 0; i < Math.round(SCANS * FORGED_SHARE); i++) {
    const holderKey = attendees[anyone()].registrationId.slice(event.id.length + 1);
    const claims = { eventId: event.id, holderKey, window: windowOf(Date.now()) };
    scans.push({ kind: 'forged', code: formatCode(claims, forger.sign(codePayload(claims))) });
  }
  while (scans.length < SCANS) scans.push({ kind: 'valid', attendee: anyone() });
  shuffle(scans, random);
  const distinctValid = new Set(scans.flatMap((s) => (s.kind === 'valid' ? [s.attendee] : []))).size;

  await noop(api, 300, concurrency);
  const { base, noopCpu, run, runCpu } = await comparedWithNoop(api, SCANS, concurrency, serverPid, () =>
    burst<Scan, ScanResult>(api, scans, concurrency, (scan, i) => ({
      fn: 'staff',
      action: 'checkin.scan',
      identity: 'staff',
      data: {
        eventId: event.id,
        deviceId: `bench-door-${i % DEVICES}`,
        scanId: scanIdOf('scan', i),
        // The code the resident's phone shows at the moment of the scan.
        code: scan.kind === 'forged' ? scan.code : codeAt(attendees[scan.attendee].codes, Date.now()),
      },
    })),
  );
  log(`checkin: no-op ${base.perS}/s (p50 ${base.p50} ms, p99 ${base.p99} ms)`);
  const outcomes = tally(run.results, (d) => d.outcome);
  log(`checkin: ${SCANS} scans in ${Math.round(run.wallMs)} ms: ${describe(outcomes)}`);

  const rosterOut = await api.ok<StaffActions['checkin.roster']['output']>(
    'staff',
    'checkin.roster',
    { eventId: event.id },
    'staff',
  );
  return {
    'checkin.counted': rosterOut.event.checkedIn,
    'checkin.distinct_valid': distinctValid,
    'checkin.forged_accepted': scans.filter((s, i) => {
      const r = run.results[i];
      return s.kind === 'forged' && r.ok && r.data.outcome !== 'invalid';
    }).length,
    'checkin.errors': run.results.filter((r) => !r.ok).length,
    'checkin.per_s': run.perS,
    'checkin.p50_ms': run.p50,
    'checkin.p99_ms': run.p99,
    'checkin.noop_per_s': base.perS,
    'checkin.ratio_to_noop': round(run.perS / base.perS, 2),
    ...cpuFigures('checkin', noopCpu, runCpu),
  };
}
