/**
 * The embedded, durable store used by `npm start` and the tests: SQLite (better-sqlite3)
 * in WAL mode, one file on disk. Every acknowledged write is committed to the WAL before
 * the call returns, so it survives a kill of the process.
 *
 * Atomicity: every port method is one SQLite statement or one synchronous transaction.
 * `atomic(work)` runs a whole use case in one `BEGIN IMMEDIATE` transaction on the writer
 * connection; writes are serialised through one queue so that concurrent use cases never
 * share a transaction. Reads outside `atomic` go to a second connection and see only
 * committed data (WAL snapshot isolation).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ActivityEvent, Campaign, Member, Org, Registration } from '../../../types/domain';
import type { SeatGuard } from '../../core/seats';
import { DuplicateKeyError, type RegistrationExpectation, type RegistrationPatch, type Store } from '../port';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';

export interface SqliteStoreOptions {
  /** ':memory:' is refused: the store is durable by design. */
  file: string;
  /** 'FULL' also survives power loss, at the cost of an fsync per commit. */
  synchronous?: 'NORMAL' | 'FULL';
}

export interface SqliteStore extends Store {
  close(): void;
  readonly file: string;
}

type Row = { doc: string };
type EventRow = Row & { capacity: number | null; seats_taken: number; waiting_count: number; updated_at: number };

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.file === ':memory:') throw new Error('the embedded store is file-based');
  mkdirSync(dirname(options.file), { recursive: true });
  const writer = new Database(options.file);
  writer.pragma('journal_mode = WAL');
  writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  writer.pragma('busy_timeout = 5000');
  writer.pragma('foreign_keys = ON');
  writer.exec(SCHEMA_SQL);
  writer.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
  const reader = new Database(options.file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  const inAtomic = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every write queued before it. */
  function serialised<T>(task: () => Promise<T> | T): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }
  /** Prepared statements of the connection a call should read with: its own transaction's, or committed data. */
  const cache = new Map<Database.Database, Map<string, Database.Statement>>([
    [writer, new Map()],
    [reader, new Map()],
  ]);
  const db = () => {
    const conn = inAtomic.getStore() ? writer : reader;
    const statements = cache.get(conn) as Map<string, Database.Statement>;
    return {
      prepare(text: string): Database.Statement {
        let statement = statements.get(text);
        if (!statement) {
          statement = conn.prepare(text);
          statements.set(text, statement);
        }
        return statement;
      },
    };
  };
  /** A single write: joins the running transaction, or queues as its own. */
  function write<T>(fn: () => T): Promise<T> {
    if (inAtomic.getStore()) return Promise.resolve().then(fn);
    return serialised(fn);
  }

  const sql = {
    putCampaign: writer.prepare('INSERT OR REPLACE INTO campaigns (id, week_end, doc) VALUES (?, ?, ?)'),
    putOrg: writer.prepare('INSERT OR REPLACE INTO orgs (id, district_id, doc) VALUES (?, ?, ?)'),
    putMember: writer.prepare('INSERT OR REPLACE INTO members (openid, doc) VALUES (?, ?)'),
    putEvent: writer.prepare(
      `INSERT OR REPLACE INTO events (id, campaign_id, day, start_at, capacity, seats_taken, waiting_count, updated_at, doc)
       VALUES (@id, @campaignId, @day, @startAt, @capacity, @seatsTaken, @waitingCount, @updatedAt, @doc)`,
    ),
    takeSeats: writer.prepare(
      `UPDATE events SET seats_taken = seats_taken + @party
       WHERE id = @id AND capacity = @capacity AND seats_taken <= @maxTakenBefore
         AND (@requireEmpty = 0 OR waiting_count = 0)`,
    ),
    releaseSeats: writer.prepare('UPDATE events SET seats_taken = seats_taken - @party WHERE id = @id'),
    changeWaiting: writer.prepare('UPDATE events SET waiting_count = waiting_count + @delta WHERE id = @id'),
    insertRegistration: writer.prepare(
      `INSERT INTO registrations (id, event_id, owner_id, status, wait_ticket, updated_at, doc)
       VALUES (@id, @eventId, @ownerId, @status, @waitTicket, @updatedAt, @doc)`,
    ),
    selectRegistrationForUpdate: writer.prepare('SELECT doc FROM registrations WHERE id = ?'),
    updateRegistration: writer.prepare(
      `UPDATE registrations SET owner_id = @ownerId, status = @status, wait_ticket = @waitTicket,
         updated_at = @updatedAt, doc = @doc WHERE id = @id`,
    ),
  };

  const selectCampaign = (id: string) =>
    db().prepare('SELECT doc FROM campaigns WHERE id = ?').get(id) as Row | undefined;
  const selectEvent = (id: string) =>
    db().prepare('SELECT doc, capacity, seats_taken, waiting_count, updated_at FROM events WHERE id = ?').get(id) as
      EventRow | undefined;
  const selectRegistration = (id: string) =>
    db().prepare('SELECT doc FROM registrations WHERE id = ?').get(id) as Row | undefined;

  const store: SqliteStore = {
    file: options.file,

    atomic<T>(work: () => Promise<T>): Promise<T> {
      if (inAtomic.getStore()) return work();
      return serialised(async () => {
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await inAtomic.run(true, work);
          writer.exec('COMMIT');
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw error;
        }
      });
    },

    async getCampaign(id) {
      return parse<Campaign>(selectCampaign(id));
    },
    async latestCampaign() {
      return parse<Campaign>(
        db().prepare('SELECT doc FROM campaigns ORDER BY week_end DESC, id LIMIT 1').get() as Row | undefined,
      );
    },
    putCampaign: (c) => write(() => void sql.putCampaign.run(c.id, c.weekEnd, JSON.stringify(c))),
    async listOrgs(districtId) {
      const rows = db().prepare('SELECT doc FROM orgs WHERE district_id = ? ORDER BY id').all(districtId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Org);
    },
    putOrg: (o) => write(() => void sql.putOrg.run(o.id, o.districtId, JSON.stringify(o))),
    async getMember(openid) {
      return parse<Member>(db().prepare('SELECT doc FROM members WHERE openid = ?').get(openid) as Row | undefined);
    },
    putMember: (m) => write(() => void sql.putMember.run(m.openid, JSON.stringify(m))),

    async getEvent(id) {
      return toEvent(selectEvent(id));
    },
    async getEvents(ids) {
      return ids.map((id) => toEvent(selectEvent(id))).filter((e): e is ActivityEvent => e !== null);
    },
    async listEvents(campaignId, day) {
      const cols = 'doc, capacity, seats_taken, waiting_count, updated_at';
      const rows = (
        day === undefined
          ? db().prepare(`SELECT ${cols} FROM events WHERE campaign_id = ? ORDER BY start_at, id`).all(campaignId)
          : db()
              .prepare(`SELECT ${cols} FROM events WHERE campaign_id = ? AND day = ? ORDER BY start_at, id`)
              .all(campaignId, day)
      ) as EventRow[];
      return rows.map((r) => toEvent(r) as ActivityEvent);
    },
    putEvent: (e) =>
      write(() => {
        sql.putEvent.run({
          id: e.id,
          campaignId: e.campaignId,
          day: e.day,
          startAt: e.startAt,
          capacity: e.capacity,
          seatsTaken: e.seatsTaken,
          waitingCount: e.waitingCount,
          updatedAt: e.updatedAt,
          doc: JSON.stringify(e),
        });
      }),

    takeSeats: (eventId: string, guard: SeatGuard) =>
      write(
        () =>
          sql.takeSeats.run({
            id: eventId,
            party: guard.party,
            capacity: guard.expectedCapacity,
            maxTakenBefore: guard.maxTakenBefore,
            requireEmpty: guard.requireEmptyWaitlist ? 1 : 0,
          }).changes === 1,
      ),
    releaseSeats: (eventId, party) => write(() => void sql.releaseSeats.run({ id: eventId, party })),
    changeWaiting: (eventId, delta) => write(() => void sql.changeWaiting.run({ id: eventId, delta })),

    insertRegistration: (reg) =>
      write(() => {
        try {
          sql.insertRegistration.run({
            id: reg.id,
            eventId: reg.eventId,
            ownerId: reg.ownerId,
            status: reg.status,
            waitTicket: reg.waitTicket,
            updatedAt: reg.updatedAt,
            doc: JSON.stringify(reg),
          });
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError(reg.id);
          throw error;
        }
      }),
    updateRegistration: (id: string, expect: RegistrationExpectation, patch: RegistrationPatch) =>
      write(() =>
        writer.transaction(() => {
          const row = sql.selectRegistrationForUpdate.get(id) as Row | undefined;
          if (!row) return false;
          const current = JSON.parse(row.doc) as Registration;
          if (current.status !== expect.status) return false;
          if (expect.updatedAt !== undefined && current.updatedAt !== expect.updatedAt) return false;
          const next: Registration = { ...current, ...patch, id: current.id, eventId: current.eventId };
          sql.updateRegistration.run({
            id,
            ownerId: next.ownerId,
            status: next.status,
            waitTicket: next.waitTicket,
            updatedAt: next.updatedAt,
            doc: JSON.stringify(next),
          });
          return true;
        })(),
      ),
    async getRegistration(id) {
      return parse<Registration>(selectRegistration(id));
    },
    async listRegistrationsOfOwner(ownerId) {
      const rows = db()
        .prepare('SELECT doc FROM registrations WHERE owner_id = ? ORDER BY updated_at DESC, id')
        .all(ownerId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Registration);
    },
    async listRegistrationsOfEvent(eventId) {
      const rows = db().prepare('SELECT doc FROM registrations WHERE event_id = ? ORDER BY id').all(eventId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Registration);
    },
    async listWaitlisted(eventId, limit) {
      const rows = db()
        .prepare(
          `SELECT doc FROM registrations WHERE event_id = ? AND status = 'waitlisted'
           ORDER BY wait_ticket, id LIMIT ?`,
        )
        .all(eventId, limit) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Registration);
    },
    async countWaitlistedBefore(eventId, waitTicket, id) {
      const row = db()
        .prepare(
          `SELECT COUNT(*) AS n FROM registrations WHERE event_id = ? AND status = 'waitlisted'
           AND (wait_ticket < ? OR (wait_ticket = ? AND id < ?))`,
        )
        .get(eventId, waitTicket, waitTicket, id) as { n: number };
      return row.n;
    },

    close() {
      reader.close();
      writer.close();
    },
  };
  return store;
}

function parse<T>(row: Row | undefined): T | null {
  return row ? (JSON.parse(row.doc) as T) : null;
}

/** The event document, with the counters taken from their authoritative columns. */
function toEvent(row: EventRow | undefined): ActivityEvent | null {
  if (!row) return null;
  const event = JSON.parse(row.doc) as ActivityEvent;
  return { ...event, capacity: row.capacity, seatsTaken: row.seats_taken, waitingCount: row.waiting_count };
}
