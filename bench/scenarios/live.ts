/**
 * live: an organizer's dashboard listens on GET /api/_live; door staff record 50 walk-ins one
 * after another. For each, the time from the walk-in's answer arriving at the door to the
 * `event: changed` push arriving at the dashboard (and, as an extra, until the dashboard has
 * fetched the new figures).
 */
import type { DashboardView } from '../../types/api';
import { scanIdOf } from '../lib/door';
import { type Figures, type HttpContext, log } from '../lib/report';
import { EVENTS } from '../lib/seed';
import { percentile, round } from '../lib/stats';

const ROUNDS = 50;
const WAIT_MS = 5_000;

export async function runLive({ api, baseUrl }: HttpContext): Promise<Figures> {
  const abort = new AbortController();
  const pushes: number[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  const response = await fetch(new URL('api/_live', baseUrl), { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`GET /api/_live: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const arrived = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.split('\n').includes('event: changed')) {
          pushes.push(arrived);
          waiter.wake?.();
        }
      }
    }
  })().catch(() => undefined);

  const nextPush = (seen: number) =>
    new Promise<number | null>((resolve) => {
      if (pushes.length > seen) return resolve(pushes[seen]);
      const timer = setTimeout(() => {
        waiter.wake = null;
        resolve(null);
      }, WAIT_MS);
      waiter.wake = () => {
        if (pushes.length <= seen) return;
        clearTimeout(timer);
        waiter.wake = null;
        resolve(pushes[seen]);
      };
    });

  const toPush: number[] = [];
  const toFigures: number[] = [];
  let missed = 0;
  try {
    await new Promise((r) => setTimeout(r, 200)); // let the subscription settle
    for (let i = 0; i < ROUNDS; i++) {
      const seen = pushes.length;
      const walkin = await api.call(
        'staff',
        'checkin.walkin',
        {
          eventId: EVENTS.live.id,
          deviceId: 'bench-live-door',
          scanId: scanIdOf('live', i),
          companions: 0,
        },
        'staff',
      );
      if (!walkin.result.ok) throw new Error(`walk-in failed: ${walkin.result.error.code}`);
      const pushedAt = await nextPush(seen);
      if (pushedAt === null) {
        missed += 1;
        continue;
      }
      toPush.push(Math.max(0, pushedAt - walkin.at));
      const dash = await api.call<DashboardView>('organizer', 'dashboard.get', {}, 'organizer');
      if (!dash.result.ok) throw new Error(`dashboard failed: ${dash.result.error.code}`);
      toFigures.push(dash.at - walkin.at);
    }
  } finally {
    abort.abort();
    await reading;
  }
  log(
    `live: ${toPush.length}/${ROUNDS} pushes, p50 ${round(percentile(toPush, 50))} ms, ` +
      `p95 ${round(percentile(toPush, 95))} ms, max ${round(Math.max(...toPush))} ms`,
  );
  return {
    'live.p50_ms': round(percentile(toPush, 50)),
    'live.p95_ms': round(percentile(toPush, 95)),
    'live.p95_refreshed_ms': round(percentile(toFigures, 95)),
    'live.missed': missed,
  };
}
