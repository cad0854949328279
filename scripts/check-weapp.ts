/**
 * `npm run check:weapp`: WeChat's own compiler in the gate.
 *
 * 1. Builds the weapp (`taro build --type weapp` → dist/), unless `--no-build` (use dist/ as is).
 * 2. Compiles dist/ offline with `miniprogram-ci` (the compiler extracted from WeChat DevTools),
 *    with the project's own project.config.json settings. Its only network call is fetching the
 *    app's attributes from WeChat; we hand it the SDK's own defaults instead (the `attr` project
 *    option), with a dummy appid and a throwaway RSA key made at run time (they only pass its
 *    argument checks: nothing is signed or sent).
 * 3. Every JS file that would ship (the compiler's output) must parse as ES5 and not use BigInt.
 * 4. Package sizes: main ≤ 2 MB (project goal ≤ 1 MB), each subpackage ≤ 2 MB.
 * 5. DevTools' code-quality check (`checkCodeQuality`, offline): each finding fixed or explained.
 *
 * Exit code 0 only if every step passes; the last line is `check:weapp: passed` or `… FAILED`.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bigIntUse, checkEs5, kb, packageSizes, sizeProblems, type Es5Verdict } from './weapp/checks';
import { explainQuality } from './weapp/quality';

// miniprogram-ci is CommonJS with types; required lazily so `--help` stays fast.
type MiniprogramCi = typeof import('miniprogram-ci');

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a';
}

function listFiles(dir: string, base = dir): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push({ path: relative(base, full).split('\\').join('/'), bytes: statSync(full).size });
  }
  return out;
}

function build(): void {
  console.log('== taro build --type weapp');
  rmSync(dist, { recursive: true, force: true });
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(dist, 'app.json'))) throw new Error('the weapp build produced no dist/app.json');
}

/** A copy of dist/ as a standalone project carrying the repo's project.config.json settings. */
function stageProject(): { dir: string; config: { setting: Record<string, unknown>; libVersion?: string } } {
  const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as {
    setting: Record<string, unknown>;
    libVersion?: string;
  };
  const dir = mkdtempSync(join(tmpdir(), 'weapp-check-'));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(
    join(dir, 'project.config.json'),
    JSON.stringify({ ...config, miniprogramRoot: '', cloudfunctionRoot: undefined, appid: 'wx0000000000000000' }),
  );
  return { dir, config };
}

async function main(): Promise<number> {
  const noBuild = process.argv.includes('--no-build');
  if (noBuild) {
    if (!existsSync(join(dist, 'app.json'))) throw new Error('--no-build: dist/app.json is missing (build first)');
  } else build();

  const ci = require('miniprogram-ci') as MiniprogramCi;
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as { DefaultProjectAttr: object };
  // The compiler also asks WeChat for the list of file types a package may hold, and falls back to
  // its built-in list when offline; answer with that list up front so the check makes no request.
  const extList = require('miniprogram-ci/dist/utils/white_ext_list') as {
    getWhiteExtList: () => Promise<unknown>;
    MiniProgramWhiteList: string[];
    GameWhiteList: string[];
  };
  extList.getWhiteExtList = async () => ({
    MiniProgramWhiteList: new Set(extList.MiniProgramWhiteList),
    GameWhiteList: new Set(extList.GameWhiteList),
  });
  const { dir, config } = stageProject();
  const failures: string[] = [];
  try {
    const privateKey = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: dir,
      privateKey,
      ignores: ['node_modules/**/*'],
      // Supplying the attributes locally replaces the compiler's one network call.
      attr: async () => DefaultProjectAttr,
    } as ConstructorParameters<MiniprogramCi['Project']>[0]);

    // 1. WeChat's compiler, with the project's own settings.
    console.log(`== miniprogram-ci getCompiledResult (setting: ${JSON.stringify(config.setting)})`);
    let compiled: Record<string, string | Buffer> = {};
    try {
      compiled = await ci.getCompiledResult({
        project,
        version: '0.0.0-check',
        setting: { useProjectConfig: true },
        onProgressUpdate: () => undefined,
      });
      console.log(`compiled: 0 errors, ${Object.keys(compiled).length} files`);
    } catch (error) {
      failures.push(`compile error: ${(error as Error).message}`);
      console.log(`compile error: ${(error as Error).message}`);
    }

    // 2. ES5 and BigInt, on what would ship (the compiled output), and on the build itself.
    const shipped = Object.entries(compiled).filter(([name]) => name.endsWith('.js'));
    const verdicts: Es5Verdict[] = shipped.map(([name, body]) => checkEs5(name, body.toString()));
    const built = listFiles(dist).filter((f) => f.path.endsWith('.js'));
    const builtSources = built.map((f) => ({ file: f.path, source: readFileSync(join(dist, f.path), 'utf8') }));
    const builtVerdicts = builtSources.map(({ file, source }) => checkEs5(file, source));
    // What ships must be 100 % ES5. The Taro build itself is modern JS that WeChat's compiler turns
    // into ES5 (project.config.json: es6 + enhance); its figure is printed for information, but a
    // BigInt there fails too, since no compile setting can remove it.
    const shippedOk = verdicts.filter((v) => v.ok).length;
    console.log(
      `ES5 shipped (compiled): ${shippedOk}/${verdicts.length} JS files (${percent(shippedOk, verdicts.length)})`,
    );
    for (const v of verdicts.filter((x) => !x.ok)) console.log(`  ${v.file}: ${v.problem}`);
    if (verdicts.length === 0 || shippedOk !== verdicts.length)
      failures.push(`ES5 shipped (compiled): ${shippedOk}/${verdicts.length}`);
    const builtOk = builtVerdicts.filter((v) => v.ok).length;
    console.log(`ES5 before WeChat's compile (dist/, for information): ${builtOk}/${builtVerdicts.length}`);
    for (const { file, source } of builtSources) {
      const bigInt = bigIntUse(source, 'latest');
      if (bigInt) {
        console.log(`  ${file}: ${bigInt}`);
        failures.push(`BigInt in ${file}`);
      }
    }

    // 3. Sizes, per package, of what ships (no source maps).
    const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
      subPackages?: { root: string }[];
      subpackages?: { root: string }[];
    };
    const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root);
    const files = listFiles(dist).filter((f) => !f.path.endsWith('.map'));
    const sizes = packageSizes(files, roots);
    for (const s of sizes)
      console.log(`size ${s.name}: ${kb(s.bytes)} (limit ${kb(s.limit)}${s.goal ? `, goal ${kb(s.goal)}` : ''})`);
    failures.push(...sizeProblems(sizes));

    // 4. DevTools' code-quality check.
    console.log('== miniprogram-ci checkCodeQuality');
    const quality = await ci.checkCodeQuality(project);
    for (const item of quality) {
      const verdict = explainQuality(item);
      // `text` describes the finding (it reads as a failure even when the check passed).
      const detail = verdict.status === 'ok' ? '' : `: ${item.text ?? ''}${verdict.note ? ` — ${verdict.note}` : ''}`;
      console.log(`  [${verdict.status}] ${item.name}${detail}`);
      if (verdict.status === 'FAIL') failures.push(`quality: ${item.name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('');
  if (failures.length) {
    for (const f of failures) console.log(`FAILED: ${f}`);
    console.log('check:weapp: FAILED');
    return 1;
  }
  console.log('check:weapp: passed');
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    console.log('check:weapp: FAILED');
    process.exit(1);
  });
