/**
 * How the CloudBase store sends one database operation: it reports the operation to the optional
 * `onOp` hook (one call per request, so a benchmark can count reads and writes per use case),
 * awaits it, and maps failures to the port's errors. `readAll` pages through a query.
 */
import type { DbDocument, DbQuery } from './sdk';
import { throwIfErrorResult, toStoreError } from './errors';

export type OpKind = 'read' | 'write';
export type OnOp = (kind: OpKind, collection: string) => void;

/** The SDK's cap on one `get()`; a query without `limit` would get only 100. */
export const PAGE_MAX = 1000;

export type Send = <T>(kind: OpKind, collection: string, request: () => Promise<T>, key?: string) => Promise<T>;

export function sender(onOp?: OnOp): Send {
  return async (kind, collection, request, key) => {
    onOp?.(kind, collection);
    let result;
    try {
      result = await request();
      throwIfErrorResult(result);
    } catch (error) {
      throw toStoreError(error, key ?? collection);
    }
    return result;
  };
}

/**
 * Every document of `query` (which must be ordered by a unique key last, so that pages do not
 * overlap) from position `start`, at most `max`, in pages of PAGE_MAX. Pages are separate reads:
 * a document written between two pages may be missed or seen twice; duplicates are dropped here.
 */
export async function readAll(
  send: Send,
  collection: string,
  query: DbQuery,
  max = Number.POSITIVE_INFINITY,
  start = 0,
): Promise<DbDocument[]> {
  const docs: DbDocument[] = [];
  const seen = new Set<unknown>();
  let offset = start;
  while (docs.length < max) {
    // limit(0) would mean "default" (100) to the SDK: never send it.
    const want = Math.min(PAGE_MAX, max - docs.length);
    const page = await send('read', collection, () => query.skip(offset).limit(want).get());
    for (const doc of page.data) {
      if (seen.has(doc._id)) continue;
      seen.add(doc._id);
      docs.push(doc);
    }
    if (page.data.length < want) break;
    offset += page.data.length;
  }
  return docs;
}
