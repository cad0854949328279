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
  DbUpdate,
  DbUpdateResult,
} from '../../backend/store/cloudbase/sdk';
import {
  FakeSdkError,
  applyUpdate,
  checkWritable,
  clone,
  fakeCommand,
  invalidParam,
  isPlainObject,
  matches,
  sortDocuments,
} from './cloudbase-fake-query';
import { FakeTransaction } from './cloudbase-fake-transaction';

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
