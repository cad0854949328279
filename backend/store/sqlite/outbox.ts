/**
 * The SQLite side of a check-in's outbox (see usecases/outbox.ts): the claim and the clearing
 * are one read-compare-write each, synchronous on the writer connection, so nothing interleaves.
 */
import type Database from 'better-sqlite3';
import type { Checkin } from '../../../types/domain';
import type { Store } from '../port';

export function outboxMethods(
  writer: Database.Database,
  write: <T>(fn: () => T) => Promise<T>,
): Pick<Store, 'claimOutbox' | 'clearOutbox'> {
  const select = writer.prepare('SELECT doc FROM checkins WHERE id = ?');
  const save = writer.prepare('UPDATE checkins SET doc = ? WHERE id = ?');
  const change = (id: string, next: (c: Checkin) => Checkin | null): boolean =>
    writer.transaction(() => {
      const row = select.get(id) as { doc: string } | undefined;
      const changed = row ? next(JSON.parse(row.doc) as Checkin) : null;
      if (changed) save.run(JSON.stringify(changed), id);
      return changed !== null;
    })();
  return {
    claimOutbox: (id, scanId, at, staleBefore) =>
      write(() =>
        change(id, (c) =>
          c.scanId === scanId && typeof c.outboxClaim === 'number' && c.outboxClaim < staleBefore
            ? { ...c, outboxClaim: at }
            : null,
        ),
      ),
    clearOutbox: async (id, scanId) => {
      await write(() => change(id, (c) => (c.scanId === scanId ? { ...c, outbox: null, outboxClaim: null } : null)));
    },
  };
}
