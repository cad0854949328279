/**
 * Group commit for the embedded store: the units of work (`Store.atomic`) that queue while one
 * transaction runs are run together in the next one. Each unit runs alone, one after another, in
 * its own savepoint: a unit that fails is rolled back to its savepoint and answered with its
 * error, the others are kept. Every unit is answered only after the COMMIT, so an answered unit is
 * in the write-ahead log like before, and a failed COMMIT fails every unit of the group.
 *
 * A group gathers the units submitted in one turn of the event loop (the requests of one poll of
 * the sockets), then the units that queue while it runs.
 *
 * What it saves is the per-unit transaction: the BEGIN and COMMIT and, above all, the pages a
 * burst of sign-ups or scans writes again and again (the event's row, the summary counters) go
 * into the log once per group rather than once per unit.
 */
import type Database from 'better-sqlite3';

/** At most this many units share one transaction (bounds how long the first one waits). */
export const GROUP_MAX = 64;

interface Unit {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommit(
  writer: Database.Database,
  /** Runs a task after every write queued before it (the store's single write queue). */
  serialised: <T>(task: () => Promise<T>) => Promise<T>,
  /** Runs a unit's work marked as inside the transaction (its store calls join it). */
  inside: (work: () => Promise<unknown>) => Promise<unknown>,
) {
  let pending: Unit[] = [];

  async function runGroup(units: Unit[]): Promise<void> {
    const outcomes: Outcome[] = [];
    // Units whose writes the open transaction holds, waiting for its COMMIT.
    let held: number[] = [];
    writer.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < units.length; i++) {
      if (!writer.inTransaction) writer.exec('BEGIN IMMEDIATE');
      writer.exec('SAVEPOINT unit');
      try {
        outcomes[i] = { ok: true, value: await inside(units[i].work) };
        writer.exec('RELEASE unit');
        held.push(i);
      } catch (error) {
        outcomes[i] = { ok: false, error };
        if (writer.inTransaction) {
          writer.exec('ROLLBACK TO unit');
          writer.exec('RELEASE unit');
        } else {
          // SQLite rolled the whole transaction back (e.g. disk full): the units before this one
          // in it were lost with it, so they fail too; the next units start a new transaction.
          for (const j of held) outcomes[j] = { ok: false, error };
          held = [];
        }
      }
    }
    try {
      if (writer.inTransaction) writer.exec('COMMIT');
    } catch (error) {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      for (const j of held) outcomes[j] = { ok: false, error };
    }
    units.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  /** Queues one task that runs the units pending when it starts (another task takes any beyond GROUP_MAX). */
  function schedule(): void {
    void serialised(async () => {
      const units = pending.slice(0, GROUP_MAX);
      pending = pending.slice(units.length);
      if (pending.length > 0) schedule();
      try {
        await runGroup(units);
      } catch (error) {
        // BEGIN or a savepoint itself failed: nothing of the group is committed.
        if (writer.inTransaction) writer.exec('ROLLBACK');
        for (const unit of units) unit.reject(error);
      }
    });
  }

  return {
    /** Queues `work` as a unit of the next group; answers once its group is committed. */
    submit<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        // The group starts on the next turn of the event loop, not at once: every request that
        // arrived with this one (one poll of the sockets) submits its unit first and joins it. At
        // once, each unit would run and commit alone, since the store's calls finish in microtasks.
        if (pending.length === 1) setImmediate(schedule);
      });
    },
  };
}
