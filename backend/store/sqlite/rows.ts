/** Opening the SQLite file's schema, and reading an event row with its authoritative counters. */
import type Database from 'better-sqlite3';
import type { ActivityEvent } from '../../../types/domain';
import type { Row } from './documents';
import { ADDED_COLUMNS, SCHEMA_SQL, SCHEMA_VERSION, WITHOUT_ROWID_TABLES } from './schema';

export type EventRow = Row & {
  capacity: number | null;
  seats_taken: number;
  waiting_count: number;
  checked_in: number;
  walk_ins: number;
  updated_at: number;
};

/**
 * Creates the schema; in a store made before later versions, adds their columns and rebuilds the
 * tables that became WITHOUT ROWID (rows copied in one transaction).
 */
export function migrate(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  for (const table of WITHOUT_ROWID_TABLES) {
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as {
      sql: string;
    };
    if (/WITHOUT ROWID\s*$/i.test(sql)) continue;
    db.transaction(() => {
      db.exec(`DROP TABLE IF EXISTS ${table}_rebuilt`);
      db.exec(`${sql.replace(/^CREATE TABLE \w+/i, `CREATE TABLE ${table}_rebuilt`)} WITHOUT ROWID`);
      db.exec(`INSERT INTO ${table}_rebuilt SELECT * FROM ${table}`);
      db.exec(`DROP TABLE ${table}`);
      db.exec(`ALTER TABLE ${table}_rebuilt RENAME TO ${table}`);
    })();
  }
  for (const [table, column, definition] of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
}

/** The event document, with the counters taken from their authoritative columns. */
export function toEvent(row: EventRow | undefined): ActivityEvent | null {
  if (!row) return null;
  const event = JSON.parse(row.doc) as ActivityEvent;
  return {
    ...event,
    entered: event.entered ?? null,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    waitingCount: row.waiting_count,
    checkedIn: row.checked_in,
    walkIns: row.walk_ins,
  };
}
