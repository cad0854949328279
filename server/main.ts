/**
 * Runs the local development and demo server: opens the embedded store, loads the demo week
 * into an empty demo store, serves the API and the H5 build on 127.0.0.1. Not a deployment:
 * production runs on CloudBase (README, "Deploy the backend to CloudBase").
 *
 * Options come from the environment through backend/config.ts (`readLocalConfig`): PORT
 * (default 8787), DATA_FILE (default data/demo.sqlite), STATIC_DIR (default dist-h5), DEMO=0 for
 * an empty, non-demo store (default data/week.sqlite), DEV_IDENTITIES=0|1 (identity switching by
 * header; default on for the demo store only), DEMO_WEEK_START=YYYY-MM-DD or =today,
 * LOCAL_RATE_LIMITS=0, CHECKIN_SIGNING_SEED and REGISTRATION_ID_SECRET (else key files).
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dayOf, systemClock } from '../backend/core/time';
import { openSqliteStore } from '../backend/store/sqlite';
import { newSeedHex, signerFromSeed, type CodeSigner } from '../backend/usecases/signing';
import { hexSecretSchema, readLocalConfig, type LocalConfig } from '../backend/config';
import { loadDemoWeek } from './demo/generate';
import { createLocalServer } from './http';
import { holdStore } from './store-lock';
import { localExportFiles } from './files';
import { localUploads } from './uploads';
import { memoryLimiter } from '../backend/api/limiter';
import { outboxSender, runReminders } from '../backend/usecases/reminders';

export { DEFAULT_PORT } from '../backend/config';

/** How often expired exports are removed while the server runs (also at start and at every export). */
const EXPORT_SWEEP_MS = 10 * 60_000;

/**
 * A local secret: the configured value if given, else a file beside the store, created on first
 * start with 32 random bytes and readable by its owner only.
 */
export function localSecret(storeFile: string, name: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dirname(storeFile), name);
  if (!existsSync(file)) writeFileSync(file, newSeedHex(), { mode: 0o600 });
  chmodSync(file, 0o600);
  const parsed = hexSecretSchema.safeParse(readFileSync(file, 'utf8'));
  if (!parsed.success) throw new Error(`${file}: expected 64 hex characters; delete it to make a new one`);
  return parsed.data;
}

/** The local check-in code key: CHECKIN_SIGNING_SEED if set, else data/checkin-signing.seed. */
export function localSigner(storeFile: string, configured?: string): CodeSigner {
  return signerFromSeed(localSecret(storeFile, 'checkin-signing.seed', configured));
}

export function storeFileOf(config: LocalConfig): string {
  return resolve(config.dataFile ?? (config.demo ? 'data/demo.sqlite' : 'data/week.sqlite'));
}

export async function startLocal(
  config: LocalConfig = readLocalConfig(),
): Promise<{ url: string; devIdentities: boolean; close(): Promise<void> }> {
  const file = storeFileOf(config);
  // A long-running server: checkpoints on a worker thread, off the path of every request.
  const store = openSqliteStore({ file, backgroundCheckpoints: true });
  // The default data folder is ours: owner-only even when an older version created it open.
  // (A folder named by DATA_FILE is the user's; a new one is created owner-only by the store.)
  if (!config.dataFile) chmodSync(dirname(file), 0o700);
  if (config.demo && !(await store.latestCampaign())) {
    const weekStart = config.demoWeekStart === 'today' ? dayOf(Date.now()) : config.demoWeekStart;
    const summary = await loadDemoWeek(store, systemClock, { weekStart });
    console.log(`演示数据已生成：${summary.events} 场活动，${summary.signups} 份报名（${summary.weekStart} 起的一周）`);
  }
  const exports = localExportFiles(join(dirname(file), 'exports'));
  const uploads = localUploads(join(dirname(file), 'uploads'));
  const server = createLocalServer({
    deps: {
      store,
      clock: systemClock,
      signer: localSigner(file, config.signingSeed),
      registrationSecret: localSecret(file, 'registration-id.secret', config.registrationSecret),
      files: exports,
      uploads,
      reminders: outboxSender,
      // LOCAL_RATE_LIMITS=0 lifts the limits for load tests of the local server.
      ...(config.rateLimits ? { limiter: memoryLimiter() } : {}),
    },
    exports,
    uploads,
    devIdentities: config.devIdentities,
    staticDir: resolve(config.staticDir),
  });
  // The reminder scheduler, as the timer function runs it in production: locally into the outbox.
  const reminders = setInterval(() => {
    void runReminders({ store, clock: systemClock, signer: null }, outboxSender).catch(() => undefined);
  }, 60_000);
  reminders.unref();
  const sweeper = setInterval(() => exports.sweep(), EXPORT_SWEEP_MS);
  sweeper.unref();
  server.on('close', () => {
    clearInterval(reminders);
    clearInterval(sweeper);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, '127.0.0.1', done);
  });
  // demo:reset refuses while this server holds the store (server/store-lock.ts).
  const release = holdStore(file);
  server.on('close', release);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}/`;
  return {
    url,
    devIdentities: config.devIdentities,
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

/** The banner's line about identities: whether anyone can pick who they are. */
export function identityBanner(devIdentities: boolean): string {
  return devIdentities
    ? '开发身份切换：已开启（x-demo-identity 请求头可任选身份，仅供本机开发和演示；DEV_IDENTITIES=0 关闭）'
    : '开发身份切换：已关闭（所有请求均为未登录访客）';
}

if (require.main === module) {
  startLocal()
    .then(({ url, devIdentities, close }) => {
      console.log(
        `全民终身学习活动周 本地服务已启动：${url}\n（开发和演示服务，仅本机访问）\n${identityBanner(devIdentities)}`,
      );
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
