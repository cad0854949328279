/**
 * Domain objects ↔ CloudBase documents. A document is the domain object itself, stored under
 * `_id` = the domain id (the openid for members). The system fields `_id` and `_openid` are
 * dropped on the way back, and `undefined` fields are dropped on the way in (the SDK's EJSON
 * serialisation drops them too, so dropping them here keeps the double and the cloud alike).
 */
import type { DbDocument } from './sdk';

const SYSTEM_FIELDS = new Set(['_id', '_openid']);

/** The fields to write with `doc(id).set(...)`: the SDK refuses a `_id` in them. */
export function toFields(value: object): DbDocument {
  const fields: DbDocument = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined && !SYSTEM_FIELDS.has(key)) fields[key] = field;
  }
  return fields;
}

/** The document to insert with `add(...)`. */
export function toNewDocument(id: string, value: object): DbDocument {
  return { _id: id, ...toFields(value) };
}

export function fromDocument<T>(doc: DbDocument): T {
  const value: DbDocument = {};
  for (const [key, field] of Object.entries(doc)) {
    if (!SYSTEM_FIELDS.has(key)) value[key] = field;
  }
  return value as T;
}

export function firstOrNull<T>(docs: readonly DbDocument[]): T | null {
  return docs.length > 0 ? fromDocument<T>(docs[0]) : null;
}
