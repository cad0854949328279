/**
 * The embedded, durable store used by `npm start` and the tests: SQLite (better-sqlite3)
 * in WAL mode, one file on disk. Every acknowledged write is committed to the WAL before
 * the call returns, so it survives a kill of the process.
 *
 * Atomicity: every port method is one SQLite statement or one synchronous transaction.
 * `atomic(work)` runs a whole use case as one unit of a group commit (./group-commit.ts): the
 * units queued meanwhile run one after another in one `BEGIN IMMEDIATE` transaction on the writer
 * connection, each in its own savepoint, and are answered after the COMMIT; writes are serialised
 * through one queue so that concurrent use cases never interleave. Reads outside `atomic` see
 * only committed data (connection.ts: the writer while no transaction is open, else the reader).
 */
import type Database from 'better-sqlite3';
import type {
  ActivityEvent,
  AuditRecord,
  Checkin,
  Invite,
  Notice,
  Org,
  Rating,
  Registration,
  ReminderRecord,
  ScanLogEntry,
} from '../../../types/domain';
import type { FormProfile } from '../../../types/forms';
import type { SeatGuard } from '../../core/seats';
import {
  CAMPAIGNS_LISTED,
  type EventFieldsPatch,
  type RegistrationExpectation,
  type RegistrationPatch,
  type Store,
} from '../port';
import { toEvent, type EventRow } from './rows';
import { prepareWrites } from './statements';
import { evaluationMethods } from './evaluation';
import { peopleMethods } from './people';
import { reportingMethods } from './reporting';
import { outboxMethods } from './outbox';
import type { Row } from './documents';
import { openConnections, type SqliteStoreOptions } from './connection';
import { documentTables } from './tables';

export type { SqliteStoreOptions } from './connection';

export interface SqliteStore extends Store {
  close(): void;
  readonly file: string;
}

