/**
 * `npm run bench [-- <scenario> …] [--skip-build] [--keep] [--profile]`: measures the backend over real HTTP
 * against the local server (a child process on a fresh data file) and, in process, the forms,
 * the CloudBase request counts and the package sizes. Prints a table with each figure beside
 * its target and writes the same figures to bench/results.json (flat keys plus `meta`).
 *
 * Speed is reported relative to a no-op call (`resident` `system.ping`) through the same stack
 * in the same run, so that it holds on a noisy machine. Targets are reported, never asserted;
 * the exit code is non-zero only when a scenario failed to run or a correctness figure (seats,
 * counts, replay) is wrong.
 *
 *   <scenario> …   run only these (signup checkin offline_sync live forms cloud_ops package)
 *   --skip-build   measure the existing dist/ and function bundles instead of building them
 *   --keep         keep the scratch folder (data files, build logs)
 *   --profile      also write a V8 CPU profile of the server into the scratch folder (implies --keep)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './lib/http';
import { type Figures, type HttpContext, log } from './lib/report';
import { seedHttpWeek } from './lib/seed';
import { CHECKS, HTTP_SCENARIOS, holds, type Scenario, SCENARIOS } from './lib/checks';
import { round } from './lib/stats';
import { warmUp } from './lib/warmup';
import { REPO_ROOT, type RunningServer, startServer } from './lib/server';
import { runCheckin } from './scenarios/checkin';
import { runCloudOps } from './scenarios/cloud-ops';
import { runForms } from './scenarios/forms';
import { runLive } from './scenarios/live';
import { runOfflineSync } from './scenarios/offline-sync';
import { runPackage } from './scenarios/package';
import { runSignup } from './scenarios/signup';

const CONCURRENCY = 64;

function table(figures: Figures, failures: Record<string, string>): { text: string; mustFailed: string[] } {
  const rows: [string, string, string, string][] = [['figure', 'value', 'target', '']];
  const mustFailed: string[] = [];
  for (const [key, value] of Object.entries(figures)) {
    const check = CHECKS[key];
    const ok = check ? holds(check, value, figures) : null;
    if (check?.kind === 'must' && !ok) mustFailed.push(key);
    rows.push([
      key,
      String(value),
      check ? `${check.op} ${check.value}${check.kind === 'must' ? ' (must)' : ''}` : '',
      ok === null ? '' : ok ? '✓' : '✗',
    ]);
  }
  for (const [scenario, message] of Object.entries(failures)) rows.push([scenario, 'FAILED', message, '✗']);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    `  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd();
  const rule = `  ${'-'.repeat(widths[0] + widths[1] + widths[2] + 7)}`;
  return { text: [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n'), mustFailed };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const named = args.filter((a) => !a.startsWith('--'));
  const unknown = named.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
    return 2;
  }
  const wanted = new Set<Scenario>(named.length ? (named as Scenario[]) : SCENARIOS);
  const profile = args.includes('--profile');
  const keep = args.includes('--keep') || profile;
  const build = !args.includes('--skip-build');
  const dir = mkdtempSync(join(tmpdir(), 'llw-bench-'));
  const loadBefore = loadavg()[0];
  log(`${cpus().length} CPUs, Node ${process.version}, load average ${loadBefore.toFixed(2)}; scratch ${dir}`);

  const figures: Figures = {};
  const failures: Record<string, string> = {};
  const attempt = async (name: Scenario, run: () => Promise<Figures>) => {
    if (!wanted.has(name)) return;
    log(`${name}: start`);
    try {
      Object.assign(figures, await run());
    } catch (error) {
      failures[name] = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`${name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  let server: RunningServer | null = null;
  let api: ApiClient | null = null;
  try {
    if (HTTP_SCENARIOS.some((s) => wanted.has(s))) {
      const dataFile = join(dir, 'http', 'week.sqlite');
      mkdirSync(join(dir, 'http'), { recursive: true });
      const { weekStart } = await seedHttpWeek(dataFile, Date.now());
      server = await startServer({
        dataFile,
        seedHex: randomBytes(32).toString('hex'),
        staticDir: join(dir, 'no-static'),
        profileDir: profile ? join(dir, 'profile') : undefined,
      });
      log(`server pid ${server.pid} at ${server.url} (week from ${weekStart}, pool of ${CONCURRENCY} in flight)`);
      api = new ApiClient(server.url, CONCURRENCY);
      const ctx: HttpContext = { api, baseUrl: server.url, concurrency: CONCURRENCY, serverPid: server.pid };
      const warming = performance.now();
      await warmUp(ctx);
      log(`server warmed up in ${Math.round(performance.now() - warming)} ms (untimed)`);
      await attempt('signup', () => runSignup(ctx));
      await attempt('checkin', () => runCheckin(ctx));
      await attempt('offline_sync', () => runOfflineSync(ctx));
      await attempt('live', () => runLive(ctx));
      const logged = server.stderrTail();
      if (logged.length) log(`server stderr (last ${logged.length} lines):\n  ${logged.join('\n  ')}`);
    }
  } finally {
    api?.close();
    await server?.stop();
  }
  await attempt('forms', () => runForms(join(dir, 'forms')));
  await attempt('cloud_ops', () => runCloudOps());
  await attempt('package', () => runPackage(dir, build));
  if (!keep) rmSync(dir, { recursive: true, force: true });

  const { text, mustFailed } = table(figures, failures);
  console.log(`\nResults (${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}):\n${text}\n`);
  const results = {
    ...figures,
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      platform: `${process.platform} ${process.arch}`,
      concurrency: CONCURRENCY,
      /** 1-minute load average before and after: other work on the machine skews absolute figures. */
      loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
      scenarios: SCENARIOS.filter((s) => wanted.has(s)),
      packageBuilt: build && wanted.has('package'),
      failed: failures,
      targets: Object.fromEntries(Object.entries(CHECKS).map(([k, c]) => [k, `${c.op} ${c.value}`])),
    },
  };
  const out = join(REPO_ROOT, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${out}`);
  if (mustFailed.length) log(`correctness figures wrong: ${mustFailed.join(', ')}`);
  return Object.keys(failures).length || mustFailed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
