/**
 * Background checkpoints of the embedded store (backend/store/sqlite/checkpointer.ts): a worker
 * thread copies the committed log into the database file, so the writer never does it on the
 * request path. Observed from outside: the database file itself (not the log) grows to hold the
 * committed data, which only a checkpoint does; the same writes with checkpoints left to the
 * writer stay in the log (they are below its threshold), so these tests fail without the worker.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../backend/store/sqlite';
import { startCheckpointer } from '../../backend/store/sqlite/checkpointer';
import { BACKSTOP_CHECKPOINT_PAGES } from '../../backend/store/sqlite/connection';
import { anOrg } from '../support/builders';

/** About 1.5 MB of committed data: some 400 pages, below both writers' own checkpoint thresholds. */
const ORGS = 300;
const BIG_NAME = '学'.repeat(1_600);
const WRITTEN_BYTES = ORGS * BIG_NAME.length * 3;

const sizeOf = (file: string) => statSync(file).size;

/** Polls until `done()` or `ms` pass; answers whether it became true. */
async function eventually(done: () => boolean, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return done();
}

describe('background checkpoints of the embedded store', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'llw-checkpoint-'));
    file = join(dir, 'store.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function writeBigOrgs(store: ReturnType<typeof openSqliteStore>): Promise<void> {
    for (let batch = 0; batch < ORGS; batch += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.atomic(() => store.putOrg(anOrg({ id: `o-${batch + i}`, name: BIG_NAME }))),
        ),
      );
    }
  }

  it('copies what the store commits into the database file on a worker, and keeps it across a reopen', async () => {
    const store = openSqliteStore({ file, backgroundCheckpoints: true });
    const before = sizeOf(file);
    await writeBigOrgs(store);
    expect(await eventually(() => sizeOf(file) - before > WRITTEN_BYTES)).toBe(true);
    store.close();

    const again = new Database(file, { readonly: true });
    const n = again.prepare("SELECT COUNT(*) AS n FROM orgs WHERE id LIKE 'o-%'").get() as { n: number };
    again.close();
    expect(n.n).toBe(ORGS);
  });

  it('leaves the same writes in the log when the writer checkpoints by itself (the control)', async () => {
    const store = openSqliteStore({ file });
    const before = sizeOf(file);
    await writeBigOrgs(store);
    // Given the time the worker needed above, nothing copies them into the database file.
    expect(await eventually(() => sizeOf(file) - before > WRITTEN_BYTES, 1_000)).toBe(false);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(WRITTEN_BYTES);
    store.close();
  });

  it('keeps the log bounded under an unbroken stream of writes (the writer restarts it at its backstop)', async () => {
    const store = openSqliteStore({ file, backgroundCheckpoints: true });
    const backstopBytes = BACKSTOP_CHECKPOINT_PAGES * (4096 + 24);
    // Back to back, half as much again as the backstop holds: a log never started over holds it all.
    const orgs = Math.ceil((1.5 * backstopBytes) / (BIG_NAME.length * 3));
    for (let batch = 0; batch < orgs; batch += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.atomic(() => store.putOrg(anOrg({ id: `s-${batch + i}`, name: BIG_NAME }))),
        ),
      );
    }
    // Started over at the backstop: its size and at most a few groups more.
    expect(sizeOf(`${file}-wal`)).toBeLessThan(backstopBytes + 4 * 1024 * 1024);
    store.close();
  });

  it('checkpoints only after a commit is announced, and stops when asked', async () => {
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (v TEXT)');
    const checkpointer = startCheckpointer(file, 5);
    const before = sizeOf(file);
    const insert = writer.prepare('INSERT INTO t (v) VALUES (?)');
    writer.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run(BIG_NAME);
    })();
    // Not announced: the log stays where it is.
    expect(await eventually(() => sizeOf(file) > before + 500_000, 300)).toBe(false);
    checkpointer.committed();
    expect(await eventually(() => sizeOf(file) > before + 500_000)).toBe(true);
    await expect(checkpointer.stop()).resolves.toBeUndefined();
    writer.close();
  });

  it('a worker that cannot open its file ends quietly: nothing thrown in the process', async () => {
    const checkpointer = startCheckpointer(join(dir, 'missing', 'none.sqlite'));
    checkpointer.committed();
    await expect(checkpointer.stop()).resolves.toBeUndefined();
  });
});
