/**
 * signup: 2,000 distinct residents sign up at once for one 200-seat event. Exactly 200 must be
 * confirmed and no seat may be sold twice; speed is throughput relative to a no-op call run
 * with the same pool and count, three bursts before and two after (the median, `comparedWithNoop`).
 */
import type { ResidentActions, StaffActions } from '../../types/api';
import { burst, comparedWithNoop, noop, tally } from '../lib/http';
import { cpuFigures } from '../lib/server-cpu';
import { describe, type Figures, type HttpContext, log } from '../lib/report';
import { EVENTS } from '../lib/seed';
import { personName, personPhone, round } from '../lib/stats';

const RESIDENTS = 2_000;

type SignupOutput = ResidentActions['signup.create']['output'];

export async function runSignup({ api, concurrency, serverPid }: HttpContext): Promise<Figures> {
  const event = EVENTS.signup;
  await noop(api, 300, concurrency); // warm-up: connections, JIT, statement caches
  const { base, noopCpu, run, runCpu } = await comparedWithNoop(api, RESIDENTS, concurrency, serverPid, () =>
    burst<number, SignupOutput>(api, Array.from({ length: RESIDENTS }), concurrency, (_, i) => ({
      fn: 'resident',
      action: 'signup.create',
      identity: `resident-s${i}`,
      data: { eventId: event.id, name: personName(i), phone: personPhone('137', i), companions: 0, consent: true },
    })),
  );
  log(`signup: no-op ${base.perS}/s (p50 ${base.p50} ms, p99 ${base.p99} ms)`);
  const outcomes = tally(run.results, (d) => d.outcome);
  log(`signup: ${RESIDENTS} sign-ups in ${Math.round(run.wallMs)} ms: ${describe(outcomes)}`);

  const rosterOut = await api.ok<StaffActions['checkin.roster']['output']>(
    'staff',
    'checkin.roster',
    { eventId: event.id },
    'staff',
  );
  const confirmedEntries = rosterOut.entries.filter((e) => e.status === 'confirmed');
  const confirmedPeople = confirmedEntries.reduce((n, e) => n + e.party, 0);
  const seatsTaken = rosterOut.event.confirmedPeople;
  if (seatsTaken !== confirmedPeople || (outcomes.confirmed ?? 0) !== confirmedEntries.length) {
    log(
      `signup: MISMATCH seat counter ${seatsTaken}, confirmed in roster ${confirmedPeople}, ` +
        `confirmed answers ${outcomes.confirmed ?? 0}`,
    );
  }
  const errors = run.results.filter((r) => !r.ok).length;
  return {
    'signup.confirmed': confirmedEntries.length,
    'signup.overbooked': Math.max(0, confirmedPeople - event.capacity, seatsTaken - event.capacity),
    'signup.waitlisted': rosterOut.entries.filter((e) => e.status === 'waitlisted').length,
    'signup.errors': errors,
    'signup.per_s': run.perS,
    'signup.p50_ms': run.p50,
    'signup.p99_ms': run.p99,
    'signup.noop_per_s': base.perS,
    'signup.ratio_to_noop': round(run.perS / base.perS, 2),
    ...cpuFigures('signup', noopCpu, runCpu),
  };
}
