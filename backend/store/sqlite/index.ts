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
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  ActivityEvent,
  Campaign,
  Checkin,
  Member,
  Org,
  Rating,
  Registration,
  ScanLogEntry,
  Invite,
  Notice,
  AuditRecord,
  ReminderRecord,
} from '../../../types/domain';
import type { FormProfile } from '../../../types/forms';
import type { SeatGuard } from '../../core/seats';
import {
  CAMPAIGNS_LISTED,
  DuplicateKeyError,
  type EventFieldsPatch,
  type RegistrationExpectation,
  type RegistrationPatch,
  type Store,
} from '../port';
import { ADDED_COLUMNS, SCHEMA_SQL, SCHEMA_VERSION } from './schema';
import { evaluationMethods } from './evaluation';
import { reportingMethods } from './reporting';

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
type EventRow = Row & {
  capacity: number | null;
  seats_taken: number;
  waiting_count: number;
  checked_in: number;
  walk_ins: number;
  updated_at: number;
};
const EVENT_COLUMNS = 'doc, capacity, seats_taken, waiting_count, checked_in, walk_ins, updated_at';

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.file === ':memory:') throw new Error('the embedded store is file-based');
  // Personal data: the folder (when created here) and the file are readable by their owner only;
  // SQLite gives its -wal and -shm files the database file's permissions.
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  closeSync(openSync(options.file, 'a', 0o600));
  chmodSync(options.file, 0o600);
  const writer = new Database(options.file);
  writer.pragma('journal_mode = WAL');
  writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  writer.pragma('busy_timeout = 5000');
  writer.pragma('foreign_keys = ON');
  migrate(writer);
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
      `INSERT OR REPLACE INTO events (id, campaign_id, day, start_at, capacity, seats_taken, waiting_count,
         checked_in, walk_ins, updated_at, doc)
       VALUES (@id, @campaignId, @day, @startAt, @capacity, @seatsTaken, @waitingCount, @checkedIn, @walkIns,
         @updatedAt, @doc)`,
    ),
    takeSeats: writer.prepare(
      `UPDATE events SET seats_taken = seats_taken + @party
       WHERE id = @id AND capacity = @capacity AND seats_taken <= @maxTakenBefore
         AND (@requireEmpty = 0 OR waiting_count = 0)`,
    ),
    releaseSeats: writer.prepare('UPDATE events SET seats_taken = seats_taken - @party WHERE id = @id'),
    changeWaiting: writer.prepare('UPDATE events SET waiting_count = waiting_count + @delta WHERE id = @id'),
    changeAttendance: writer.prepare(
      'UPDATE events SET checked_in = checked_in + @checkedIn, walk_ins = walk_ins + @walkIns WHERE id = @id',
    ),
    insertCheckin: writer.prepare(
      'INSERT INTO checkins (id, event_id, status, doc) VALUES (@id, @eventId, @status, @doc)',
    ),
    selectCheckinForUpdate: writer.prepare('SELECT doc FROM checkins WHERE id = ?'),
    updateCheckin: writer.prepare('UPDATE checkins SET status = @status, doc = @doc WHERE id = @id'),
    bumpCounter: writer.prepare(
      `INSERT INTO counters (campaign_id, key, value) VALUES (@campaignId, @key, @delta)
       ON CONFLICT (campaign_id, key) DO UPDATE SET value = value + @delta`,
    ),
    addVisit: writer.prepare(
      `INSERT INTO visits (campaign_id, marker, visits) VALUES (@campaignId, @marker, MAX(@delta, 0))
       ON CONFLICT (campaign_id, marker) DO UPDATE SET visits = MAX(visits + @delta, 0)
       RETURNING visits`,
    ),
    selectEventForUpdate: writer.prepare('SELECT doc FROM events WHERE id = ?'),
    updateEventDoc: writer.prepare('UPDATE events SET day = @day, start_at = @startAt, doc = @doc WHERE id = @id'),
    insertRating: writer.prepare('INSERT INTO ratings (id, event_id, doc) VALUES (@id, @eventId, @doc)'),
    putFormProfile: writer.prepare('INSERT OR REPLACE INTO form_profiles (id, doc) VALUES (?, ?)'),
    setCapacity: writer.prepare(
      `UPDATE events SET capacity = @capacity
       WHERE id = @id AND (CASE WHEN @capacity IS NULL THEN seats_taken = 0 ELSE seats_taken <= @capacity END)`,
    ),
    selectEventDoc: writer.prepare('SELECT doc FROM events WHERE id = ?'),
    writeEventDoc: writer.prepare('UPDATE events SET doc = ? WHERE id = ?'),
    insertInvite: writer.prepare(
      'INSERT INTO invites (code, district_id, created_at, doc) VALUES (@code, @districtId, @createdAt, @doc)',
    ),
    selectInvite: writer.prepare('SELECT doc FROM invites WHERE code = ?'),
    writeInvite: writer.prepare('UPDATE invites SET doc = ? WHERE code = ?'),
    insertNotice: writer.prepare(
      'INSERT INTO notices (id, owner_id, created_at, doc) VALUES (@id, @ownerId, @createdAt, @doc)',
    ),
    selectNotice: writer.prepare('SELECT doc FROM notices WHERE id = ?'),
    writeNotice: writer.prepare('UPDATE notices SET doc = ? WHERE id = ?'),
    insertAudit: writer.prepare('INSERT INTO audit (id, district_id, at, doc) VALUES (@id, @districtId, @at, @doc)'),
    removeMember: writer.prepare('DELETE FROM members WHERE openid = ?'),
    addCredits: writer.prepare(
      `INSERT INTO credits (openid, kind, n) VALUES (@openid, @kind, @n)
       ON CONFLICT (openid, kind) DO UPDATE SET n = n + @n`,
    ),
    takeCredit: writer.prepare('UPDATE credits SET n = n - 1 WHERE openid = @openid AND kind = @kind AND n > 0'),
    insertReminder: writer.prepare('INSERT INTO reminders (id, owner_id, at, doc) VALUES (@id, @ownerId, @at, @doc)'),
    insertScanLog: writer.prepare(
      'INSERT INTO scan_log (id, event_id, recorded_at, doc) VALUES (@id, @eventId, @recordedAt, @doc)',
    ),
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
    db().prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`).get(id) as EventRow | undefined;
  /**
   * Reads a document, lets `change` give its next version (or null to refuse), and writes that
   * back, in one transaction: the conditional update of the rows kept as JSON documents.
   */
  function changeDoc<T>(
    select: Database.Statement,
    save: (next: T) => void,
    id: string,
    change: (current: T) => T | null,
  ): boolean {
    return writer.transaction(() => {
      const row = select.get(id) as Row | undefined;
      if (!row) return false;
      const next = change(JSON.parse(row.doc) as T);
      if (next === null) return false;
      save(next);
      return true;
    })();
  }

  const selectRegistration = (id: string) =>
    db().prepare('SELECT doc FROM registrations WHERE id = ?').get(id) as Row | undefined;

  const store: SqliteStore = {
    ...evaluationMethods(writer, db, write),
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
    async listCampaigns() {
      const rows = db()
        .prepare('SELECT doc FROM campaigns ORDER BY week_end DESC, id LIMIT ?')
        .all(CAMPAIGNS_LISTED) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Campaign);
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
      const rows = (
        day === undefined
          ? db()
              .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE campaign_id = ? ORDER BY start_at, id`)
              .all(campaignId)
          : db()
              .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE campaign_id = ? AND day = ? ORDER BY start_at, id`)
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
          checkedIn: e.checkedIn ?? 0,
          walkIns: e.walkIns ?? 0,
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
      write(() =>
        insertUnique(sql.insertRegistration, reg.id, {
          id: reg.id,
          eventId: reg.eventId,
          ownerId: reg.ownerId,
          status: reg.status,
          waitTicket: reg.waitTicket,
          updatedAt: reg.updatedAt,
          doc: JSON.stringify(reg),
        }),
      ),
    updateRegistration: (id: string, expect: RegistrationExpectation, patch: RegistrationPatch) =>
      write(() =>
        changeDoc<Registration>(
          sql.selectRegistrationForUpdate,
          (next) =>
            sql.updateRegistration.run({
              id,
              ownerId: next.ownerId,
              status: next.status,
              waitTicket: next.waitTicket,
              updatedAt: next.updatedAt,
              doc: JSON.stringify(next),
            }),
          id,
          (current) =>
            current.status !== expect.status ||
            (expect.updatedAt !== undefined && current.updatedAt !== expect.updatedAt)
              ? null
              : { ...current, ...patch, id: current.id, eventId: current.eventId },
        ),
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

    changeAttendance: (eventId, delta) =>
      write(
        () =>
          void sql.changeAttendance.run({ id: eventId, checkedIn: delta.checkedIn ?? 0, walkIns: delta.walkIns ?? 0 }),
      ),
    insertCheckin: (checkin: Checkin) =>
      write(() =>
        insertUnique(sql.insertCheckin, checkin.id, {
          id: checkin.id,
          eventId: checkin.eventId,
          status: checkin.status,
          doc: JSON.stringify(checkin),
        }),
      ),
    async getCheckin(id) {
      return parse<Checkin>(db().prepare('SELECT doc FROM checkins WHERE id = ?').get(id) as Row | undefined);
    },
    updateCheckin: (id, expectStatus, patch) =>
      write(() =>
        changeDoc<Checkin>(
          sql.selectCheckinForUpdate,
          (next) => sql.updateCheckin.run({ id, status: next.status, doc: JSON.stringify(next) }),
          id,
          (current) => (current.status === expectStatus ? { ...current, ...patch, id: current.id } : null),
        ),
      ),
    async listCheckinsOfEvent(eventId) {
      const rows = db().prepare('SELECT doc FROM checkins WHERE event_id = ? ORDER BY id').all(eventId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Checkin);
    },
    insertScanLog: (entry: ScanLogEntry) =>
      write(() =>
        insertUnique(sql.insertScanLog, entry.id, {
          id: entry.id,
          eventId: entry.eventId,
          recordedAt: entry.recordedAt,
          doc: JSON.stringify(entry),
        }),
      ),
    async getScanLog(id) {
      return parse<ScanLogEntry>(db().prepare('SELECT doc FROM scan_log WHERE id = ?').get(id) as Row | undefined);
    },
    bumpCounters: (campaignId, deltas) =>
      write(() =>
        writer.transaction(() => {
          for (const [key, delta] of Object.entries(deltas)) {
            if (delta !== 0) sql.bumpCounter.run({ campaignId, key, delta });
          }
        })(),
      ),
    async readCounters(campaignId) {
      const rows = db().prepare('SELECT key, value FROM counters WHERE campaign_id = ?').all(campaignId) as {
        key: string;
        value: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    addVisit: (campaignId, marker, delta) =>
      write(() => (sql.addVisit.get({ campaignId, marker, delta }) as { visits: number }).visits),
    async listVisits(campaignId) {
      const rows = db()
        .prepare('SELECT marker, visits FROM visits WHERE campaign_id = ? AND visits > 0')
        .all(campaignId) as {
        marker: string;
        visits: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.marker, r.visits]));
    },
    updateEventFields: (id: string, patch: EventFieldsPatch) =>
      write(() =>
        writer.transaction(() => {
          const row = sql.selectEventForUpdate.get(id) as Row | undefined;
          if (!row) return false;
          const current = JSON.parse(row.doc) as ActivityEvent;
          // Absent and undefined fields stay as they are; counters are never touched here.
          const safe = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
          for (const key of ['id', 'campaignId', 'capacity', 'seatsTaken', 'waitingCount', 'checkedIn', 'walkIns']) {
            delete safe[key];
          }
          const next = { ...current, ...safe } as ActivityEvent;
          sql.updateEventDoc.run({ id, day: next.day, startAt: next.startAt, doc: JSON.stringify(next) });
          return true;
        })(),
      ),
    insertRating: (rating: Rating) =>
      write(() =>
        insertUnique(sql.insertRating, rating.id, {
          id: rating.id,
          eventId: rating.eventId,
          doc: JSON.stringify(rating),
        }),
      ),
    async getRating(id) {
      return parse<Rating>(db().prepare('SELECT doc FROM ratings WHERE id = ?').get(id) as Row | undefined);
    },
    async listRatingsOfEvent(eventId) {
      const rows = db().prepare('SELECT doc FROM ratings WHERE event_id = ? ORDER BY id').all(eventId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Rating);
    },
    async getFormProfile(id) {
      return parse<FormProfile>(db().prepare('SELECT doc FROM form_profiles WHERE id = ?').get(id) as Row | undefined);
    },
    putFormProfile: (profile: FormProfile) =>
      write(() => void sql.putFormProfile.run(profile.id, JSON.stringify(profile))),
    async listMembers(districtId) {
      const rows = db().prepare('SELECT doc FROM members ORDER BY openid').all() as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Member).filter((m) => m.districtId === districtId);
    },
    removeMember: (openid) => write(() => void sql.removeMember.run(openid)),
    setCapacity: (eventId, capacity) =>
      write(() =>
        writer.transaction(() => {
          if (sql.setCapacity.run({ id: eventId, capacity }).changes !== 1) return false;
          // Keep the document's copy in step with the authoritative column.
          const row = sql.selectEventDoc.get(eventId) as Row;
          sql.writeEventDoc.run(JSON.stringify({ ...JSON.parse(row.doc), capacity }), eventId);
          return true;
        })(),
      ),
    insertInvite: (invite: Invite) =>
      write(() =>
        insertUnique(sql.insertInvite, invite.code, {
          code: invite.code,
          districtId: invite.districtId,
          createdAt: invite.createdAt,
          doc: JSON.stringify(invite),
        }),
      ),
    async getInvite(code) {
      return parse<Invite>(db().prepare('SELECT doc FROM invites WHERE code = ?').get(code) as Row | undefined);
    },
    useInvite: (code, openid, at) =>
      write(() =>
        changeDoc<Invite>(
          sql.selectInvite,
          (next) => sql.writeInvite.run(JSON.stringify(next), code),
          code,
          (invite) =>
            invite.usedBy === null && invite.revokedAt === null ? { ...invite, usedBy: openid, usedAt: at } : null,
        ),
      ),
    revokeInvite: (code, at) =>
      write(() =>
        changeDoc<Invite>(
          sql.selectInvite,
          (next) => sql.writeInvite.run(JSON.stringify(next), code),
          code,
          (invite) => (invite.usedBy === null && invite.revokedAt === null ? { ...invite, revokedAt: at } : null),
        ),
      ),
    async listInvites(districtId) {
      const rows = db()
        .prepare('SELECT doc FROM invites WHERE district_id = ? ORDER BY created_at DESC, code')
        .all(districtId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Invite);
    },
    insertNotice: (notice: Notice) =>
      write(() =>
        insertUnique(sql.insertNotice, notice.id, {
          id: notice.id,
          ownerId: notice.ownerId,
          createdAt: notice.createdAt,
          doc: JSON.stringify(notice),
        }),
      ),
    async listNotices(ownerId, limit) {
      const rows = db()
        .prepare('SELECT doc FROM notices WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ?')
        .all(ownerId, limit) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Notice);
    },
    markNoticeRead: (id, ownerId, at) =>
      write(() =>
        changeDoc<Notice>(
          sql.selectNotice,
          (next) => sql.writeNotice.run(JSON.stringify(next), id),
          id,
          (notice) => (notice.ownerId === ownerId && notice.readAt === null ? { ...notice, readAt: at } : null),
        ),
      ),
    insertAudit: (record: AuditRecord) =>
      write(() =>
        insertUnique(sql.insertAudit, record.id, {
          id: record.id,
          districtId: record.districtId,
          at: record.at,
          doc: JSON.stringify(record),
        }),
      ),
    async listAudit(districtId, offset, limit) {
      const rows = db()
        .prepare('SELECT doc FROM audit WHERE district_id = ? ORDER BY at DESC, id LIMIT ? OFFSET ?')
        .all(districtId, limit, offset) as Row[];
      const { n } = db().prepare('SELECT COUNT(*) AS n FROM audit WHERE district_id = ?').get(districtId) as {
        n: number;
      };
      return { records: rows.map((r) => JSON.parse(r.doc) as AuditRecord), total: n };
    },
    addCredits: (openid, kind, n) => write(() => void sql.addCredits.run({ openid, kind, n })),
    takeCredit: (openid, kind) => write(() => sql.takeCredit.run({ openid, kind }).changes === 1),
    async getCredits(openid, kind) {
      const row = db().prepare('SELECT n FROM credits WHERE openid = ? AND kind = ?').get(openid, kind) as
        { n: number } | undefined;
      return row?.n ?? 0;
    },
    insertReminder: (record: ReminderRecord) =>
      write(() =>
        insertUnique(sql.insertReminder, record.id, {
          id: record.id,
          ownerId: record.ownerId,
          at: record.at,
          doc: JSON.stringify(record),
        }),
      ),
    putReminder: (record: ReminderRecord) =>
      write(
        () =>
          void writer
            .prepare('INSERT OR REPLACE INTO reminders (id, owner_id, at, doc) VALUES (?, ?, ?, ?)')
            .run(record.id, record.ownerId, record.at, JSON.stringify(record)),
      ),
    async listReminders(ownerId, limit) {
      const rows = db()
        .prepare('SELECT doc FROM reminders WHERE owner_id = ? ORDER BY at DESC, id LIMIT ?')
        .all(ownerId, limit) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as ReminderRecord);
    },
    async listScanLog(eventId, offset, limit) {
      const rows = db()
        .prepare('SELECT doc FROM scan_log WHERE event_id = ? ORDER BY recorded_at DESC, id LIMIT ? OFFSET ?')
        .all(eventId, limit, offset) as Row[];
      const { n } = db().prepare('SELECT COUNT(*) AS n FROM scan_log WHERE event_id = ?').get(eventId) as { n: number };
      return { entries: rows.map((r) => JSON.parse(r.doc) as ScanLogEntry), total: n };
    },

    ...reportingMethods((text) => db().prepare(text), writer, write),

    close() {
      reader.close();
      writer.close();
    },
  };
  return store;
}

/** Runs an insert; a clash on the primary key becomes the port's DuplicateKeyError. */
function insertUnique(statement: Database.Statement, key: string, params: unknown): void {
  try {
    statement.run(params);
  } catch (error) {
    if (isPrimaryKeyClash(error)) throw new DuplicateKeyError(key);
    throw error;
  }
}

function isPrimaryKeyClash(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Creates the schema, and adds the columns of later versions to a store made before them. */
function migrate(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  for (const [table, column, definition] of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
}

function parse<T>(row: Row | undefined): T | null {
  return row ? (JSON.parse(row.doc) as T) : null;
}

/** The event document, with the counters taken from their authoritative columns. */
function toEvent(row: EventRow | undefined): ActivityEvent | null {
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
