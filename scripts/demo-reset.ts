/**
 * `npm run demo:reset [-- --week-start YYYY-MM-DD|today]`: deletes the demo store and generates the
 * demo week again. Only ever touches the demo store file, never real data. Refuses while a local
 * server is serving the store (it would keep the deleted file's week): stop the server first.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLocalConfig } from '../backend/config';
import { dayOf, systemClock } from '../backend/core/time';
import { openSqliteStore } from '../backend/store/sqlite';
import { loadDemoWeek } from '../server/demo/generate';
import { serverHolding } from '../server/store-lock';

async function main(): Promise<void> {
  const file = resolve(readLocalConfig().dataFile ?? 'data/demo.sqlite');
  if (!/demo/.test(file)) throw new Error(`refusing to reset ${file}: not a demo store`);
  const flag = process.argv.indexOf('--week-start');
  const wanted = flag >= 0 ? process.argv[flag + 1] : undefined;
  const weekStart = wanted === 'today' ? dayOf(Date.now()) : wanted;
  if (weekStart !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) {
    throw new Error('--week-start YYYY-MM-DD or today');
  }
  const serving = serverHolding(file);
  if (serving !== null) {
    throw new Error(
      `本地服务正在使用演示数据（进程 ${serving}）。请先在运行 npm start 的终端按 Ctrl+C 停止服务，再运行 npm run demo:reset，然后重新 npm start。`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const store = openSqliteStore({ file });
  const summary = await loadDemoWeek(store, systemClock, { weekStart });
  store.close();
  console.log(
    `演示数据已重新生成：${summary.events} 场活动，${summary.signups} 份报名（${summary.weekStart} 起的一周）→ ${file}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
