/**
 * TEST DOUBLE — the transactions of the CloudBase fake (cloudbase-fake.ts): doc operations and
 * `add` only, optimistic: a document read or written in the transaction that someone else
 * changed before commit fails the commit with `DATABASE_TRANSACTION_CONFLICT`.
 */
import type {
  DbAddResult,
  DbDocument,
  DbTransaction,
  DbTransactionCollection,
  DbTransactionDocRef,
} from '../../backend/store/cloudbase/sdk';
import { FakeSdkError, applyUpdate, checkWritable, clone, invalidParam, isPlainObject } from './cloudbase-fake-query';

/** What a transaction needs of the fake: its operation runner and its versioned tables. */
export interface FakeEngine {
  perform<T>(
    op: 'get' | 'set' | 'update' | 'add' | 'commit',
    collection: string,
    inTransaction: boolean,
    apply: () => T,
  ): Promise<T>;
  version(collection: string, id: string): number;
  write(collection: string, id: string, doc: DbDocument | null): void;
  newId(): string;
  table(name: string): Map<string, { doc: DbDocument }>;
}

interface PendingWrite {
  collection: string;
  id: string;
  /** The document as it will be after commit; null if it will not exist. */
  doc: DbDocument | null;
}

export class FakeTransaction implements DbTransaction {
  /** Version of each document when the transaction first touched it. */
  private readonly seen = new Map<string, { collection: string; id: string; version: number }>();
  private readonly pending = new Map<string, PendingWrite>();
  private done = false;

  constructor(private readonly fake: FakeEngine) {}

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
