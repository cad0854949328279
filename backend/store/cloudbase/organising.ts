/**
 * "Organising the week" in CloudBase (see that section of ../port.ts): staff bindings, event
 * capacity, invitations, notices to residents and the setup audit log. One request per method,
 * except paging through long lists and the count that tells a no-op `setCapacity` from a refusal.
 *
 * - `members`: `_id` = openid. `listMembers` pages through `where({ districtId })` by `_id`;
 *   `removeMember` is `doc(openid).remove()` (a missing member is removed without complaint).
 * - `events.capacity`: one conditional update whose filter holds the guard, so it cannot be split
 *   from a concurrent `takeSeats` (whose own filter holds the capacity it expects):
 *   `where({ _id, seatsTaken: _.lte(capacity) }).update({ capacity })`, and for `null` (no sign-up
 *   needed) `where({ _id, seatsTaken: 0 }).update({ capacity: null })`.
 * - `invites`: `_id` = code, inserted with `add` (an existing code fails with
 *   DATABASE_DUPLICATE_WRITE). Using and revoking are conditional on `usedBy: null, revokedAt: null`
 *   (null also matches a missing field), so of concurrent uses exactly one matches; expiry is the
 *   use case's business.
 * - `notices`: `_id` = id; marked read once, conditional on `ownerId` and `readAt: null`.
 * - `audit`: `_id` = id, inserted with `add`; listed newest first with a total from `count()`.
 *
 * Indexes: members (districtId, _id); invites (districtId, createdAt); notices (ownerId,
 * createdAt); audit (districtId, at). All ADMINONLY like the other collections.
 */
import type { AuditRecord, Invite, Member, Notice } from '../../../types/domain';
import type { Store } from '../port';
import { fromDocument, toNewDocument } from './documents';
import { PAGE_MAX, type Send, readAll } from './operations';
import type { CloudbaseDb, DbFilter, DbUpdate } from './sdk';

export const ORGANISING_COLLECTIONS = {
  invites: 'invites',
  notices: 'notices',
  audit: 'audit',
} as const;

type OrganisingMethods = Pick<
  Store,
  | 'listMembers'
  | 'removeMember'
  | 'setCapacity'
  | 'insertInvite'
  | 'getInvite'
  | 'useInvite'
  | 'revokeInvite'
  | 'listInvites'
  | 'insertNotice'
  | 'listNotices'
  | 'markNoticeRead'
  | 'insertAudit'
  | 'listAudit'
>;

/** A count or offset as a whole number ≥ 0 (NaN and negatives become 0). */
function wholeNumber(value: number): number {
  return Math.max(0, Math.floor(value)) || 0;
}

/** `members` and `events` are named by the caller (they belong to the main COLLECTIONS). */
export function organisingMethods(
  db: CloudbaseDb,
  send: Send,
  names: { members: string; events: string },
): OrganisingMethods {
  const _ = db.command;
  const { members, events } = names;
  const { invites, notices, audit } = ORGANISING_COLLECTIONS;

  async function insert(collection: string, id: string, value: object): Promise<void> {
    await send('write', collection, () => db.collection(collection).add(toNewDocument(id, value)), id);
  }

  async function getById<T>(collection: string, id: string): Promise<T | null> {
    const result = await send('read', collection, () => db.collection(collection).doc(id).get());
    return result.data.length > 0 ? fromDocument<T>(result.data[0]) : null;
  }

  /** `where(filter).update(fields)` on the one document whose `_id` the filter holds. */
  async function updateWhere(collection: string, id: string, filter: DbFilter, fields: DbUpdate): Promise<boolean> {
    const result = await send('write', collection, () => db.collection(collection).where(filter).update(fields), id);
    return result.updated === 1;
  }

  async function list<T>(
    collection: string,
    filter: DbFilter,
    order: [string, 'asc' | 'desc'][],
    max?: number,
    start?: number,
  ): Promise<T[]> {
    let query = db.collection(collection).where(filter);
    for (const [field, direction] of order) query = query.orderBy(field, direction);
    const docs = await readAll(send, collection, query, max, start);
    return docs.map((doc) => fromDocument<T>(doc));
  }

  return {
    listMembers: (districtId) => list<Member>(members, { districtId }, [['_id', 'asc']]),
    async removeMember(openid) {
      await send('write', members, () => db.collection(members).doc(openid).remove(), openid);
    },

    /**
     * One conditional update. `updated` may count only documents actually changed (see ./sdk.ts),
     * so setting the capacity the event already has may answer 0 although the guard holds; only
     * then a count asks whether the event now has this capacity with the guard holding (a count
     * without the capacity could say yes for an update refused a moment before seats were freed).
     */
    async setCapacity(eventId, capacity) {
      const guard: DbFilter =
        capacity === null ? { _id: eventId, seatsTaken: 0 } : { _id: eventId, seatsTaken: _.lte(capacity) };
      if (await updateWhere(events, eventId, guard, { capacity })) return true;
      const found = await send('read', events, () =>
        db
          .collection(events)
          .where({ ...guard, capacity })
          .count(),
      );
      return found.total === 1;
    },

    insertInvite: (invite) => insert(invites, invite.code, invite),
    getInvite: (code) => getById<Invite>(invites, code),
    useInvite: (code, openid, at) =>
      updateWhere(invites, code, { _id: code, usedBy: null, revokedAt: null }, { usedBy: openid, usedAt: at }),
    revokeInvite: (code, at) =>
      updateWhere(invites, code, { _id: code, usedBy: null, revokedAt: null }, { revokedAt: at }),
    listInvites: (districtId) =>
      list<Invite>(invites, { districtId }, [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ]),

    insertNotice: (notice) => insert(notices, notice.id, notice),
    listNotices: (ownerId, limit) =>
      list<Notice>(
        notices,
        { ownerId },
        [
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        wholeNumber(limit),
      ),
    markNoticeRead: (id, ownerId, at) => updateWhere(notices, id, { _id: id, ownerId, readAt: null }, { readAt: at }),

    insertAudit: (record) => insert(audit, record.id, record),
    async listAudit(districtId, offset, limit) {
      // Two reads, not a snapshot: a record written in between may be counted but not listed.
      // One page at most: the limit is capped at the SDK's 1,000; a limit of 0 reads no page.
      const counted = send('read', audit, () => db.collection(audit).where({ districtId }).count());
      const listed = list<AuditRecord>(
        audit,
        { districtId },
        [
          ['at', 'desc'],
          ['_id', 'asc'],
        ],
        Math.min(PAGE_MAX, wholeNumber(limit)),
        wholeNumber(offset),
      );
      const [count, records] = await Promise.all([counted, listed]);
      return { records, total: count.total ?? 0 };
    },
  };
}
