/**
 * offline_sync: a door device that lost the network queued 1,000 code scans (scannedAt = when
 * the codes were shown); it syncs them in batches of 100, one batch after another as the app
 * does, and then, as if it had missed the answers, sends the same batches again. The replay
 * must change nothing: event counters, audit log size and dashboard figures are compared.
 */
import type { DashboardView, QueuedScan, ScanResult, StaffActions } from '../../types/api';
import { codeAt, scanIdOf, signUpWithCodes } from '../lib/door';
import { describe, type Figures, type HttpContext, log } from '../lib/report';
import { EVENTS } from '../lib/seed';
import { round, since } from '../lib/stats';

const SCANS = 1_000;
const BATCH = 100;
const DEVICE = 'bench-offline-door';

export async function runOfflineSync(ctx: HttpContext): Promise<Figures> {
  const { api } = ctx;
  const event = EVENTS.offline;
  log(`offline_sync: setup: ${SCANS} sign-ups and their codes (not timed)`);
  const attendees = await signUpWithCodes(ctx, event.id, 'o', '139', SCANS);
  const queue: QueuedScan[] = attendees.map((a, i) => ({
    scanId: scanIdOf('offline', i),
    kind: 'code',
    code: codeAt(a.codes, a.codes.serverTime),
    scannedAt: a.codes.serverTime,
  }));
  const batches: QueuedScan[][] = [];
  for (let i = 0; i < queue.length; i += BATCH) batches.push(queue.slice(i, i + BATCH));

  const sync = async (): Promise<{ ms: number; results: ScanResult[] }> => {
    const started = performance.now();
    const results: ScanResult[] = [];
    for (const scans of batches) {
      const out = await api.ok<StaffActions['checkin.sync']['output']>(
        'staff',
        'checkin.sync',
        { eventId: event.id, deviceId: DEVICE, scans },
        'staff',
      );
      results.push(...out.results);
    }
    return { ms: since(started), results };
  };

  const first = await sync();
  const outcomes: Record<string, number> = {};
  for (const r of first.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  log(`offline_sync: ${batches.length} batches in ${Math.round(first.ms)} ms: ${describe(outcomes)}`);

  const before = await figures(ctx);
  const replay = await sync();
  const after = await figures(ctx);
  const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
  const answersDiffer = replay.results.filter((r, i) => JSON.stringify(r) !== JSON.stringify(first.results[i])).length;
  log(
    `offline_sync: replay in ${Math.round(replay.ms)} ms; figures compared: ${Object.keys(before).join(', ')}; ` +
      `changed: ${changed.length ? changed.map((k) => `${k} ${before[k]}→${after[k]}`).join(', ') : 'none'}`,
  );
  return {
    'offline_sync.ms': round(first.ms, 0),
    'offline_sync.checked_in': outcomes.checked_in ?? 0,
    'offline_sync.replay_ms': round(replay.ms, 0),
    'offline_sync.replay_changed': changed.length,
    'offline_sync.replay_answers_differ': answersDiffer,
  };
}

/** Every figure the replay could move. */
async function figures({ api }: HttpContext): Promise<Record<string, number>> {
  const eventId = EVENTS.offline.id;
  const rosterOut = await api.ok<StaffActions['checkin.roster']['output']>(
    'staff',
    'checkin.roster',
    { eventId },
    'staff',
  );
  const audit = await api.ok<StaffActions['audit.list']['output']>(
    'staff',
    'audit.list',
    { eventId, limit: 1 },
    'organizer',
  );
  const dash = await api.ok<DashboardView>('organizer', 'dashboard.get', {}, 'organizer');
  return {
    'event.checkedIn': rosterOut.event.checkedIn,
    'event.walkIns': rosterOut.event.walkIns,
    'event.confirmedPeople': rosterOut.event.confirmedPeople,
    'roster.checkedIn': rosterOut.entries.filter((e) => e.checkedInAt !== null).length,
    'audit.total': audit.total,
    'dashboard.attendance': dash.week.attendance,
    'dashboard.distinctPeople': dash.week.distinctPeople ?? -1,
    'dashboard.version': dash.version,
  };
}
