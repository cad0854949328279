/** Every row of an embedded store, to prove that a refused call changed nothing. */
import Database from 'better-sqlite3';

export function dumpStore(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
      sql: string;
    }[];
    // A WITHOUT ROWID table has no rowid: its rows are listed in the order of its primary key.
    const orderOf = ({ name, sql }: { name: string; sql: string }) =>
      /WITHOUT ROWID\s*$/i.test(sql)
        ? (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; pk: number }[])
            .filter((c) => c.pk > 0)
            .sort((a, b) => a.pk - b.pk)
            .map((c) => c.name)
            .join(', ')
        : 'rowid';
    return JSON.stringify(
      tables.map((t) => [t.name, db.prepare(`SELECT * FROM ${t.name} ORDER BY ${orderOf(t)}`).all()]),
    );
  } finally {
    db.close();
  }
}
