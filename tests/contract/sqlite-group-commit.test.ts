/**
 * Group commit in the embedded store (backend/store/sqlite/group-commit.ts): units of work queued
 * together share one transaction, each in its own savepoint. A failing unit is rolled back alone;
 * every unit is answered only once its writes are committed (another connection sees them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../../backend/store/sqlite';
import { GROUP_MAX } from '../../backend/store/sqlite/group-commit';
import { anOrg } from '../support/builders';

describe('group commit of the embedded store', () => {
  let dir: string;
  let store: SqliteStore;
  let other: Database.Database;
  const committedOrgs = () =>
    (other.prepare("SELECT id FROM orgs WHERE id LIKE 'g-%' ORDER BY id").all() as { id: string }[]).map((r) => r.id);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'llw-group-'));
    store = openSqliteStore({ file: join(dir, 'store.sqlite') });
    other = new Database(join(dir, 'store.sqlite'), { readonly: true });
  });
  afterEach(() => {
    other.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gathers the units of requests that arrive in the same turn of the event loop into one transaction', async () => {
    // Two requests handled one after another in the same poll of the sockets (separate callbacks).
    const arrive = <T>(work: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => setImmediate(() => store.atomic(work).then(resolve, reject)));
    let committedWhenSecondRan: string[] | null = null;
    await Promise.all([
      arrive(() => store.putOrg(anOrg({ id: 'g-a' }))),
      arrive(async () => {
        committedWhenSecondRan = committedOrgs();
        await store.putOrg(anOrg({ id: 'g-b' }));
      }),
    ]);
    // The second unit ran inside the first one's transaction: its write was not committed yet.
    expect(committedWhenSecondRan).toEqual([]);
    expect(committedOrgs()).toEqual(['g-a', 'g-b']);
  });

  it('rolls back a failing unit alone and keeps the others of its group', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.atomic(async () => {
          await store.putOrg(anOrg({ id: `g-${i}` }));
          await store.putOrg(anOrg({ id: `g-${i}-second` }));
          if (i === 4) throw new Error('unit 4 fails after writing');
          return i;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')),
    );
    expect((outcomes[4] as PromiseRejectedResult).reason).toEqual(new Error('unit 4 fails after writing'));
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    const expected = [0, 1, 2, 3, 5, 6, 7, 8, 9].flatMap((i) => [`g-${i}`, `g-${i}-second`]).sort();
    expect(committedOrgs()).toEqual(expected);
    expect(await store.getOrg('g-4')).toBeNull();
  });

  it('rolls back a large failing unit alone (its savepoint journal well beyond 64 KiB, kept in memory)', async () => {
    // Pages written by the units before it, then rewritten by the large unit: its savepoint must
    // give back exactly what they held.
    const name = (i: number, text: string) => `${text}${'单位'.repeat(400)}${i}`;
    const ids = Array.from({ length: 150 }, (_, i) => `g-${String(i).padStart(3, '0')}`);
    await Promise.all(ids.map((id, i) => store.atomic(() => store.putOrg(anOrg({ id, name: name(i, '原') })))));
    const outcomes = await Promise.allSettled([
      store.atomic(() => store.putOrg(anOrg({ id: 'g-before' }))),
      store.atomic(async () => {
        for (const [i, id] of ids.entries()) await store.putOrg(anOrg({ id, name: name(i, '改') }));
        throw new Error('the large unit fails after rewriting every page');
      }),
      store.atomic(() => store.putOrg(anOrg({ id: 'g-after' }))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedOrgs()).toEqual([...ids, 'g-after', 'g-before']);
    const names = await Promise.all(ids.map(async (id) => (await store.getOrg(id))?.name));
    expect(names).toEqual(ids.map((_, i) => name(i, '原')));
  });

  it('lets a read outside the units see committed data only, also while a group is open', async () => {
    let seenWhileOpen: unknown = 'not read';
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const unit = store.atomic(async () => {
      await store.putOrg(anOrg({ id: 'g-open' }));
      await held; // the transaction stays open across turns of the event loop
    });
    // Outside any unit, while the group's transaction holds the uncommitted write.
    await new Promise((resolve) => setTimeout(resolve, 20));
    seenWhileOpen = await store.getOrg('g-open');
    release();
    await unit;
    expect(seenWhileOpen).toBeNull();
    expect((await store.getOrg('g-open'))?.id).toBe('g-open');
  });

  it('answers each unit only after its writes are committed', async () => {
    const seenAtAnswer: string[][] = [];
    await Promise.all(
      Array.from({ length: GROUP_MAX + 6 }, (_, i) =>
        store
          .atomic(async () => {
            await store.putOrg(anOrg({ id: `g-${String(i).padStart(3, '0')}` }));
          })
          .then(() => {
            seenAtAnswer.push(committedOrgs());
          }),
      ),
    );
    seenAtAnswer.forEach((seen, i) => expect(seen.length).toBeGreaterThan(i));
    expect(committedOrgs()).toHaveLength(GROUP_MAX + 6);
  });

  it('lets a unit read what the units before it in the group wrote, as if run one after another', async () => {
    const counts = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.atomic(async () => {
          const n = (await store.readCounters('c1')).n ?? 0;
          await store.bumpCounters('c1', { n: 1 });
          return n;
        }),
      ),
    );
    expect(counts).toEqual([0, 1, 2, 3, 4]);
    expect(await store.readCounters('c1')).toEqual({ n: 5 });
  });
});
