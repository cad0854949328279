import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdStore, lockFileOf, serverHolding } from '../../server/store-lock';

describe('store lock: demo:reset and a running server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'llw-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the running process while held and nobody after release', () => {
    const store = join(dir, 'demo.sqlite');
    expect(serverHolding(store)).toBeNull();
    const release = holdStore(store);
    expect(serverHolding(store)).toBe(process.pid);
    release();
    expect(existsSync(lockFileOf(store))).toBe(false);
    expect(serverHolding(store)).toBeNull();
  });

  it('ignores a lock left by a server that died, and garbage', () => {
    const store = join(dir, 'demo.sqlite');
    // A pid far above Linux's pid_max never runs.
    writeFileSync(lockFileOf(store), '99999999');
    expect(serverHolding(store)).toBeNull();
    writeFileSync(lockFileOf(store), 'not a pid');
    expect(serverHolding(store)).toBeNull();
  });

  it('demo:reset refuses while a server holds the store, saying to stop it first, and leaves the file', () => {
    const store = join(dir, 'demo.sqlite');
    writeFileSync(store, 'the running week');
    const release = holdStore(store);
    const run = spawnSync('npx', ['tsx', 'scripts/demo-reset.ts', '--week-start', 'today'], {
      env: { ...process.env, DATA_FILE: store },
      encoding: 'utf8',
    });
    release();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`进程 ${process.pid}`);
    expect(run.stderr).toContain('请先在运行 npm start 的终端按 Ctrl+C 停止服务');
    expect(existsSync(store)).toBe(true);
  }, 60_000);
});
