/**
 * The production store: CloudBase's document database, through the `CloudbaseDb` subset of the
 * node-sdk API (pass `app.database()`). Every port method is one database request (or one per
 * page of 1,000 for lists), and every write that must be race-free is a single conditional,
 * atomic update on one document:
 * - seats: `where({ _id, capacity, seatsTaken: lte(max) [, waitingCount: 0] }).update({ seatsTaken: inc(party) })`
 *   is MongoDB single-document atomic, so the guard and the increment cannot be split by another
 *   caller (`updated` is 1 if the guard held, 0 otherwise);
 * - registrations: a deterministic `_id` inserted with `add` (a repeat fails with
 *   DATABASE_DUPLICATE_WRITE), then changes conditional on `status` and `updatedAt` in the filter.
 *
 * Indexes to create in the console (queries below filter and sort on them):
 * registrations (eventId, status, waitTicket, _id), (ownerId, updatedAt), (eventId, _id);
 * events (campaignId, day, startAt, _id); campaigns (weekEnd); orgs (districtId, _id).
 */
import type { ActivityEvent, Campaign, Member, Org, Registration } from '../../../types/domain';
import type { SeatGuard } from '../../core/seats';
import type { RegistrationExpectation, RegistrationPatch, Store } from '../port';
import { firstOrNull, fromDocument, toFields, toNewDocument } from './documents';
import { type OnOp, readAll, sender } from './operations';
import type { CloudbaseDb, DbFilter } from './sdk';

export type { CloudbaseDb } from './sdk';
export type { OnOp, OpKind } from './operations';

export const COLLECTIONS = {
  campaigns: 'campaigns',
  orgs: 'orgs',
  members: 'members',
  events: 'events',
  registrations: 'registrations',
} as const;

export interface CloudbaseStoreOptions {
  /** Called once per database request, before it is sent. */
  onOp?: OnOp;
}

/** How many ids one `_.in(...)` query carries. */
const IN_CHUNK = 100;

export function createCloudbaseStore(db: CloudbaseDb, options: CloudbaseStoreOptions = {}): Store {
  const send = sender(options.onOp);
  const _ = db.command;
  const { campaigns, orgs, members, events, registrations } = COLLECTIONS;

  async function getById<T>(collection: string, id: string): Promise<T | null> {
    const result = await send('read', collection, () => db.collection(collection).doc(id).get());
    return firstOrNull<T>(result.data);
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
    max?: number,
  ): Promise<T[]> {
    let query = db.collection(collection).where(filter);
    for (const [field, direction] of order) query = query.orderBy(field, direction);
    const docs = await readAll(send, collection, query, max);
    return docs.map((doc) => fromDocument<T>(doc));
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
    putCampaign: (campaign) => put(campaigns, campaign.id, campaign),
    listOrgs: (districtId) => list<Org>(orgs, { districtId }, [['_id', 'asc']]),
    putOrg: (org) => put(orgs, org.id, org),
    getMember: (openid) => getById<Member>(members, openid),
    putMember: (member) => put(members, member.openid, member),

    getEvent: (id) => getById<ActivityEvent>(events, id),
    async getEvents(ids) {
      const found = new Map<string, ActivityEvent>();
      const unique = [...new Set(ids)];
      for (let start = 0; start < unique.length; start += IN_CHUNK) {
        const chunk = unique.slice(start, start + IN_CHUNK);
        const docs = await list<ActivityEvent>(events, { _id: _.in(chunk) }, [['_id', 'asc']]);
        for (const event of docs) found.set(event.id, event);
      }
      return ids.map((id) => found.get(id)).filter((e): e is ActivityEvent => e !== undefined);
    },
    listEvents: (campaignId, day) =>
      list<ActivityEvent>(events, day === undefined ? { campaignId } : { campaignId, day }, [
        ['startAt', 'asc'],
        ['_id', 'asc'],
      ]),
    putEvent: (event) => put(events, event.id, event),

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

    async insertRegistration(reg) {
      await send('write', registrations, () => db.collection(registrations).add(toNewDocument(reg.id, reg)), reg.id);
    },
    async updateRegistration(id: string, expect: RegistrationExpectation, patch: RegistrationPatch) {
      const filter: DbFilter = {
        _id: id,
        status: expect.status,
        ...(expect.updatedAt !== undefined ? { updatedAt: expect.updatedAt } : {}),
      };
      const { id: _ignoredId, eventId: _ignoredEventId, ...fields } = patch as Partial<Registration>;
      const update = toFields(fields);
      const query = db.collection(registrations).where(filter);
      if (Object.keys(update).length === 0) {
        // Nothing to write (MongoDB refuses an empty $set; CloudBase likely too): report whether it matches.
        const result = await send('read', registrations, () => query.count());
        return result.total === 1;
      }
      const result = await send('write', registrations, () => query.update(update), id);
      return result.updated === 1;
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
        limit,
      ),
    async countWaitlistedBefore(eventId, waitTicket, id) {
      const filter = _.and(
        { eventId, status: 'waitlisted' },
        _.or({ waitTicket: _.lt(waitTicket) }, { waitTicket, _id: _.lt(id) }),
      );
      const result = await send('read', registrations, () => db.collection(registrations).where(filter).count());
      return result.total ?? 0;
    },
  };
}
