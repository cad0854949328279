/**
 * cloud_ops: database requests per use case in production, counted through the CloudBase
 * adapter's `onOp` hook (one call per request it sends) over the in-memory CloudBase double:
 * one confirmed sign-up, one first check-in scan, one organizer dashboard read, each through
 * `dispatch` exactly as the cloud function runs it (caller lookup included). The week is a
 * generated district week of 1,000 events, so list reads page as they would.
 */
import type { CheckinCodes, ResidentActions, ScanResult } from '../../types/api';
import type { Member } from '../../types/domain';
import { dispatch } from '../../backend/api/dispatch';
import { addDays, dayOf, systemClock } from '../../backend/core/time';
import { createCloudbaseStore, type OpKind } from '../../backend/store/cloudbase';
import type { Deps } from '../../backend/usecases/context';
import { newSeedHex, signerFromSeed } from '../../backend/usecases/signing';
import { CloudbaseFake } from '../../tests/doubles/cloudbase-fake';
import { codeAt } from '../lib/door';
import { type Figures, log } from '../lib/report';
import { generateWeek } from '../lib/week';

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
  const store = createCloudbaseStore(new CloudbaseFake(), { onOp });
  const deps: Deps = { store, clock: systemClock, signer: signerFromSeed(newSeedHex()) };

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
  const event = events.find((e) => e.capacity !== null && e.seatsTaken < e.capacity);
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

  const resident = 'bench-resident-1';
  phase = 'signup';
  const signed = await call<ResidentActions['signup.create']['output']>(
    'resident',
    'signup.create',
    { eventId: event.id, name: '王秀英', phone: '13800000001', companions: 0, consent: true },
    resident,
  );
  phase = null;
  if (signed.outcome !== 'confirmed') throw new Error(`sign-up was ${signed.outcome}`);
  const codes = await call<CheckinCodes>(
    'resident',
    'checkin.codes',
    { registrationId: signed.registration.id },
    resident,
  );

  phase = 'checkin';
  const scan = await call<ScanResult>(
    'staff',
    'checkin.scan',
    { eventId: event.id, deviceId: 'bench-door', scanId: 'bench-scan-1', code: codeAt(codes, Date.now()) },
    staff.openid,
  );
  phase = null;
  if (scan.outcome !== 'checked_in') throw new Error(`scan was ${scan.outcome}`);

  phase = 'dashboard';
  await call('organizer', 'dashboard.get', {}, organizer.openid);
  phase = null;

  for (const p of ['signup', 'checkin', 'dashboard'] as const) {
    const c = counts[p];
    const detail = Object.entries(c.byCollection)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    log(`cloud_ops: ${p}: ${c.reads} reads, ${c.writes} writes (${detail}; ${events.length} events in the week)`);
  }
  return {
    'cloud_ops.signup_reads': counts.signup.reads,
    'cloud_ops.signup_writes': counts.signup.writes,
    'cloud_ops.checkin_reads': counts.checkin.reads,
    'cloud_ops.checkin_writes': counts.checkin.writes,
    'cloud_ops.dashboard_reads': counts.dashboard.reads,
    'cloud_ops.dashboard_writes': counts.dashboard.writes,
  };
}
