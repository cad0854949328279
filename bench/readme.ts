/**
 * `npm run bench:readme`: rewrites the README's performance table from bench/results.json, so the
 * figures there are the last full run's, never typed in. A partial run (some scenarios only) is
 * refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { SCENARIOS } from './lib/checks';
import { type BenchFile, renderTable, replaceBlock } from './lib/readme-table';
import { REPO_ROOT } from './lib/server';

const results = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'results.json'), 'utf8')) as BenchFile;
const missing = SCENARIOS.filter((s) => !results.meta.scenarios.includes(s));
if (missing.length) {
  console.error(
    `bench/results.json is from a partial run (without ${missing.join(', ')}): run \`npm run bench\` first`,
  );
  process.exit(1);
}
const readmePath = join(REPO_ROOT, 'README.md');
const rewritten = replaceBlock(readFileSync(readmePath, 'utf8'), renderTable(results));
// Written as the gate's format check wants it (tables aligned by prettier).
void resolveConfig(readmePath)
  .then((config) => format(rewritten, { ...config, filepath: readmePath }))
  .then((text) => {
    writeFileSync(readmePath, text);
    console.log('README.md: performance table rewritten from bench/results.json');
  });
