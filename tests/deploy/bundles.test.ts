/**
 * exceljs (about 1.2 MB of the bundle) is carried by the `exports` function alone: the 10 s
 * functions the app calls for everything else bundle no workbook code. zod is imported as a
 * namespace (`import * as z from 'zod'`) so the bundler keeps only what the schemas use: the
 * 40-odd message locales (about 260 KB) stay out and English alone is bundled.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

async function inputsOf(name: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    write: false,
    metafile: true,
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    logLevel: 'silent',
  });
  // Files the bundle carries code of (a file parsed and then tree-shaken away adds 0 bytes).
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe('function bundles', () => {
  it.each(['resident', 'staff', 'organizer'])('%s bundles no exceljs', async (name) => {
    const inputs = await inputsOf(name);
    expect(inputs.some((path) => path.includes('backend/api/'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/exceljs\//.test(path))).toEqual([]);
  });

  it.each(['resident', 'staff', 'organizer', 'exports'])('%s bundles no zod locale but English', async (name) => {
    const locales = (await inputsOf(name)).filter((path) => /node_modules\/zod\/v4\/locales\//.test(path));
    expect(locales.map((path) => path.replace(/^.*\/locales\//, ''))).toEqual(['en.js']);
  });

  it('exports bundles exceljs and the workbook code', async () => {
    const inputs = await inputsOf('exports');
    expect(inputs.some((path) => /node_modules\/exceljs\//.test(path))).toBe(true);
    expect(inputs.some((path) => path.endsWith('backend/forms/import-f2.ts'))).toBe(true);
  });
});
