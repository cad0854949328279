/** Every row of an embedded store, to prove that a refused call changed nothing. */
import Database from 'better-sqlite3';

export function dumpStore(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}
