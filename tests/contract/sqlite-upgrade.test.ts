/**
 * A store file made by an earlier version opens in this one (backend/store/sqlite/rows.ts
 * `migrate`): since schema version 7 the visit markers and counters are WITHOUT ROWID tables; an
 * older file is rebuilt once, every row kept, and counts as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../backend/store/sqlite';

// The two tables as version 6 created them (written out here, not taken from the code).
const VERSION_6_TABLES = `
CREATE TABLE counters (
  campaign_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, key)
);
CREATE TABLE visits (
  campaign_id TEXT NOT NULL,
  marker TEXT NOT NULL,
  visits INTEGER NOT NULL CHECK (visits >= 0),
  PRIMARY KEY (campaign_id, marker)
);
CREATE INDEX visits_counted ON visits (campaign_id, marker, visits);
INSERT INTO counters VALUES ('c1', 'attendance', 7), ('c1', 'distinct|d:wj', 3), ('c2', 'attendance', 2);
INSERT INTO visits VALUES
  ('c1', 'd:wj|p1', 2), ('c1', 'd:wj|p2', 1), ('c1', 'd:wj|p3', 1), ('c1', 'd:wj|p4', 0), ('c2', 'd:wj|p1', 1);
`;

describe('opening a store made before schema version 7', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'llw-upgrade-'));
    file = join(dir, 'store.sqlite');
    const old = new Database(file);
    old.exec(VERSION_6_TABLES);
    old.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds visits and counters WITHOUT ROWID, keeping every row and every count', async () => {
    const store = openSqliteStore({ file });
    try {
      expect(await store.readCounters('c1')).toEqual({ attendance: 7, 'distinct|d:wj': 3 });
      expect(await store.readCounters('c2')).toEqual({ attendance: 2 });
      expect(await store.listVisits('c1')).toEqual({ 'd:wj|p1': 2, 'd:wj|p2': 1, 'd:wj|p3': 1 });
      // p1 is in both campaigns: counted once; p4 has no visit left.
      expect(await store.countDistinctMarkers(['c1', 'c2'], 'd:wj|')).toBe(3);
      // The tables go on working: a new visit, a second visit, a counter.
      expect(await store.addVisit('c1', 'd:wj|p5', 1)).toBe(1);
      expect(await store.addVisit('c1', 'd:wj|p1', 1)).toBe(3);
      await store.bumpCounters('c1', { attendance: 1 });
      expect((await store.readCounters('c1')).attendance).toBe(8);
    } finally {
      store.close();
    }
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE name IN ('visits', 'counters', 'visits_counted') ORDER BY name",
      )
      .all() as { name: string; sql: string }[];
    db.close();
    expect(tables.map((t) => t.name)).toEqual(['counters', 'visits']);
    for (const t of tables) expect(t.sql).toMatch(/WITHOUT ROWID$/);
  });

  it('opens an upgraded store again without rebuilding it', () => {
    openSqliteStore({ file }).close();
    const before = new Database(file, { readonly: true });
    const version = (before.prepare('PRAGMA schema_version').get() as { schema_version: number }).schema_version;
    before.close();
    openSqliteStore({ file }).close();
    const after = new Database(file, { readonly: true });
    expect((after.prepare('PRAGMA schema_version').get() as { schema_version: number }).schema_version).toBe(version);
    after.close();
  });
});
