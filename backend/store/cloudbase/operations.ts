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

/**
 * Every document of `query` like `readAll` from the start, in fewer sequential round trips: the
 * count goes out with the first page, and the pages after it all at once. A list of up to PAGE_MAX
 * documents costs one round trip (two requests) instead of two round trips when the page is full.
 */
export async function readAllAtOnce(send: Send, collection: string, query: DbQuery): Promise<DbDocument[]> {
  const [counted, first] = await Promise.all([
    send('read', collection, () => query.count()),
    send('read', collection, () => query.skip(0).limit(PAGE_MAX).get()),
  ]);
  const total = counted.total ?? 0;
  const pages = [first];
  if (first.data.length === PAGE_MAX && total > PAGE_MAX) {
    const offsets: number[] = [];
    for (let offset = PAGE_MAX; offset < total; offset += PAGE_MAX) offsets.push(offset);
    pages.push(
      ...(await Promise.all(
        offsets.map((offset) => send('read', collection, () => query.skip(offset).limit(PAGE_MAX).get())),
      )),
    );
    // Documents added between the count and the pages: read on from where the pages ended.
    const read = pages.reduce((n, page) => n + page.data.length, 0);
    if (pages[pages.length - 1].data.length === PAGE_MAX)
      pages.push({ data: await readAll(send, collection, query, Number.POSITIVE_INFINITY, read) });
  }
  const docs: DbDocument[] = [];
  const seen = new Set<unknown>();
  for (const doc of pages.flatMap((page) => page.data)) {
    if (seen.has(doc._id)) continue;
    seen.add(doc._id);
    docs.push(doc);
  }
  return docs;
}
