/**
 * `npm run build:functions`: bundles each cloud function with the shared core into
 * cloudfunctions/<name>/index.js (CommonJS, Node 18: CloudBase's Nodejs18.15 runtime), ready for `tcb fn deploy` or
 * WeChat DevTools' "上传并部署". The CloudBase SDK stays external: the cloud installs it
 * from the function's package.json.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '../backend/api/dispatch';

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const sizes: { name: string; bytes: number }[] = [];
  // The routers, plus the timer-triggered jobs that no client calls.
  for (const name of [...FUNCTION_NAMES, 'reconcile', 'reminders']) {
    const outfile = join('cloudfunctions', name, 'index.js');
    await build({
      entryPoints: [join('cloudfunctions', name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
      logLevel: 'warning',
    });
    sizes.push({ name, bytes: statSync(outfile).size });
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions()
    .then((sizes) => {
      for (const { name, bytes } of sizes)
        console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
