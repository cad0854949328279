/**
 * Evaluation records in CloudBase (see that section of ../port.ts).
 *
 * - `samples`, `evaluation_sheets`, `nominations`: `_id` = id, inserted with `add` (an existing
 *   id fails with DATABASE_DUPLICATE_WRITE).
 * - A versioned replace is one conditional update `where({ _id, version: v - 1 }).update(...)`
 *   with every object and array field wrapped in `_.set(...)` so it replaces the old value whole
 *   (the SDK would otherwise flatten it into dotted paths that merge); single-document atomic,
 *   so of two reviewers acting on the same version exactly one matches.
 * - `honour_kinds`: `doc(id).set(...)`.
 *
 * Indexes: samples (campaignId, drawnAt); evaluation_sheets (campaignId, updatedAt);
 * honour_kinds (campaignId, _id); nominations (campaignId, createdAt). All ADMINONLY.
 */
import type { EvaluationSheet, HonourKind, Nomination, SatisfactionSample } from '../../../types/awards';
import type { EvaluationPort } from '../port';
import { fromDocument, toFields, toNewDocument } from './documents';
import { type Send, readAll } from './operations';
import type { CloudbaseDb, DbUpdate } from './sdk';

export const EVALUATION_COLLECTIONS = {
  samples: 'samples',
  evaluationSheets: 'evaluation_sheets',
  honourKinds: 'honour_kinds',
  nominations: 'nominations',
} as const;

type EvaluationMethods = EvaluationPort;

export function evaluationMethods(db: CloudbaseDb, send: Send): EvaluationMethods {
  const _ = db.command;
  const { samples, evaluationSheets, honourKinds, nominations } = EVALUATION_COLLECTIONS;

  async function insert(collection: string, value: { id: string }): Promise<void> {
    await send('write', collection, () => db.collection(collection).add(toNewDocument(value.id, value)), value.id);
  }
  async function getById<T>(collection: string, id: string): Promise<T | null> {
    const result = await send('read', collection, () => db.collection(collection).doc(id).get());
    return result.data.length > 0 ? fromDocument<T>(result.data[0]) : null;
  }
  async function replace(collection: string, value: { id: string; version: number }): Promise<boolean> {
    const update: DbUpdate = {};
    for (const [key, field] of Object.entries(toFields(value))) {
      update[key] = typeof field === 'object' && field !== null ? _.set(field) : field;
    }
    const result = await send(
      'write',
      collection,
      () =>
        db
          .collection(collection)
          .where({ _id: value.id, version: value.version - 1 })
          .update(update),
      value.id,
    );
    return result.updated === 1;
  }
  async function list<T>(collection: string, campaignId: string, field: string, order: 'asc' | 'desc'): Promise<T[]> {
    const query = db.collection(collection).where({ campaignId }).orderBy(field, order).orderBy('_id', 'asc');
    return (await readAll(send, collection, query)).map((doc) => fromDocument<T>(doc));
  }

  return {
    insertSample: (sample) => insert(samples, sample),
    getSample: (id) => getById<SatisfactionSample>(samples, id),
    listSamples: (campaignId) => list<SatisfactionSample>(samples, campaignId, 'drawnAt', 'desc'),
    insertEvaluationSheet: (sheet) => insert(evaluationSheets, sheet),
    replaceEvaluationSheet: (sheet) => replace(evaluationSheets, sheet),
    getEvaluationSheet: (id) => getById<EvaluationSheet>(evaluationSheets, id),
    listEvaluationSheets: (campaignId) => list<EvaluationSheet>(evaluationSheets, campaignId, 'updatedAt', 'asc'),
    async putHonourKind(kind) {
      await send('write', honourKinds, () => db.collection(honourKinds).doc(kind.id).set(toFields(kind)), kind.id);
    },
    listHonourKinds: (campaignId) => list<HonourKind>(honourKinds, campaignId, '_id', 'asc'),
    insertNomination: (nomination) => insert(nominations, nomination),
    replaceNomination: (nomination) => replace(nominations, nomination),
    getNomination: (id) => getById<Nomination>(nominations, id),
    listNominations: (campaignId) => list<Nomination>(nominations, campaignId, 'createdAt', 'asc'),
  };
}
