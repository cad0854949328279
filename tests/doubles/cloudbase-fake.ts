/**
 * TEST DOUBLE — never used by the product. An in-memory stand-in for exactly the `CloudbaseDb`
 * surface (backend/store/cloudbase/sdk.ts), reproducing the CloudBase behaviour the store
 * relies on, as read from @cloudbase/database 1.4.3 and node-sdk 3.18.3:
 * - `update` resolves `{ updated }`; matching nothing succeeds with 0. `updated` counts documents
 *   actually changed (MongoDB's nModified), the stricter of the two possible readings;
 * - updates merge like the SDK's flattened `$set`/`$inc`: dotted keys and nested objects address
 *   sub-fields (creating missing parents, failing on a null or scalar parent like MongoDB),
 *   `_.set(value)` replaces a field whole, `null` is written;
 * - `add` of an existing `_id` throws `{ code: 'DATABASE_DUPLICATE_WRITE' }`;
 * - `get` returns 100 documents without `limit`, at most 1,000 with it; `count` ignores paging;
 * - `doc(id).get()` resolves `{ data: [] | [doc] }`, and `{ data: doc | null }` in a transaction;
 * - `runTransaction` offers doc operations and `add` only. It is optimistic: a document read or
 *   written in the transaction that someone else changed before commit fails the commit with
 *   `DATABASE_TRANSACTION_CONFLICT`, and the work is rerun up to `times` more times (as the SDK
 *   source does). Real CloudBase (MongoDB snapshot isolation) may detect fewer conflicts.
 *
 * Every operation first yields to the event loop (setImmediate) and then runs synchronously, so
 * concurrent callers interleave between operations while each operation is atomic. Documents
 * are deep-copied in and out (JSON round trip, which drops `undefined` like the SDK's EJSON).
 * `failNext` injects faults (e.g. a conflict or a timeout) into chosen operations.
 */
import type {
  CloudbaseDb,
  DbAddResult,
  DbCollection,
  DbCountResult,
  DbDocRef,
  DbDocument,
  DbFilter,
  DbGetResult,
  DbQuery,
  DbRemoveResult,
  DbTransaction,
  DbTransactionCollection,
  DbTransactionDocRef,
  DbUpdate,
  DbUpdateResult,
} from '../../backend/store/cloudbase/sdk';
import {
  FakeSdkError,
  applyUpdate,
  clone,
  fakeCommand,
  hasUpdateCommand,
  isPlainObject,
  matches,
  sortDocuments,
} from './cloudbase-fake-query';

export { FakeSdkError } from './cloudbase-fake-query';

export type FakeOp = 'get' | 'count' | 'update' | 'set' | 'add' | 'remove' | 'commit';

export interface FaultSpec {
  op: FakeOp;
  /** Only operations on this collection (any collection if omitted; a commit has none). */
  collection?: string;
  /** What the operation throws, e.g. `sdkError('DATABASE_TRANSACTION_CONFLICT')` or `networkError('ETIMEDOUT')`. */
  error: unknown;
  /** 'before' (default): fails without effect. 'after': takes effect, then fails (a timed-out write). */
  when?: 'before' | 'after';
  /** How many matching operations fail (default 1). */
  times?: number;
}

export interface FakeOpRecord {
  op: FakeOp;
  collection: string;
  inTransaction: boolean;
}

export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;

/** An error shaped like node-sdk's TcbError for a database error code. */
export function sdkError(code: string, message = code): FakeSdkError {
  return new FakeSdkError(code, message);
}

/** An error shaped like a Node transport failure of the SDK's HTTP client. */
export function networkError(code: 'ETIMEDOUT' | 'ESOCKETTIMEDOUT' | 'ECONNRESET' | 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`fake ${code}`), { code });
}

interface Stored {
  doc: DbDocument;
  /** Changes on every write; a missing document has version 0. */
  version: number;
}

interface QueryState {
  filter?: DbFilter;
  order: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
}

