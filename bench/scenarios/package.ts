/**
 * package: what gets uploaded. `npm run build:weapp`, then the main package is dist/ without the
 * subpackage roots listed in dist/app.json, the total is all of dist/; `npm run build:functions`,
 * then each cloudfunctions/<name>/index.js bundle (`package.function_<name>_kb`) and the largest.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Figures, log } from '../lib/report';
import { REPO_ROOT } from '../lib/server';
import { round, since } from '../lib/stats';

function npmRun(script: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn('npm', ['run', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (exit ${code}); see ${logFile}`)),
    );
  });
}

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dir, path), bytes: statSync(path).size };
    });
}

export async function runPackage(logDir: string, build: boolean): Promise<Figures> {
  if (build) {
    let started = performance.now();
    await npmRun('build:weapp', join(logDir, 'build-weapp.log'));
    log(`package: build:weapp in ${Math.round(since(started) / 1000)} s`);
    started = performance.now();
    await npmRun('build:functions', join(logDir, 'build-functions.log'));
    log(`package: build:functions in ${Math.round(since(started) / 1000)} s`);
  } else {
    log('package: --skip-build: measuring the existing dist/ and bundles');
  }

  const dist = join(REPO_ROOT, 'dist');
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, '') + sep);
  const files = filesUnder(dist);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const main = files.filter((f) => !roots.some((root) => f.path.startsWith(root))).reduce((n, f) => n + f.bytes, 0);
  const biggest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 4);
  log(
    `package: weapp main ${round(main / 1024)} KB, total ${round(total / 1024)} KB (subpackages: ${roots.join(' ')}); ` +
      `largest: ${biggest.map((f) => `${f.path} ${round(f.bytes / 1024)} KB`).join(', ')}`,
  );

  const functionsDir = join(REPO_ROOT, 'cloudfunctions');
  const bundles = readdirSync(functionsDir)
    .map((name) => ({ name, path: join(functionsDir, name, 'index.js') }))
    .filter((b) => existsSync(b.path))
    .map((b) => ({ name: b.name, bytes: statSync(b.path).size }));
  if (bundles.length === 0) throw new Error('no cloudfunctions/*/index.js: run npm run build:functions');
  log(`package: function bundles: ${bundles.map((b) => `${b.name} ${round(b.bytes / 1024)} KB`).join(', ')}`);
  return {
    'package.weapp_main_kb': round(main / 1024),
    'package.weapp_total_kb': round(total / 1024),
    'package.function_max_kb': round(Math.max(...bundles.map((b) => b.bytes)) / 1024),
    ...Object.fromEntries(bundles.map((b) => [`package.function_${b.name}_kb`, round(b.bytes / 1024)])),
  };
}
