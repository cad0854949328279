/**
 * `npm start`: builds the H5 app for the local demo when its sources are newer than the
 * last build, then runs the local backend (server/main.ts) serving it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { identityBanner, startLocal } from '../server/main';

const SOURCES = ['src', 'config', 'types', 'backend/core', 'babel.config.js', 'package.json'];
const MARKER = join('dist-h5', '.local-demo-build');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function h5BuildIsCurrent(): boolean {
  if (!existsSync(MARKER)) return false;
  const built = statSync(MARKER).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

export function buildH5ForLocal(): void {
  console.log('正在构建 H5 版本（首次约 30 秒）…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    stdio: 'inherit',
    env: { ...process.env, LOCAL_DEMO: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('H5 build failed');
  writeFileSync(MARKER, new Date().toISOString());
}

async function main(): Promise<void> {
  if (!h5BuildIsCurrent()) buildH5ForLocal();
  const { url, devIdentities, close } = await startLocal();
  console.log(
    `\n全民终身学习活动周 本地开发演示服务已启动：${url}（仅本机访问，不是部署方式；正式环境请部署到云开发 CloudBase）\n` +
      `${identityBanner(devIdentities)}\n（按 Ctrl+C 停止；演示数据在 data/demo.sqlite，重新生成：npm run demo:reset）`,
  );
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