const EVENT_COLUMNS = 'doc, capacity, seats_taken, waiting_count, checked_in, walk_ins, updated_at';

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { writer, db, write, atomic, close } = openConnections(options);
  const sql = prepareWrites(writer);

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

  const t = documentTables(writer, (text) => db().prepare(text));

  const store: SqliteStore = {
    ...evaluationMethods(writer, db, write),
    file: options.file,

    atomic,
    getCampaign: async (id) => t.campaigns.get(id),
    latestCampaign: async () => t.campaigns.list('1 ORDER BY week_end DESC, id LIMIT 1')[0] ?? null,
    listCampaigns: async () => t.campaigns.list('1 ORDER BY week_end DESC, id LIMIT ?', CAMPAIGNS_LISTED),
    putCampaign: (c) => write(() => void sql.putCampaign.run(c.id, c.weekEnd, JSON.stringify(c))),
    async listOrgs(districtId) {
      const rows = db().prepare('SELECT doc FROM orgs WHERE district_id = ? ORDER BY id').all(districtId) as Row[];
      return rows.map((r) => JSON.parse(r.doc) as Org);
    },
    putOrg: (o) => write(() => void sql.putOrg.run(o.id, o.districtId, JSON.stringify(o))),
    getMember: async (openid) => t.members.get(openid),
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

    insertRegistration: (reg) => write(() => t.registrations.insert(reg)),
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
    getRegistration: async (id) => t.registrations.get(id),
    listRegistrationsOfOwner: async (ownerId) =>
      t.registrations.list('owner_id = ? ORDER BY updated_at DESC, id', ownerId),
    listRegistrationsOfEvent: async (eventId) => t.registrations.list('event_id = ? ORDER BY id', eventId),
    listWaitlisted: async (eventId, limit) =>
      t.registrations.list(`event_id = ? AND status = 'waitlisted' ORDER BY wait_ticket, id LIMIT ?`, eventId, limit),
    async countWaitlistedBefore(eventId, waitTicket, id) {
      // The event's waiting count less those from (ticket, id) on: the counter changes in the same
      // transaction as every waitlist change, and a new sign-up stands last, so this reads a few
      // index entries where counting those before would read the whole queue.
      const row = db()
        .prepare(
          `SELECT e.waiting_count - (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id
             AND r.status = 'waitlisted' AND (r.wait_ticket, r.id) >= (?, ?)) AS n
           FROM events e WHERE e.id = ?`,
        )
        .get(waitTicket, id, eventId) as { n: number } | undefined;
      return Math.max(0, row?.n ?? 0);
    },

    changeAttendance: (eventId, delta) =>
      write(
        () =>
          void sql.changeAttendance.run({ id: eventId, checkedIn: delta.checkedIn ?? 0, walkIns: delta.walkIns ?? 0 }),
      ),
    insertCheckin: (checkin: Checkin) => write(() => t.checkins.insert(checkin)),
    getCheckin: async (id) => t.checkins.get(id),
    updateCheckin: (id, expectStatus, patch) =>
      write(() =>
        changeDoc<Checkin>(
          sql.selectCheckinForUpdate,
          (next) => sql.updateCheckin.run({ id, status: next.status, doc: JSON.stringify(next) }),
          id,
          (current) => (current.status === expectStatus ? { ...current, ...patch, id: current.id } : null),
        ),
      ),
    listCheckinsOfEvent: async (eventId) => t.checkins.list('event_id = ? ORDER BY id', eventId),
    insertScanLog: (entry: ScanLogEntry) => write(() => t.scanLog.insert(entry)),
    getScanLog: async (id) => t.scanLog.get(id),
    bumpCounters: (campaignId, deltas) =>
      write(() => {
        const moved = Object.entries(deltas).filter(([, delta]) => delta !== 0);
        // One statement for all the keys (atomic by itself), prepared once per number of keys.
        if (moved.length > 0)
          sql.bumpCounters(moved.length).run(moved.flatMap(([key, delta]) => [campaignId, key, delta]));
      }),
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
    insertRating: (rating: Rating) => write(() => t.ratings.insert(rating)),
    getRating: async (id) => t.ratings.get(id),
    listRatingsOfEvent: async (eventId) => t.ratings.list('event_id = ? ORDER BY id', eventId),
    getFormProfile: async (id) => t.formProfiles.get(id),
    putFormProfile: (profile: FormProfile) =>
      write(() => void sql.putFormProfile.run(profile.id, JSON.stringify(profile))),
    listMembers: async (districtId) => t.members.list('1 ORDER BY openid').filter((m) => m.districtId === districtId),
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
    insertInvite: (invite: Invite) => write(() => t.invites.insert(invite)),
    getInvite: async (code) => t.invites.get(code),
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
    listInvites: async (districtId) => t.invites.list('district_id = ? ORDER BY created_at DESC, code', districtId),
    insertNotice: (notice: Notice) => write(() => t.notices.insert(notice)),
    listNotices: async (ownerId, limit) =>
      t.notices.list('owner_id = ? ORDER BY created_at DESC, id LIMIT ?', ownerId, limit),
    markNoticeRead: (id, ownerId, at) =>
      write(() =>
        changeDoc<Notice>(
          sql.selectNotice,
          (next) => sql.writeNotice.run(JSON.stringify(next), id),
          id,
          (notice) => (notice.ownerId === ownerId && notice.readAt === null ? { ...notice, readAt: at } : null),
        ),
      ),
    insertAudit: (record: AuditRecord) => write(() => t.audit.insert(record)),
    async listAudit(districtId, offset, limit) {
      const records = t.audit.list('district_id = ? ORDER BY at DESC, id LIMIT ? OFFSET ?', districtId, limit, offset);
      const { n } = db().prepare('SELECT COUNT(*) AS n FROM audit WHERE district_id = ?').get(districtId) as {
        n: number;
      };
      return { records, total: n };
    },
    addCredits: (openid, kind, n) => write(() => void sql.addCredits.run({ openid, kind, n })),
    takeCredit: (openid, kind) => write(() => sql.takeCredit.run({ openid, kind }).changes === 1),
    async getCredits(openid, kind) {
      const row = db().prepare('SELECT n FROM credits WHERE openid = ? AND kind = ?').get(openid, kind) as
        { n: number } | undefined;
      return row?.n ?? 0;
    },
    insertReminder: (record: ReminderRecord) => write(() => t.reminders.insert(record)),
    putReminder: (record: ReminderRecord) =>
      write(
        () =>
          void writer
            .prepare('INSERT OR REPLACE INTO reminders (id, owner_id, at, doc) VALUES (?, ?, ?, ?)')
            .run(record.id, record.ownerId, record.at, JSON.stringify(record)),
      ),
    listReminders: async (ownerId, limit) =>
      t.reminders.list('owner_id = ? ORDER BY at DESC, id LIMIT ?', ownerId, limit),
    async listScanLog(eventId, offset, limit) {
      const entries = t.scanLog.list(
        'event_id = ? ORDER BY recorded_at DESC, id LIMIT ? OFFSET ?',
        eventId,
        limit,
        offset,
      );
      const { n } = db().prepare('SELECT COUNT(*) AS n FROM scan_log WHERE event_id = ?').get(eventId) as { n: number };
      return { entries, total: n };
    },

    ...reportingMethods((text) => db().prepare(text), writer, write),
    ...peopleMethods((text) => db().prepare(text)),
    ...outboxMethods(writer, write),

    close,
  };
  return store;
}
