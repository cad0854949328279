/**
 * Runs the local backend: opens the embedded store, loads the demo week into an empty demo
 * store, serves the API and the H5 build on 127.0.0.1.
 *
 * Environment: PORT (default 8787), DATA_FILE (default data/demo.sqlite), STATIC_DIR
 * (default dist-h5), DEMO=0 to start on an empty, non-demo store (default data/week.sqlite).
 */
import { resolve } from 'node:path';
import { systemClock } from '../cloudfunctions/core/time';
import { openSqliteStore } from '../cloudfunctions/store/sqlite';
import { loadDemoWeek } from './demo/generate';
import { createLocalServer } from './http';

export const DEFAULT_PORT = 8787;

export async function startLocal(): Promise<{ url: string; close(): Promise<void> }> {
  const demo = process.env.DEMO !== '0';
  const file = resolve(process.env.DATA_FILE ?? (demo ? 'data/demo.sqlite' : 'data/week.sqlite'));
  const store = openSqliteStore({ file });
  if (demo && !(await store.latestCampaign())) {
    const summary = await loadDemoWeek(store, systemClock);
    console.log(`演示数据已生成：${summary.events} 场活动，${summary.signups} 份报名（${summary.weekStart} 起的一周）`);
  }
  const server = createLocalServer({
    deps: { store, clock: systemClock },
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist-h5'),
  });
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
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

if (require.main === module) {
  startLocal()
    .then(({ url, close }) => {
      console.log(`全民终身学习活动周 本地服务已启动：${url}`);
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
