/**
 * Runs the local backend: opens the embedded store, loads the demo week into an empty demo
 * store, serves the API and the H5 build on 127.0.0.1.
 *
 * Environment: PORT (default 8787), DATA_FILE (default data/demo.sqlite), STATIC_DIR
 * (default dist-h5), DEMO=0 to start on an empty, non-demo store (default data/week.sqlite),
 * DEMO_WEEK_START=YYYY-MM-DD or =today for where a new demo week starts.
 */

/**
 * The local check-in code key: CHECKIN_SIGNING_SEED if set, else a seed kept beside the store
 * (created on first start, readable by its owner only).
 */
export function localSigner(storeFile: string): CodeSigner {
  if (process.env.CHECKIN_SIGNING_SEED) return signerFromSeed(process.env.CHECKIN_SIGNING_SEED);
  const file = join(dirname(storeFile), 'checkin-signing.seed');
  if (!existsSync(file)) writeFileSync(file, newSeedHex(), { mode: 0o600 });
  return signerFromSeed(readFileSync(file, 'utf8'));
}

function demoWeekStart(): string | undefined {
  const wanted = process.env.DEMO_WEEK_START;
  if (!wanted) return undefined;
  if (wanted === 'today') return dayOf(Date.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wanted)) throw new Error('DEMO_WEEK_START is YYYY-MM-DD or today');
  return wanted;
}
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dayOf, systemClock } from '../cloudfunctions/core/time';
import { openSqliteStore } from '../cloudfunctions/store/sqlite';
import { newSeedHex, signerFromSeed, type CodeSigner } from '../cloudfunctions/usecases/signing';
import { loadDemoWeek } from './demo/generate';
import { createLocalServer } from './http';
import { localExportFiles } from './files';
import { localUploads } from './uploads';
import { memoryLimiter } from '../cloudfunctions/api/limiter';
import { outboxSender, runReminders } from '../cloudfunctions/usecases/reminders';

export const DEFAULT_PORT = 8787;

export async function startLocal(): Promise<{ url: string; close(): Promise<void> }> {
  const demo = process.env.DEMO !== '0';
  const file = resolve(process.env.DATA_FILE ?? (demo ? 'data/demo.sqlite' : 'data/week.sqlite'));
  const store = openSqliteStore({ file });
  if (demo && !(await store.latestCampaign())) {
    const summary = await loadDemoWeek(store, systemClock, { weekStart: demoWeekStart() });
    console.log(`演示数据已生成：${summary.events} 场活动，${summary.signups} 份报名（${summary.weekStart} 起的一周）`);
  }
  const exportsDir = join(dirname(file), 'exports');
  const uploads = localUploads(join(dirname(file), 'uploads'));
  const server = createLocalServer({
    deps: {
      store,
      clock: systemClock,
      signer: localSigner(file),
      files: localExportFiles(exportsDir),
      uploads,
      reminders: outboxSender,
      // LOCAL_RATE_LIMITS=0 lifts the limits for load tests of the local server.
      ...(process.env.LOCAL_RATE_LIMITS === '0' ? {} : { limiter: memoryLimiter() }),
    },
    exportsDir,
    uploads,
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist-h5'),
  });
  // The reminder scheduler, as the timer function runs it in production: locally into the outbox.
  const reminders = setInterval(() => {
    void runReminders({ store, clock: systemClock, signer: null }, outboxSender).catch(() => undefined);
  }, 60_000);
  reminders.unref();
  server.on('close', () => clearInterval(reminders));
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          store.close();
          done();
        });
        server.closeAllConnections();
      }),
  };
}

if (require.main === module) {
  startLocal()
    .then(({ url, close }) => {
      console.log(`全民终身学习活动周 本地服务已启动：${url}`);
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
