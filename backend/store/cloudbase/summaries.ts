/**
 * Summary counters of a campaign in CloudBase (see "Summary counters of a campaign" in ../port.ts).
 *
 * - `summaries`: ONE document per campaign, `_id` = campaignId, `{ counters: { [key]: number } }`.
 *   A bump is one `doc(campaignId).update({ 'counters.<key>': _.inc(n), … })`: the SDK sends it as
 *   `{ $inc: { 'counters.<key>': n, … } }` (serializer/update.js of @cloudbase/database 1.4.3), so
 *   every key moves atomically in one single-document update and the other counters are kept. It
 *   reports `updated: 0` only when the document does not exist yet (a non-zero `$inc` always
 *   changes it); then the deltas are inserted with `add`, and if someone else inserted the
 *   document in between (DATABASE_DUPLICATE_WRITE) the update is sent once more. Keys are field
 *   names under `counters`: a '.' would make a deeper path and a leading '$' is refused by the
 *   database, so both are rejected before anything is sent.
 * - `visits`: one document per (campaign, marker), `_id` = `${campaignId}|${marker}`, fields
 *   `campaignId`, `marker`, `visits`. CloudBase has no find-and-modify (an update answers only how
 *   many documents it changed), so `addVisit` learns the count after from a conditional update
 *   that tells it (0 → 1, 1 → 0) and otherwise reads the document back after an `inc`.
 *
 * Indexes: visits (campaignId, _id). Both collections ADMINONLY, like the others.
 */
import { DuplicateKeyError, type Store, StoreTransientError } from '../port';
import { type Send, readAll } from './operations';
import type { CloudbaseDb, DbDocument, DbUpdate } from './sdk';

export const SUMMARY_COLLECTIONS = {
  summaries: 'summaries',
  visits: 'visits',
} as const;

/** How many times `addVisit(-1)` starts over when its conditional updates keep missing. */
const DECREMENT_ROUNDS = 3;

type SummaryMethods = Pick<Store, 'bumpCounters' | 'readCounters' | 'addVisit' | 'listVisits'>;

/** Throws unless `key` can be a field name directly under `counters`. */
export function checkCounterKey(key: string): void {
  if (key === '' || key.includes('.') || key.startsWith('$')) {
    throw new Error(`invalid counter key ${JSON.stringify(key)}: non-empty, no '.', no leading '$'`);
  }
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function summaryMethods(db: CloudbaseDb, send: Send): SummaryMethods {
  const _ = db.command;
  const { summaries, visits } = SUMMARY_COLLECTIONS;

  function visitId(campaignId: string, marker: string): string {
    return `${campaignId}|${marker}`;
  }

  async function incrementCounters(campaignId: string, update: DbUpdate): Promise<boolean> {
    const result = await send('write', summaries, () => db.collection(summaries).doc(campaignId).update(update));
    return result.updated === 1;
  }

  /** The document's visit count as read now (0 if missing). */
  async function readVisits(id: string): Promise<{ exists: boolean; visits: number }> {
    const result = await send('read', visits, () => db.collection(visits).doc(id).get());
    const doc = result.data[0];
    return { exists: doc !== undefined, visits: numberOr0(doc?.visits) };
  }

  /** `where({ _id, visits: expect }).update(fields)`: true if it matched and changed. */
  async function updateVisitsWhere(id: string, expect: unknown, fields: DbUpdate): Promise<boolean> {
    const result = await send(
      'write',
      visits,
      () => db.collection(visits).where({ _id: id, visits: expect }).update(fields),
      id,
    );
    return result.updated === 1;
  }

  async function increase(campaignId: string, marker: string): Promise<number> {
    const id = visitId(campaignId, marker);
    try {
      await send('write', visits, () => db.collection(visits).add({ _id: id, campaignId, marker, visits: 1 }), id);
      return 1;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    // The marker exists: 0 → 1 tells by itself that the count became 1.
    if (await updateVisitsWhere(id, 0, { visits: 1 })) return 1;
    await send('write', visits, () =>
      db
        .collection(visits)
        .doc(id)
        .update({ visits: _.inc(1) }),
    );
    // Read back: under a race the value may already include someone else's increment (or
    // decrement), so it is the count at the time of the read, not necessarily right after ours.
    // The use cases only ask whether the count became 1 (or 0); here it was at least 1 before our
    // increment, so a concurrent decrement is the only way to misreport, and reconciliation
    // (listVisits) repairs a summary counter a race got wrong.
    return (await readVisits(id)).visits;
  }

  async function decrease(campaignId: string, marker: string): Promise<number> {
    const id = visitId(campaignId, marker);
    for (let round = 0; round < DECREMENT_ROUNDS; round++) {
      // 1 → 0 tells by itself that the count became 0.
      if (await updateVisitsWhere(id, 1, { visits: 0 })) return 0;
      if (await updateVisitsWhere(id, _.gt(1), { visits: _.inc(-1) })) {
        // Read back, with the same caveat as for an increase.
        return (await readVisits(id)).visits;
      }
      // Neither matched: the count is 0 or missing (never go below 0) — or it moved between the
      // two updates (e.g. 2 → 1 by another caller), in which case start over.
      const now = await readVisits(id);
      if (now.visits <= 0) return 0;
    }
    throw new StoreTransientError('conflict');
  }

  return {
    async bumpCounters(campaignId, deltas) {
      const moving: Record<string, number> = {};
      const update: DbUpdate = {};
      for (const [key, delta] of Object.entries(deltas)) {
        checkCounterKey(key);
        if (delta === 0) continue;
        moving[key] = delta;
        update[`counters.${key}`] = _.inc(delta);
      }
      if (Object.keys(update).length === 0) return;
      if (await incrementCounters(campaignId, update)) return;
      // No summary document yet: create it holding the deltas.
      try {
        await send(
          'write',
          summaries,
          () => db.collection(summaries).add({ _id: campaignId, counters: moving }),
          campaignId,
        );
        return;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
      // Someone else created it meanwhile: it exists now, so the update applies.
      if (await incrementCounters(campaignId, update)) return;
      throw new StoreTransientError('conflict');
    },

    async readCounters(campaignId) {
      const result = await send('read', summaries, () => db.collection(summaries).doc(campaignId).get());
      const counters = result.data[0]?.counters;
      if (typeof counters !== 'object' || counters === null) return {};
      const read: Record<string, number> = {};
      for (const [key, value] of Object.entries(counters as DbDocument)) {
        if (typeof value === 'number') read[key] = value;
      }
      return read;
    },

    addVisit: (campaignId, marker, delta) =>
      delta === 1 ? increase(campaignId, marker) : decrease(campaignId, marker),

    async listVisits(campaignId) {
      const query = db.collection(visits).where({ campaignId }).orderBy('_id', 'asc');
      const docs = await readAll(send, visits, query);
      const listed: Record<string, number> = {};
      for (const doc of docs) listed[String(doc.marker)] = numberOr0(doc.visits);
      return listed;
    },
  };
}
