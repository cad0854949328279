/**
 * Logic-layer smoke test of the weapp build: every page of dist/ loads in a stand-in WeChat host
 * on the old-engine profile (no BigInt, Object.hasOwn, Array.prototype.at, …), runs onLoad/onShow/
 * onReady with its cloud calls answered by the real backend over a temporary demo store, and
 * renders its first data without an error — for a resident, door staff and an organizer.
 *
 * Needs the weapp build: `.ci/run` builds dist/ first (`npm run check:weapp`). Locally, run
 * `npm run build:weapp` once; without dist/ this suite fails (set WEAPP_SMOKE_SKIP=1 to skip it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../backend/api/dispatch';
import { at } from '../../backend/core/time';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { signerFromSeed } from '../../backend/usecases/signing';
import { loadDemoWeek } from '../../server/demo/generate';
import type { Deps } from '../../backend/usecases/context';
import type { FunctionName } from '../../types/api';
import { FixedClock } from '../support/builders';
import { createHost, OLD_ENGINE_REMOVALS, type CloudCall } from './host';

const dist = join(__dirname, '..', '..', 'dist');
const built = existsSync(join(dist, 'app.json'));
const skip = !built && process.env.WEAPP_SMOKE_SKIP === '1';
const describeBuilt = skip ? describe.skip : describe;

const ROLES = {
  resident: 'demo-openid-resident-wang',
  staff: 'demo-openid-staff-yaotang',
  organizer: 'demo-openid-organizer',
} as const;

/** Every page of the build, from its app.json (main package and subpackages). */
function allPages(): string[] {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

describeBuilt('weapp build: every page renders on an old engine, for every role', () => {
  if (!built) {
    it('has a build to test', () => {
      throw new Error('dist/app.json is missing: run `npm run build:weapp` first (CI builds it in check:weapp)');
    });
    return;
  }

  let dir: string;
  let store: SqliteStore;
  let deps: Deps;
  const clock = new FixedClock(at('2026-11-16', '09:30'));
  const query: Record<string, Record<string, string>> = {};

  const call = (fn: FunctionName, action: string, data: unknown, openid: string) =>
    dispatch(fn, { action, data }, openid, deps);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'weapp-smoke-'));
    store = openSqliteStore({ file: join(dir, 'demo.sqlite') });
    deps = { store, clock, signer: signerFromSeed('5eed'.repeat(16)) };
    await loadDemoWeek(store, clock, { weekStart: '2026-11-14' });
    // Ids the pages take from their links, found the way the app finds them.
    const events = (await call('resident', 'events.list', {}, ROLES.resident)) as {
      ok: true;
      data: { events: { id: string }[] };
    };
    const eventId = events.data.events[0]!.id;
    const mine = (await call('resident', 'signup.mine', {}, ROLES.resident)) as {
      ok: true;
      data: { items: { registration: { id: string } }[] };
    };
    const staffEvents = (await call('staff', 'staff.events', {}, ROLES.staff)) as {
      ok: true;
      data: { events: { id: string }[] };
    };
    const staffEventId = staffEvents.data.events[0]?.id ?? eventId;
    Object.assign(query, {
      'pages/event/index': { id: eventId },
      'pages/signup/index': { id: eventId },
      'pages/code/index': { id: mine.data.items[0]?.registration.id ?? 'none' },
      'staff/roster/index': { eventId: staffEventId },
      'staff/scan/index': { eventId: staffEventId },
      'staff/walkin/index': { eventId: staffEventId },
    });
  });

  afterAll(() => {
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.entries(ROLES))(
    'every page renders for the %s',
    async (_role, openid) => {
      const host = createHost(dist, async (c: CloudCall) => {
        const result = await dispatch(c.name as FunctionName, c.data, openid, deps);
        return result;
      });
      try {
        const pages = allPages();
        expect(pages.length).toBeGreaterThanOrEqual(22);
        const problems: string[] = [];
        for (const route of pages) {
          const before = host.setDataCalls.length;
          const errorsBefore = host.errors.length;
          await host.openPage(route, query[route] ?? {});
          const rendered = host.setDataCalls.slice(before).filter((s) => s.route === route);
          const text = JSON.stringify(rendered.map((s) => s.update));
          if (!rendered.some((s) => Object.keys(s.update).some((k) => k.startsWith('root'))))
            problems.push(`${route}: no first render (setData of root)`);
          else if (!/[\u4e00-\u9fff]/.test(text)) problems.push(`${route}: rendered no text`);
          for (const e of host.errors.slice(errorsBefore)) problems.push(`${route}: ${e.split('\n')[0]}`);
        }
        // The backend never failed for a reason other than a typed refusal.
        for (const { call: c, result } of host.calls) {
          const r = result as { ok: boolean; error?: { code: string } };
          if (!r.ok && r.error?.code === 'internal') problems.push(`${c.name}.${c.data.action}: internal error`);
        }
        expect(problems).toEqual([]);
        expect(host.calls.length).toBeGreaterThan(0);
      } finally {
        host.close();
      }
    },
    120_000,
  );

  it('runs the pages on a realm without the removed built-ins', () => {
    const host = createHost(dist, async () => ({ ok: true, data: {} }));
    try {
      expect(host.evaluate('typeof BigInt')).toBe('undefined');
      expect(host.evaluate('typeof Object.hasOwn')).toBe('undefined');
      expect(host.evaluate('typeof [].at')).toBe('undefined');
      expect(host.evaluate('typeof structuredClone')).toBe('undefined');
      expect(host.evaluate('typeof [].map')).toBe('function');
      expect(OLD_ENGINE_REMOVALS.length).toBeGreaterThan(10);
    } finally {
      host.close();
    }
  });
});
