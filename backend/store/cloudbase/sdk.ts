/**
 * The part of the CloudBase database API (`app.database()` from @cloudbase/node-sdk 3.18.3, which
 * returns the `Db` of @cloudbase/database 1.4.3) that the CloudBase store uses, typed structurally
 * so that the adapter never imports the SDK at runtime and tests can hand it an in-memory double.
 * `sdk-check.ts` proves that the real `Db` is assignable to `CloudbaseDb`.
 *
 * Result shapes were read from the SDK sources (dist/commonjs/{query,collection,document}.js and
 * transaction/index.js of @cloudbase/database 1.4.3):
 * - `doc(id).get()` resolves `{ data: [doc] }` (an array, empty when missing); inside a transaction
 *   it resolves `{ data: doc | null }` instead.
 * - `where(...).update()` and `doc(id).update()` resolve `{ updated }`; matching nothing succeeds
 *   with 0. Uncertain: whether `updated` counts matched or actually modified documents (MongoDB's
 *   `nModified`); the store's conditional updates change the document whenever they match, and
 *   where one may not (`updateEventFields`, `setCapacity` with the value already stored) a count
 *   decides, so both readings agree.
 * - `add()` resolves `{ id }`; an existing `_id` fails with code `DATABASE_DUPLICATE_WRITE`.
 * - `get()` sends `limit` 100 when none is set and caps it at 1,000; `count()` resolves `{ total }`.
 * - Errors are thrown as `TcbError { code, message, requestId }` by node-sdk (its default
 *   `throwOnCode`); in its compatibility mode the same object is *returned* instead, which the
 *   adapter also handles. Transport failures throw Node errors with codes such as `ETIMEDOUT`,
 *   `ESOCKETTIMEDOUT` or `ECONNRESET`; a non-200 HTTP answer throws a TcbError whose code is the
 *   numeric status.
 * - `undefined` values are dropped when the SDK serialises a filter or an update (EJSON), and
 *   nested plain objects are flattened into dotted paths (merge, not replace) in both
 *   (serializer/common.js `flatten`, serializer/update.js `encodeUpdateObject`). So in an update
 *   `{ counters: { k: _.inc(1) } }` and `{ 'counters.k': _.inc(1) }` both become
 *   `{ $inc: { 'counters.k': 1 } }`; `{ entered: { participants: 5 } }` becomes
 *   `{ $set: { 'entered.participants': 5 } }` (which MongoDB refuses when `entered` is null), and an
 *   empty object `{ entered: {} }` vanishes. `_.set(value)` is kept whole:
 *   `{ $set: { entered: value } }` replaces the field. `null` values are sent as null.
 */

/** A stored document as the SDK hands it over: the fields plus `_id` (and `_openid` if written by a client). */
export type DbDocument = Record<string, unknown>;

/** A query or logic operator built by `db.command` (`lt`, `lte`, `gt`, `eq`, `in`, `and`, `or`). Opaque. */
export interface DbQueryCommand {
  readonly operator: string;
  readonly operands: unknown;
}

/** An update operator built by `db.command` (`inc`, `set`). Opaque. */
export interface DbUpdateCommand {
  readonly operator: string;
  readonly operands: unknown;
}

/** A `where` argument: field → value or query operator, or a top-level `and`/`or`. */
export type DbFilter = Record<string, unknown> | DbQueryCommand;

/** An update argument: field → new value or update operator. Must not contain `_id`. */
export type DbUpdate = Record<string, unknown>;

export interface DbCommand {
  eq(value: unknown): DbQueryCommand;
  lt(value: unknown): DbQueryCommand;
  lte(value: unknown): DbQueryCommand;
  gt(value: unknown): DbQueryCommand;
  in(values: readonly unknown[]): DbQueryCommand;
  and(...conditions: DbFilter[]): DbQueryCommand;
  or(...conditions: DbFilter[]): DbQueryCommand;
  inc(by: number): DbUpdateCommand;
  /** Replaces the field with `value` as a whole (a plain object is not merged into it). */
  set(value: unknown): DbUpdateCommand;
}

export interface DbGetResult {
  data: DbDocument[];
}

export interface DbCountResult {
  total?: number;
}

export interface DbUpdateResult {
  updated?: number;
}

export interface DbAddResult {
  id?: string;
}

export interface DbRemoveResult {
  deleted?: number | string;
}

/** A query: each builder call returns a new query (the SDK's queries are immutable). */
export interface DbQuery {
  /** Replaces the filter (it does not AND with a previous `where`). */
  where(filter: DbFilter): DbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): DbQuery;
  limit(max: number): DbQuery;
  skip(offset: number): DbQuery;
  get(): Promise<DbGetResult>;
  /** Counts every match; ignores `skip`, `limit` and `orderBy`. */
  count(): Promise<DbCountResult>;
  /** Updates every match (the SDK's default `multiple: true`). */
  update(data: DbUpdate): Promise<DbUpdateResult>;
}

export interface DbDocRef {
  get(): Promise<DbGetResult>;
  /** Replaces the whole document, creating it if missing (upsert). `data` must not contain `_id`. */
  set(data: DbDocument): Promise<DbUpdateResult>;
  update(data: DbUpdate): Promise<DbUpdateResult>;
  remove(): Promise<DbRemoveResult>;
}

export interface DbCollection extends DbQuery {
  doc(id: string): DbDocRef;
  /** Inserts one document; `_id` may be given, and must be new. */
  add(data: DbDocument): Promise<DbAddResult>;
}

export interface DbTransactionDocRef {
  get(): Promise<{ data: DbDocument | null }>;
  set(data: DbDocument): Promise<DbUpdateResult>;
  update(data: DbUpdate): Promise<DbUpdateResult>;
}

/** What a transaction offers: single-document operations and `add` only (no where, count or aggregate). */
export interface DbTransactionCollection {
  doc(id: string): DbTransactionDocRef;
  add(data: DbDocument): Promise<DbAddResult>;
}

export interface DbTransaction {
  collection(name: string): DbTransactionCollection;
}

export interface CloudbaseDb {
  readonly command: DbCommand;
  collection(name: string): DbCollection;
  /**
   * Runs `work` in a server-side transaction and commits when it resolves. An attempt (work or
   * commit) failing with `DATABASE_TRANSACTION_CONFLICT` reruns `work`: the 1.4.3 source allows
   * `times` reruns after the first attempt (default 3). Any other error rolls back and is rethrown.
   * The store itself does not use transactions (see `atomic` in ./index.ts).
   */
  runTransaction<T>(work: (transaction: DbTransaction) => Promise<T>, times?: number): Promise<T>;
}
