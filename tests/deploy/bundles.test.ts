/**
 * exceljs (about 1.2 MB of the bundle) is carried by the `exports` function alone: the 10 s
 * functions the app calls for everything else bundle no workbook code.
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
  return Object.keys(result.metafile.inputs);
}

describe('function bundles', () => {
  it.each(['resident', 'staff', 'organizer'])('%s bundles no exceljs', async (name) => {
    const inputs = await inputsOf(name);
    expect(inputs.some((path) => path.includes('backend/api/'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/exceljs\//.test(path))).toEqual([]);
  });

  it('exports bundles exceljs and the workbook code', async () => {
    const inputs = await inputsOf('exports');
    expect(inputs.some((path) => /node_modules\/exceljs\//.test(path))).toBe(true);
    expect(inputs.some((path) => path.endsWith('backend/forms/import-f2.ts'))).toBe(true);
  });
});
