/**
 * The production store: CloudBase's document database, through the `CloudbaseDb` subset of the
 * node-sdk API (pass `app.database()`). Every port method is one database request (or one per
 * page of 1,000 for lists), and every write that must be race-free is a single conditional,
 * atomic update on one document:
 * - seats: `where({ _id, capacity, seatsTaken: lte(max) [, waitingCount: 0] }).update({ seatsTaken: inc(party) })`
 *   is MongoDB single-document atomic, so the guard and the increment cannot be split by another
 *   caller (`updated` is 1 if the guard held, 0 otherwise);
 * - registrations: a deterministic `_id` inserted with `add` (a repeat fails with
 *   DATABASE_DUPLICATE_WRITE), then changes conditional on `status` and `updatedAt` in the filter;
 * - attendance: `doc(eventId).update({ checkedIn: inc(n), walkIns: inc(m) })`; check-ins keyed by
 *   the registration id (or `walkin_<scanId>`) and scan log entries keyed by the client's scanId,
 *   both inserted with `add`, so a second check-in or a replayed scan fails with
 *   DATABASE_DUPLICATE_WRITE; a check-in changes only while its `status` is the expected one;
 * - summary counters and visit counts: see ./summaries.ts;
 * - event fields: `doc(id).update(fields)` with the counters left out, so a descriptive change
 *   can never overwrite a counter another request just moved;
 * - capacity: `where({ _id, seatsTaken: lte(capacity) }).update({ capacity })` (for null:
 *   `seatsTaken: 0`), so it cannot be split from a concurrent `takeSeats`; an invitation is used or
 *   revoked only `where({ _id: code, usedBy: null, revokedAt: null })`, a notice read once
 *   `where({ _id, ownerId, readAt: null })`: see ./organising.ts;
 * - subscription credits: `where({ _id, n: gt(0) }).update({ n: inc(-1) })` takes one, so it never
 *   goes below 0; reminder records keyed by `${kind}|${registrationId}` and inserted with `add`, so
 *   a reminder is recorded once (its outcome then replaces it whole with `doc(id).set`): see
 *   ./reminders.ts.
 *
 * Collections: campaigns, orgs, members, events, registrations, checkins, scan_log, summaries,
 * visits, ratings, form_profiles, invites, notices, audit, credits, reminders (all ADMINONLY: only
 * functions write them). Indexes to create in the console (queries below filter and sort on
 * them): registrations (eventId, status, waitTicket, _id), (ownerId, updatedAt), (eventId, _id);
 * events (campaignId, day, startAt, _id); campaigns (weekEnd); orgs (districtId, _id); members
 * (districtId, _id); checkins (eventId); scan_log (eventId, recordedAt); visits (campaignId, _id);
 * ratings (eventId, _id); invites (districtId, createdAt); notices (ownerId, createdAt); audit
 * (districtId, at); reminders (ownerId, at); credits none (read and written by `_id` only).
 *
 * Events written before attendance existed lack `checkedIn` / `walkIns`: `inc` treats a missing
 * field as 0, and events read back get 0 for a missing counter. Events written before the
 * entered figure existed lack `entered`: they read back with `entered: null`.
 */
