/**
 * Reminders in CloudBase (see "Reminders" in ../port.ts): subscription credits and the record of
 * each reminder.
 *
 * - `credits`: one document per (openid, kind), `_id` = `${openid}|${kind}`, fields `openid`,
 *   `kind`, `n`. `addCredits` is `doc(id).update({ n: _.inc(n) })`, which reports `updated: 0` only
 *   when the document does not exist yet (a non-zero `$inc` always changes it); then the document
 *   is inserted with `add`, and if someone else inserted it in between (DATABASE_DUPLICATE_WRITE)
 *   the update is sent once more. `takeCredit` is ONE conditional update
 *   `where({ _id, n: _.gt(0) }).update({ n: _.inc(-1) })`: MongoDB single-document atomic, so of
 *   concurrent takers at most `n` match and the count never goes below 0.
 * - `reminders`: `_id` = the record's id (`${kind}|${registrationId}`), inserted with `add`, so a
 *   reminder handled before fails with DATABASE_DUPLICATE_WRITE (→ DuplicateKeyError).
 *   `putReminder` replaces the whole record with its outcome, `doc(id).set(fields)` (which also
 *   creates it if missing, like SQLite's INSERT OR REPLACE). Listed per
 *   owner newest first (`at` desc, then `_id`), one page of at most 1,000.
 *
 * Indexes: credits none beyond `_id`; reminders (ownerId, at). Both ADMINONLY like the others.
 */
import type { MessageKind, ReminderRecord } from '../../../types/domain';
import { DuplicateKeyError, type Store, StoreTransientError } from '../port';
import { fromDocument, toFields, toNewDocument } from './documents';
import { PAGE_MAX, type Send, readAll } from './operations';
import type { CloudbaseDb } from './sdk';

export const REMINDER_COLLECTIONS = {
  credits: 'credits',
  reminders: 'reminders',
} as const;

type ReminderMethods = Pick<
  Store,
  'addCredits' | 'takeCredit' | 'getCredits' | 'insertReminder' | 'putReminder' | 'listReminders'
>;

export function creditId(openid: string, kind: MessageKind): string {
  return `${openid}|${kind}`;
}

/** Throws unless `n` is a whole number ≥ 0 (credits are granted one per acceptance). */
function checkCreditCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid credit count ${n}: a whole number ≥ 0`);
}

export function reminderMethods(db: CloudbaseDb, send: Send): ReminderMethods {
  const _ = db.command;
  const { credits, reminders } = REMINDER_COLLECTIONS;

  async function incrementCredits(id: string, n: number): Promise<boolean> {
    const result = await send(
      'write',
      credits,
      () =>
        db
          .collection(credits)
          .doc(id)
          .update({ n: _.inc(n) }),
      id,
    );
    return result.updated === 1;
  }

  return {
    async addCredits(openid, kind, n) {
      checkCreditCount(n);
      // Adding nothing changes nothing: a missing document already reads as 0.
      if (n === 0) return;
      const id = creditId(openid, kind);
      if (await incrementCredits(id, n)) return;
      // No credits document yet: create it holding n.
      try {
        await send('write', credits, () => db.collection(credits).add({ _id: id, openid, kind, n }), id);
        return;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
      }
      // Someone else created it meanwhile: it exists now, so the update applies.
      if (await incrementCredits(id, n)) return;
      throw new StoreTransientError('conflict');
    },

    async takeCredit(openid, kind) {
      const id = creditId(openid, kind);
      const result = await send(
        'write',
        credits,
        () =>
          db
            .collection(credits)
            .where({ _id: id, n: _.gt(0) })
            .update({ n: _.inc(-1) }),
        id,
      );
      return result.updated === 1;
    },

    async getCredits(openid, kind) {
      const id = creditId(openid, kind);
      const result = await send('read', credits, () => db.collection(credits).doc(id).get(), id);
      const n = result.data[0]?.n;
      return typeof n === 'number' ? n : 0;
    },

    async insertReminder(record) {
      await send('write', reminders, () => db.collection(reminders).add(toNewDocument(record.id, record)), record.id);
    },

    async putReminder(record) {
      await send('write', reminders, () => db.collection(reminders).doc(record.id).set(toFields(record)), record.id);
    },

    async listReminders(ownerId, limit) {
      // One page at most: the limit is capped at the SDK's 1,000; a limit of 0 reads no page.
      const max = Math.min(PAGE_MAX, Math.max(0, Math.floor(limit)) || 0);
      const query = db.collection(reminders).where({ ownerId }).orderBy('at', 'desc').orderBy('_id', 'asc');
      const docs = await readAll(send, reminders, query, max);
      return docs.map((doc) => fromDocument<ReminderRecord>(doc));
    },
  };
}
