/** Every row of an embedded store, to prove that a refused call changed nothing. */
import Database from 'better-sqlite3';

export function dumpStore(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    // Rows in a fixed order whatever the table's kind (some are WITHOUT ROWID): by their JSON.
    const rows = (name: string) =>
      db
        .prepare(`SELECT * FROM ${name}`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    return JSON.stringify(tables.map(({ name }) => [name, rows(name)]));
  } finally {
    db.close();
  }
}