import type {
  ActivityEvent,
  Campaign,
  Checkin,
  Member,
  Org,
  Rating,
  Registration,
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
import { firstOrNull, fromDocument, toFields, toNewDocument } from './documents';
import { type OnOp, PAGE_MAX, readAll, readAllAtOnce, sender } from './operations';
import type { CloudbaseDb, DbCommand, DbDocument, DbFilter, DbUpdate } from './sdk';
import { ORGANISING_COLLECTIONS, organisingMethods } from './organising';
import { REMINDER_COLLECTIONS, reminderMethods } from './reminders';
import { peopleMethods } from './people';
import { REPORTING_COLLECTIONS, reportingMethods } from './reporting';
import { SUMMARY_COLLECTIONS, summaryMethods } from './summaries';
import { EVALUATION_COLLECTIONS, evaluationMethods } from './evaluation';

export type { CloudbaseDb } from './sdk';
export type { OnOp, OpKind } from './operations';

export const COLLECTIONS = {
  campaigns: 'campaigns',
  orgs: 'orgs',
  members: 'members',
  events: 'events',
  registrations: 'registrations',
  checkins: 'checkins',
  scanLog: 'scan_log',
  ratings: 'ratings',
  formProfiles: 'form_profiles',
  ...SUMMARY_COLLECTIONS,
  ...ORGANISING_COLLECTIONS,
  ...REMINDER_COLLECTIONS,
  ...EVALUATION_COLLECTIONS,
  ...REPORTING_COLLECTIONS,
} as const;

/** Event fields `updateEventFields` never writes: the identity and the atomic counters. */
const EVENT_FIXED_FIELDS = ['id', 'campaignId', 'capacity', 'seatsTaken', 'waitingCount', 'checkedIn', 'walkIns'];

export interface CloudbaseStoreOptions {
  /** Called once per database request, before it is sent. */
  onOp?: OnOp;
}

/** How many ids one `_.in(...)` query carries. */
const IN_CHUNK = 100;

type FromDocument<T> = (doc: DbDocument) => T;

interface ListOptions<T> {
  /** At most this many (default: all). */
  max?: number;
  /** Skip this many first (default 0). */
  start?: number;
  /** How a document becomes a domain object (default: `fromDocument`). */
  from?: FromDocument<T>;
  /** Read everything with the count beside the first page and the later pages together (readAllAtOnce). */
  atOnce?: boolean;
}

/** A counter stored as a number, else 0 (missing on events written before it existed). */
function counter(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/**
 * An event document as the domain object: attendance counters defaulted to 0, and a missing
 * entered figure to null (documents written before these fields existed).
 */
export function eventFromDocument(doc: DbDocument): ActivityEvent {
  const event = fromDocument<ActivityEvent>(doc);
  return {
    ...event,
    checkedIn: counter(event.checkedIn),
    walkIns: counter(event.walkIns),
    entered: event.entered ?? null,
  };
}

/**
 * The update of `updateEventFields`: the patch without the fixed fields and without `undefined`
 * values (the SDK drops them: such a field is left unchanged). `null` is written as null. A plain
 * object (the entered figure) is wrapped in `_.set(...)`: the SDK would otherwise flatten it into
 * dotted `$set` paths, which merge into the old value instead of replacing it, fail on a field
 * that holds null, and send nothing at all for `{}`.
 */
export function eventFieldsUpdate(_: DbCommand, patch: EventFieldsPatch): DbUpdate {
  const update: DbUpdate = {};
  for (const [key, value] of Object.entries(toFields(patch))) {
    if (EVENT_FIXED_FIELDS.includes(key)) continue;
    const isPlainObject =
      typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
    update[key] = isPlainObject ? _.set(value) : value;
  }
  return update;
}

export function createCloudbaseStore(db: CloudbaseDb, options: CloudbaseStoreOptions = {}): Store {
  const send = sender(options.onOp);
  const _ = db.command;
  const { campaigns, orgs, members, events, registrations, checkins, scanLog } = COLLECTIONS;

  async function getById<T>(collection: string, id: string, from?: FromDocument<T>): Promise<T | null> {
    const result = await send('read', collection, () => db.collection(collection).doc(id).get());
    if (!from) return firstOrNull<T>(result.data);
    return result.data.length > 0 ? from(result.data[0]) : null;
  }

  async function insert(collection: string, id: string, value: object): Promise<void> {
    await send('write', collection, () => db.collection(collection).add(toNewDocument(id, value)), id);
  }

  /**
   * `where(filter).update(fields)` on one document (`filter` holds its `_id`): true if it matched
   * and changed. Whether `updated` also counts a match the patch leaves unchanged is uncertain
   * (see ./sdk.ts); the use cases' patches always change the status or `updatedAt`. An empty
   * update is not sent (MongoDB refuses an empty $set; CloudBase likely too): a count reports
   * whether the filter matches instead.
   */
  async function updateWhere(collection: string, id: string, filter: DbFilter, fields: DbUpdate): Promise<boolean> {
    const query = db.collection(collection).where(filter);
    if (Object.keys(fields).length === 0) {
      const result = await send('read', collection, () => query.count());
      return result.total === 1;
    }
    const result = await send('write', collection, () => query.update(fields), id);
    return result.updated === 1;
  }

  async function put(collection: string, id: string, value: object): Promise<void> {
    await send('write', collection, () => db.collection(collection).doc(id).set(toFields(value)), id);
  }

  async function increment(collection: string, id: string, field: string, by: number): Promise<void> {
    await send('write', collection, () =>
      db
        .collection(collection)
        .doc(id)
        .update({ [field]: _.inc(by) }),
    );
  }

  async function list<T>(
    collection: string,
    filter: DbFilter,
    order: [string, 'asc' | 'desc'][],
    options: ListOptions<T> = {},
  ): Promise<T[]> {
    const { max, start, from = fromDocument<T> } = options;
    let query = db.collection(collection).where(filter);
    for (const [field, direction] of order) query = query.orderBy(field, direction);
    const docs = options.atOnce
      ? await readAllAtOnce(send, collection, query)
      : await readAll(send, collection, query, max, start);
    return docs.map((doc) => from(doc));
  }

  return {
    /**
     * Runs `work` as it is. CloudBase transactions accept only single-document operations and
     * `add` (a `where(...).update()` inside one runs outside it, per the @cloudbase/database
     * 1.4.3 source), so the conditional updates the use cases rely on cannot join a transaction.
     * The use cases are written for this: each step is atomic on its own, and a step that finds
     * the state changed undoes what the call did before it (e.g. releasing seats it took).
     */
    atomic: (work) => work(),

    getCampaign: (id) => getById<Campaign>(campaigns, id),
    async latestCampaign() {
      const result = await send('read', campaigns, () =>
        db.collection(campaigns).orderBy('weekEnd', 'desc').orderBy('_id', 'asc').limit(1).get(),
      );
      return firstOrNull<Campaign>(result.data);
    },
    listCampaigns: () =>
      list<Campaign>(
        campaigns,
        {},
        [
          ['weekEnd', 'desc'],
          ['_id', 'asc'],
        ],
        { max: CAMPAIGNS_LISTED },
      ),
    putCampaign: (campaign) => put(campaigns, campaign.id, campaign),
    listOrgs: (districtId) => list<Org>(orgs, { districtId }, [['_id', 'asc']]),
    putOrg: (org) => put(orgs, org.id, org),
    getMember: (openid) => getById<Member>(members, openid),
    putMember: (member) => put(members, member.openid, member),

    getEvent: (id) => getById(events, id, eventFromDocument),
    async getEvents(ids) {
      const found = new Map<string, ActivityEvent>();
      const unique = [...new Set(ids)];
      for (let start = 0; start < unique.length; start += IN_CHUNK) {
        const chunk = unique.slice(start, start + IN_CHUNK);
        const docs = await list(events, { _id: _.in(chunk) }, [['_id', 'asc']], {
          from: eventFromDocument,
        });
        for (const event of docs) found.set(event.id, event);
      }
      return ids.map((id) => found.get(id)).filter((e): e is ActivityEvent => e !== undefined);
    },
    listEvents: (campaignId, day) =>
      list(
        events,
        day === undefined ? { campaignId } : { campaignId, day },
        [
          ['startAt', 'asc'],
          ['_id', 'asc'],
        ],
        // Every dashboard and list reads the events: count and pages together (see readAllAtOnce).
        { from: eventFromDocument, atOnce: true },
      ),
    putEvent: (event) => put(events, event.id, event),
    /**
     * One `doc(id).update(fields)`: true when `updated` is 1. A patch that changes nothing (empty
     * once the fixed fields are left out, or equal to what is stored) may report `updated: 0`
     * (see ./sdk.ts); as for the empty patches of `updateWhere`, a count then tells whether the
     * event exists, which is what the answer means (SQLite answers the same).
     */
    async updateEventFields(id, patch) {
      const fields = eventFieldsUpdate(_, patch);
      if (Object.keys(fields).length > 0) {
        const result = await send('write', events, () => db.collection(events).doc(id).update(fields), id);
        if (result.updated === 1) return true;
      }
      const found = await send('read', events, () => db.collection(events).where({ _id: id }).count());
      return found.total === 1;
    },

    async takeSeats(eventId: string, guard: SeatGuard) {
      const filter: DbFilter = {
        _id: eventId,
        capacity: guard.expectedCapacity,
        seatsTaken: _.lte(guard.maxTakenBefore),
        ...(guard.requireEmptyWaitlist ? { waitingCount: 0 } : {}),
      };
      const result = await send('write', events, () =>
        db
          .collection(events)
          .where(filter)
          .update({ seatsTaken: _.inc(guard.party) }),
      );
      return result.updated === 1;
    },
    releaseSeats: (eventId, party) => increment(events, eventId, 'seatsTaken', -party),
    changeWaiting: (eventId, delta) => increment(events, eventId, 'waitingCount', delta),

    insertRegistration: (reg) => insert(registrations, reg.id, reg),
    updateRegistration(id: string, expect: RegistrationExpectation, patch: RegistrationPatch) {
      const filter: DbFilter = {
        _id: id,
        status: expect.status,
        ...(expect.updatedAt !== undefined ? { updatedAt: expect.updatedAt } : {}),
      };
      const { id: _ignoredId, eventId: _ignoredEventId, ...fields } = patch as Partial<Registration>;
      return updateWhere(registrations, id, filter, toFields(fields));
    },
    getRegistration: (id) => getById<Registration>(registrations, id),
    listRegistrationsOfOwner: (ownerId) =>
      list<Registration>(registrations, { ownerId }, [
        ['updatedAt', 'desc'],
        ['_id', 'asc'],
      ]),
    listRegistrationsOfEvent: (eventId) => list<Registration>(registrations, { eventId }, [['_id', 'asc']]),
    listWaitlisted: (eventId, limit) =>
      list<Registration>(
        registrations,
        { eventId, status: 'waitlisted' },
        [
          ['waitTicket', 'asc'],
          ['_id', 'asc'],
        ],
        { max: limit },
      ),
    async countWaitlistedBefore(eventId, waitTicket, id) {
      const filter = _.and(
        { eventId, status: 'waitlisted' },
        _.or({ waitTicket: _.lt(waitTicket) }, { waitTicket, _id: _.lt(id) }),
      );
      const result = await send('read', registrations, () => db.collection(registrations).where(filter).count());
      return result.total ?? 0;
    },

    async changeAttendance(eventId, delta) {
      // Only the counters that move: one atomic update, or no request at all.
      const update: DbUpdate = {};
      if (delta.checkedIn) update.checkedIn = _.inc(delta.checkedIn);
      if (delta.walkIns) update.walkIns = _.inc(delta.walkIns);
      if (Object.keys(update).length === 0) return;
      await send('write', events, () => db.collection(events).doc(eventId).update(update));
    },
    insertCheckin: (checkin) => insert(checkins, checkin.id, checkin),
    getCheckin: (id) => getById<Checkin>(checkins, id),
    updateCheckin(id, expectStatus, patch) {
      const { id: _ignoredId, ...fields } = patch as Partial<Checkin>;
      return updateWhere(checkins, id, { _id: id, status: expectStatus }, toFields(fields));
    },
    listCheckinsOfEvent: (eventId) => list<Checkin>(checkins, { eventId }, [['_id', 'asc']]),
    insertRating: (rating) => insert(COLLECTIONS.ratings, rating.id, rating),
    getRating: (id) => getById<Rating>(COLLECTIONS.ratings, id),
    listRatingsOfEvent: (eventId) => list<Rating>(COLLECTIONS.ratings, { eventId }, [['_id', 'asc']]),
    getFormProfile: (id) => getById<FormProfile>(COLLECTIONS.formProfiles, id),
    putFormProfile: (profile) => put(COLLECTIONS.formProfiles, profile.id, profile),

    insertScanLog: (entry) => insert(scanLog, entry.id, entry),
    getScanLog: (id) => getById<ScanLogEntry>(scanLog, id),
    async listScanLog(eventId, offset, limit) {
      // Two reads, not a snapshot: an entry recorded in between may be counted but not listed.
      // One page at most: the limit is capped at the SDK's 1,000; a limit of 0 reads no page.
      const counted = send('read', scanLog, () => db.collection(scanLog).where({ eventId }).count());
      const listed = list<ScanLogEntry>(
        scanLog,
        { eventId },
        [
          ['recordedAt', 'desc'],
          ['_id', 'asc'],
        ],
        { start: Math.max(0, Math.floor(offset)) || 0, max: Math.min(PAGE_MAX, Math.max(0, Math.floor(limit)) || 0) },
      );
      const [count, entries] = await Promise.all([counted, listed]);
      return { entries, total: count.total ?? 0 };
    },

    ...summaryMethods(db, send),
    ...organisingMethods(db, send, { members, events }),
    ...reminderMethods(db, send),
    ...evaluationMethods(db, send),
    ...reportingMethods(db, send, { orgs, campaigns }),
    ...peopleMethods(db, send),
  };
}