export class CloudbaseFake implements CloudbaseDb {
  readonly command = fakeCommand;
  /** Every operation that reached the database, in order. */
  readonly ops: FakeOpRecord[] = [];
  private readonly tables = new Map<string, Map<string, Stored>>();
  private faults: (FaultSpec & { left: number })[] = [];
  /**
   * Milliseconds each operation waits before it takes effect (0: only a setImmediate yield), so a
   * benchmark can see the latency a user would feel from sequential network round trips.
   */
  latencyMs = 0;
  /**
   * Dependent depth of the operations so far: an operation started after operations of depth d
   * completed has depth d + 1; operations issued together (e.g. with Promise.all) share a depth.
   * The difference of `roundTrips` before and after a use case is its sequential round trips.
   */
  roundTrips = 0;
  private clock = 0;
  private ids = 0;

  collection(name: string): DbCollection {
    return new FakeCollection(this, name);
  }

  async runTransaction<T>(work: (transaction: DbTransaction) => Promise<T>, times = 3): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const transaction = new FakeTransaction(this);
      try {
        const result = await work(transaction);
        await transaction.commit();
        return result;
      } catch (error) {
        const conflict = (error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
        if (!conflict || attempt >= times) throw error;
      }
    }
  }

  /** Makes the next matching operation(s) fail. */
  failNext(spec: FaultSpec): void {
    this.faults.push({ ...spec, left: spec.times ?? 1 });
  }

  /** Inserts documents directly (no operation, no yield). Each needs a string `_id`. */
  seed(collection: string, docs: DbDocument[]): void {
    for (const doc of docs) {
      if (typeof doc._id !== 'string') throw new Error('seed: _id required');
      if (this.table(collection).has(doc._id)) throw new Error(`seed: duplicate ${doc._id}`);
      this.write(collection, doc._id, clone(doc));
    }
  }

  /** A copy of every document of a collection, by `_id`. */
  dump(collection: string): DbDocument[] {
    return sortDocuments(
      [...this.table(collection).values()].map((s) => clone(s.doc)),
      { _id: 1 },
    );
  }

  // ---- internals shared by queries, documents and transactions ----

  /** @internal Runs one operation: yield, log, inject faults, then apply `apply` atomically. */
  async perform<T>(op: FakeOp, collection: string, inTransaction: boolean, apply: () => T): Promise<T> {
    const depth = this.roundTrips + 1;
    if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
    else await new Promise<void>((resolve) => setImmediate(resolve));
    this.roundTrips = Math.max(this.roundTrips, depth);
    this.ops.push({ op, collection, inTransaction });
    const fault = this.takeFault(op, collection);
    if (fault && fault.when !== 'after') throw fault.error;
    const result = apply();
    if (fault) throw fault.error;
    return result;
  }

  /** @internal */
  table(name: string): Map<string, Stored> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  /** @internal */
  version(collection: string, id: string): number {
    return this.table(collection).get(id)?.version ?? 0;
  }

  /** @internal Stores (or with `null` deletes) a document, giving it a new version. */
  write(collection: string, id: string, doc: DbDocument | null): void {
    if (doc === null) this.table(collection).delete(id);
    else this.table(collection).set(id, { doc: { ...doc, _id: id }, version: ++this.clock });
  }

  /** @internal */
  newId(): string {
    return (++this.ids).toString(16).padStart(32, '0');
  }

  /** @internal */
  select(collection: string, state: QueryState): DbDocument[] {
    const found = [...this.table(collection).values()].map((s) => s.doc).filter((doc) => matches(doc, state.filter));
    return sortDocuments(found, state.order);
  }

  private takeFault(op: FakeOp, collection: string): FaultSpec | undefined {
    const index = this.faults.findIndex(
      (f) => f.op === op && (f.collection === undefined || f.collection === collection),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

function invalidParam(message: string): FakeSdkError {
  return new FakeSdkError('INVALID_PARAM', message);
}

function checkWritable(data: unknown, allowOperators: boolean): asserts data is DbDocument {
  if (!isPlainObject(data)) throw invalidParam('参数必需是非空对象');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam('不能更新_id的值');
  if (!allowOperators && hasUpdateCommand(data)) {
    throw new FakeSdkError('DATABASE_REQUEST_FAILED', 'update operator complicit');
  }
}

function checkInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}must be integer`);
}

class FakeQuery implements DbQuery {
  constructor(
    protected readonly fake: CloudbaseFake,
    protected readonly name: string,
    protected readonly state: QueryState = { order: {} },
  ) {}

  where(filter: DbFilter): DbQuery {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new Error('查询参数必须为对象');
    const values = Object.values(filter);
    if (isPlainObject(filter) && values.length > 0 && values.every((v) => v === undefined)) {
      throw new Error('查询参数对象值不能均为undefined');
    }
    return new FakeQuery(this.fake, this.name, { ...this.state, filter });
  }

  orderBy(field: string, direction: 'asc' | 'desc'): DbQuery {
    if (direction !== 'asc' && direction !== 'desc') throw new Error('排序字符不合法');
    // Like the SDK: a field ordered again keeps its position and takes the new direction.
    const order = { ...this.state.order, [field]: direction === 'desc' ? -1 : 1 } as Record<string, 1 | -1>;
    return new FakeQuery(this.fake, this.name, { ...this.state, order });
  }

  limit(max: number): DbQuery {
    checkInteger('limit', max);
    return new FakeQuery(this.fake, this.name, { ...this.state, limit: max });
  }

  skip(offset: number): DbQuery {
    checkInteger('offset', offset);
    return new FakeQuery(this.fake, this.name, { ...this.state, offset });
  }

  get(): Promise<DbGetResult> {
    return this.fake.perform('get', this.name, false, () => {
      const offset = this.state.offset ?? 0;
      // The SDK sends limit 100 when none (or 0) is set, and caps it at 1,000.
      const limit = this.state.limit ? Math.min(this.state.limit, MAX_GET_LIMIT) : DEFAULT_GET_LIMIT;
      const page = this.fake.select(this.name, this.state).slice(offset, offset + limit);
      return { data: page.map(clone), requestId: 'fake-request' };
    });
  }

  count(): Promise<DbCountResult> {
    return this.fake.perform('count', this.name, false, () => ({
      total: this.fake.select(this.name, { order: {}, filter: this.state.filter }).length,
      requestId: 'fake-request',
    }));
  }

  async update(data: DbUpdate): Promise<DbUpdateResult> {
    checkWritable(data, true);
    return this.fake.perform('update', this.name, false, () => {
      let updated = 0;
      for (const current of this.fake.select(this.name, { order: {}, filter: this.state.filter })) {
        const next = clone(current);
        if (applyUpdate(next, data)) {
          this.fake.write(this.name, current._id as string, next);
          updated += 1;
        }
      }
      return { updated, requestId: 'fake-request' };
    });
  }
}

class FakeCollection extends FakeQuery implements DbCollection {
  doc(id: string): DbDocRef {
    return new FakeDocRef(this.fake, this.name, id);
  }

  async add(data: DbDocument): Promise<DbAddResult> {
    if (!isPlainObject(data)) throw invalidParam('add: one plain object expected (batch add is not faked)');
    return this.fake.perform('add', this.name, false, () => {
      const id = data._id === undefined ? this.fake.newId() : String(data._id);
      if (this.fake.table(this.name).has(id)) {
        throw new FakeSdkError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error, _id: ${id}`);
      }
      this.fake.write(this.name, id, clone(data));
      return { id, requestId: 'fake-request' };
    });
  }
}

