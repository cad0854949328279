/**
 * cloud_ops: database requests per use case in production, counted through the CloudBase
 * adapter's `onOp` hook (one call per request it sends) over the in-memory CloudBase double:
 * one confirmed sign-up, one first check-in scan, one organizer dashboard read, each through
 * `dispatch` exactly as the cloud function runs it (caller lookup included). The week is a
 * generated district week of 1,000 events, so list reads page as they would.
 *
 * What a user waits for is the number of sequential round trips: the double tracks the dependent
 * depth of its operations (operations issued together count once, `CloudbaseFake.roundTrips`), and
 * each use case runs ROUNDS times with LATENCY_MS injected per operation to report the latency a
 * user would see (`cloud_latency.*_p50_ms`), until the answer: a check-in's outbox drains after it,
 * as in the cloud function (its requests are still counted in the reads and writes). `reconcile.round_trips_demo_week` is the same depth
 * for one reconciliation of the demo week.
 */
import type { CheckinCodes, ResidentActions, ScanResult } from '../../types/api';
import type { Member } from '../../types/domain';
import { dispatch } from '../../backend/api/dispatch';
import { SYSTEM } from '../../backend/usecases/context';
import { reconcile } from '../../backend/usecases/dashboard';
import { loadDemoWeek } from '../../server/demo/generate';
import { addDays, dayOf, systemClock } from '../../backend/core/time';
import { createCloudbaseStore, type OpKind } from '../../backend/store/cloudbase';
import type { Deps } from '../../backend/usecases/context';
import { newSeedHex, signerFromSeed } from '../../backend/usecases/signing';
import { CloudbaseFake } from '../../tests/doubles/cloudbase-fake';
import { codeAt } from '../lib/door';
import { type Figures, log } from '../lib/report';
import { median, round } from '../lib/stats';
import { generateWeek } from '../lib/week';

/** What one CloudBase database request costs a cloud function in the same region, roughly. */
const LATENCY_MS = 20;
const ROUNDS = 7;

type Phase = 'signup' | 'checkin' | 'dashboard';
type Count = { reads: number; writes: number; byCollection: Record<string, number> };

