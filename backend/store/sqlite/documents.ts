/**
 * The table-driven document helper of the SQLite adapter: most tables keep a record as a JSON
 * `doc` beside a few indexed columns. One description per table (its key and which field fills
 * which column) gives the insert (a clash on the key becomes the port's DuplicateKeyError),
 * the read by key and the ordered lists, instead of a hand-written statement for each.
 */
import type Database from 'better-sqlite3';
import { DuplicateKeyError } from '../port';

export type Row = { doc: string };
/** Prepares a statement on the connection the current call reads with. */
export type Prepare = (text: string) => Database.Statement;

export interface DocTable<T> {
  /** Inserts a new document (on the writer); a clash on the key throws DuplicateKeyError. */
  insert(doc: T): void;
  get(key: string): T | null;
  /** The documents matching `where` (SQL after WHERE, with ORDER BY / LIMIT as needed). */
  list(where: string, ...params: unknown[]): T[];
}

export function docTable<T>(
  writer: Database.Database,
  read: Prepare,
  table: string,
  /** Column name → the field that fills it; the first column is the key. */
  columns: Record<string, (doc: T) => unknown>,
): DocTable<T> {
  const names = Object.keys(columns);
  const key = names[0];
  const byKey = `SELECT doc FROM ${table} WHERE ${key} = ?`;
  let insert: Database.Statement | undefined;
  return {
    insert(doc) {
      insert ??= writer.prepare(
        `INSERT INTO ${table} (${names.join(', ')}, doc) VALUES (${names.map(() => '?').join(', ')}, ?)`,
      );
      const values = names.map((n) => columns[n](doc));
      try {
        insert.run(...values, JSON.stringify(doc));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new DuplicateKeyError(String(values[0]));
        }
        throw error;
      }
    },
    get(id) {
      return parse<T>(read(byKey).get(id) as Row | undefined);
    },
    list(where, ...params) {
      const rows = read(`SELECT doc FROM ${table} WHERE ${where}`).all(...params) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as T);
    },
  };
}

export function parse<T>(row: Row | undefined): T | null {
  return row ? (JSON.parse(row.doc) as T) : null;
}