class FakeDocRef implements DbDocRef {
  constructor(
    private readonly fake: CloudbaseFake,
    private readonly name: string,
    private readonly id: string,
  ) {}

  get(): Promise<DbGetResult> {
    return this.fake.perform('get', this.name, false, () => {
      const stored = this.fake.table(this.name).get(this.id);
      return { data: stored ? [clone(stored.doc)] : [], requestId: 'fake-request' };
    });
  }

  async set(data: DbDocument): Promise<DbUpdateResult & { upsertedId?: string }> {
    checkWritable(data, false);
    return this.fake.perform('set', this.name, false, () => {
      const existed = this.fake.table(this.name).has(this.id);
      this.fake.write(this.name, this.id, clone(data));
      return existed ? { updated: 1, requestId: 'fake-request' } : { updated: 0, upsertedId: this.id };
    });
  }

  async update(data: DbUpdate): Promise<DbUpdateResult> {
    checkWritable(data, true);
    return this.fake.perform('update', this.name, false, () => {
      const stored = this.fake.table(this.name).get(this.id);
      if (!stored) return { updated: 0, requestId: 'fake-request' };
      const next = clone(stored.doc);
      if (!applyUpdate(next, data)) return { updated: 0, requestId: 'fake-request' };
      this.fake.write(this.name, this.id, next);
      return { updated: 1, requestId: 'fake-request' };
    });
  }