export async function runCloudOps(): Promise<Figures> {
  let phase: Phase | null = null;
  const counts: Record<Phase, Count> = {
    signup: { reads: 0, writes: 0, byCollection: {} },
    checkin: { reads: 0, writes: 0, byCollection: {} },
    dashboard: { reads: 0, writes: 0, byCollection: {} },
  };
  const onOp = (kind: OpKind, collection: string) => {
    if (!phase) return;
    const c = counts[phase];
    if (kind === 'read') c.reads += 1;
    else c.writes += 1;
    const key = `${kind} ${collection}`;
    c.byCollection[key] = (c.byCollection[key] ?? 0) + 1;
  };
  const fake = new CloudbaseFake();
  const store = createCloudbaseStore(fake, { onOp });
  // The door opens at the activity: the check-in phase runs on a clock set to just after its start.
  let doorTime: number | null = null;
  const clock = { now: () => doorTime ?? Date.now() };
  // As in the cloud function: a check-in's outbox drains after the answer (usecases/outbox.ts).
  const draining: Promise<void>[] = [];
  const later = (work: () => Promise<void>) => void draining.push(work());
  const deps: Deps = { store, clock, signer: signerFromSeed(newSeedHex()), later };

  const now = Date.now();
  // Check-ins are not written here, only the summary counters they add up to (one document).
  const week = await generateWeek(
    store,
    { events: 1_000, checkins: 20_000 },
    {
      weekStart: addDays(dayOf(now), 1),
      now,
      writeCheckins: false,
    },
  );
  const events = await store.listEvents(week.campaign.id);
  const event = events.find((e) => e.capacity !== null && e.seatsTaken + ROUNDS <= e.capacity);
  if (!event) throw new Error('no event with free seats');
  const staff: Member = {
    openid: 'bench-staff',
    role: 'staff',
    districtId: week.campaign.districtId,
    unitIds: [event.unitId],
    name: '门口工作人员',
  };
  const organizer: Member = {
    openid: 'bench-organizer',
    role: 'organizer',
    districtId: week.campaign.districtId,
    unitIds: [],
    name: '区教育局',
  };
  await store.putMember(staff);
  await store.putMember(organizer);

  const call = async <T>(fn: 'resident' | 'staff' | 'organizer', action: string, data: unknown, openid: string) => {
    const result = await dispatch(fn, { action, data }, openid, deps);
    if (!result.ok) throw new Error(`${fn}/${action}: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  };

  // Each use case runs ROUNDS times with LATENCY_MS injected per database operation (the first
  // round also counts reads and writes); between phases the double answers at once again.
  const rounds: Record<Phase, { trips: number[]; ms: number[] }> = {
    signup: { trips: [], ms: [] },
    checkin: { trips: [], ms: [] },
    dashboard: { trips: [], ms: [] },
  };
  const timed = async <T>(p: Phase, first: boolean, work: () => Promise<T>): Promise<T> => {
    fake.latencyMs = LATENCY_MS;
    phase = first ? p : null;
    const trips = fake.roundTrips;
    const start = performance.now();
    try {
      return await work();
    } finally {
      // What the user waits for ends with the answer; the outbox's drain runs after it (not timed).
      rounds[p].ms.push(performance.now() - start);
      rounds[p].trips.push(fake.roundTrips - trips);
      await Promise.all(draining.splice(0));
      phase = null;
      fake.latencyMs = 0;
    }
  };

  const registrations: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const signed = await timed('signup', i === 0, () =>
      call<ResidentActions['signup.create']['output']>(
        'resident',
        'signup.create',
        { eventId: event.id, name: '王秀英', phone: `1380000000${i}`, companions: 0, consent: true },
        `bench-resident-${i}`,
      ),
    );
    if (signed.outcome !== 'confirmed') throw new Error(`sign-up was ${signed.outcome}`);
    registrations.push(signed.registration.id);
  }
  doorTime = event.startAt + 60_000;
  for (let i = 0; i < ROUNDS; i++) {
    const codes = await call<CheckinCodes>(
      'resident',
      'checkin.codes',
      { registrationId: registrations[i] },
      `bench-resident-${i}`,
    );
    const scan = await timed('checkin', i === 0, () =>
      call<ScanResult>(
        'staff',
        'checkin.scan',
        { eventId: event.id, deviceId: 'bench-door', scanId: `bench-scan-${i}`, code: codeAt(codes, clock.now()) },
        staff.openid,
      ),
    );
    if (scan.outcome !== 'checked_in') throw new Error(`scan was ${scan.outcome}`);
  }
  doorTime = null;
  for (let i = 0; i < ROUNDS; i++) {
    await timed('dashboard', i === 0, () => call('organizer', 'dashboard.get', {}, organizer.openid));
  }

  for (const p of ['signup', 'checkin', 'dashboard'] as const) {
    const c = counts[p];
    const detail = Object.entries(c.byCollection)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    log(`cloud_ops: ${p}: ${c.reads} reads, ${c.writes} writes (${detail}; ${events.length} events in the week)`);
    log(
      `cloud_ops: ${p}: ${Math.max(...rounds[p].trips)} round trips; at ${LATENCY_MS} ms per operation ` +
        `${rounds[p].ms.map((ms) => Math.round(ms)).join(', ')} ms`,
    );
  }
  const trips = (p: Phase) => Math.max(...rounds[p].trips);
  const p50 = (p: Phase) => round(median(rounds[p].ms), 0);
  return {
    'cloud_ops.signup_round_trips': trips('signup'),
    'cloud_ops.checkin_round_trips': trips('checkin'),
    'cloud_ops.dashboard_round_trips': trips('dashboard'),
    'cloud_latency.signup_p50_ms': p50('signup'),
    'cloud_latency.checkin_p50_ms': p50('checkin'),
    'cloud_latency.dashboard_p50_ms': p50('dashboard'),
    ...(await reconcileRoundTrips()),
    'cloud_ops.signup_reads': counts.signup.reads,
    'cloud_ops.signup_writes': counts.signup.writes,
    'cloud_ops.checkin_reads': counts.checkin.reads,
    'cloud_ops.checkin_writes': counts.checkin.writes,
    'cloud_ops.dashboard_reads': counts.dashboard.reads,
    'cloud_ops.dashboard_writes': counts.dashboard.writes,
  };
}

/** Sequential round trips of one `reconcile.run` over the demo week on the CloudBase adapter. */
async function reconcileRoundTrips(): Promise<Figures> {
  const fake = new CloudbaseFake();
  const store = createCloudbaseStore(fake);
  const deps: Deps = { store, clock: systemClock, signer: signerFromSeed(newSeedHex()) };
  const demo = await loadDemoWeek(store, systemClock);
  const before = fake.roundTrips;
  const ops = fake.ops.length;
  const report = await reconcile(deps, SYSTEM, demo.campaignId);
  const trips = fake.roundTrips - before;
  log(
    `cloud_ops: reconcile of the demo week (${report.checkedEvents} events): ${trips} round trips, ` +
      `${fake.ops.length - ops} operations, ${report.repairs.length} repairs`,
  );
  return { 'reconcile.round_trips_demo_week': trips };
}