  remove(): Promise<DbRemoveResult> {
    return this.fake.perform('remove', this.name, false, () => {
      const existed = this.fake.table(this.name).has(this.id);
      this.fake.write(this.name, this.id, null);
      return { deleted: existed ? 1 : 0, requestId: 'fake-request' };
    });
  }
}

interface PendingWrite {
  collection: string;
  id: string;
  /** The document as it will be after commit; null if it will not exist. */
  doc: DbDocument | null;
}

class FakeTransaction implements DbTransaction {
  /** Version of each document when the transaction first touched it. */
  private readonly seen = new Map<string, { collection: string; id: string; version: number }>();
  private readonly pending = new Map<string, PendingWrite>();
  private done = false;

  constructor(private readonly fake: CloudbaseFake) {}

  collection(name: string): DbTransactionCollection {
    return {
      doc: (id) => this.docRef(name, id),
      add: (data) => this.add(name, data),
    };
  }

  async commit(): Promise<void> {
    this.checkOpen();
    this.done = true;
    await this.fake.perform('commit', '', true, () => {
      for (const { collection, id, version } of this.seen.values()) {
        if (this.fake.version(collection, id) !== version) {
          throw new FakeSdkError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict on ${collection}/${id}`);
        }
      }
      for (const write of this.pending.values()) this.fake.write(write.collection, write.id, write.doc);
    });
  }

  private docRef(collection: string, id: string): DbTransactionDocRef {
    return {
      get: () => this.fake.perform('get', collection, true, () => ({ data: clone(this.current(collection, id)) })),
      set: async (data) => {
        checkWritable(data, false);
        return this.fake.perform('set', collection, true, () => {
          const existed = this.current(collection, id) !== null;
          this.stage(collection, id, clone(data));
          return { updated: existed ? 1 : 0 };
        });
      },
      update: async (data) => {
        checkWritable(data, true);
        return this.fake.perform('update', collection, true, () => {
          const current = this.current(collection, id);
          if (current === null) return { updated: 0 };
          const next = clone(current);
          const changed = applyUpdate(next, data);
          this.stage(collection, id, next);
          return { updated: changed ? 1 : 0 };
        });
      },
    };
  }

  private async add(collection: string, data: DbDocument): Promise<DbAddResult> {
    if (!isPlainObject(data)) throw invalidParam('add: one plain object expected');
    return this.fake.perform('add', collection, true, () => {
      const id = data._id === undefined ? this.fake.newId() : String(data._id);
      if (this.current(collection, id) !== null) {
        throw new FakeSdkError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error, _id: ${id}`);
      }
      this.stage(collection, id, clone(data));
      return { id, inserted: 1, ok: 1 } as DbAddResult;
    });
  }

  /** The document as this transaction sees it: its own pending write, else the committed one. */
  private current(collection: string, id: string): DbDocument | null {
    this.checkOpen();
    const key = `${collection}/${id}`;
    const write = this.pending.get(key);
    if (write) return write.doc;
    if (!this.seen.has(key)) this.seen.set(key, { collection, id, version: this.fake.version(collection, id) });
    const stored = this.fake.table(collection).get(id);
    return stored ? stored.doc : null;
  }

  private stage(collection: string, id: string, doc: DbDocument): void {
    this.pending.set(`${collection}/${id}`, { collection, id, doc: { ...doc, _id: id } });
  }

  private checkOpen(): void {
    if (this.done) throw new Error('transaction already finished');
  }
}
