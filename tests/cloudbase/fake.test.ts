/** The CloudBase test double reproduces the platform semantics the store relies on. */
import { CloudbaseFake, networkError, sdkError } from '../doubles/cloudbase-fake';

function numbered(n: number): { _id: string; n: number }[] {
  return Array.from({ length: n }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, n: i }));
}

describe('CloudBase fake: updates', () => {
  test('where().update() reports how many documents it changed; matching nothing succeeds with 0', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [
      { _id: 'a', k: 1, v: 0 },
      { _id: 'b', k: 1, v: 0 },
      { _id: 'c', k: 2, v: 0 },
    ]);
    await expect(db.collection('t').where({ k: 1 }).update({ v: 5 })).resolves.toMatchObject({ updated: 2 });
    await expect(db.collection('t').where({ k: 9 }).update({ v: 5 })).resolves.toMatchObject({ updated: 0 });
    expect(db.dump('t').map((d) => d.v)).toEqual([5, 5, 0]);
  });

  test('inc is applied to the current value, and a conditional update stops once its condition fails', async () => {
    const db = new CloudbaseFake();
    const _ = db.command;
    db.seed('t', [{ _id: 'a', n: 0 }]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        db
          .collection('t')
          .where({ _id: 'a', n: _.lt(3) })
          .update({ n: _.inc(1) }),
      ),
    );
    expect(results.filter((r) => r.updated === 1)).toHaveLength(3);
    expect(db.dump('t')[0].n).toBe(3);
  });

  test('update refuses _id, and set refuses _id and operators', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    await expect(db.collection('t').where({ _id: 'a' }).update({ _id: 'b' })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
    await expect(db.collection('t').doc('a').set({ _id: 'a', n: 1 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(
      db
        .collection('t')
        .doc('a')
        .set({ n: db.command.inc(1) }),
    ).rejects.toThrow(/operator/);
  });

  test('nested objects in an update merge into the document; set replaces it', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', o: { x: 1, y: 2 }, keep: true }]);
    await db
      .collection('t')
      .doc('a')
      .update({ o: { x: 9 } });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', o: { x: 9, y: 2 }, keep: true });
    await db
      .collection('t')
      .doc('a')
      .set({ o: { x: 1 } });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', o: { x: 1 } });
  });

  test('dotted keys and nested objects address the same sub-field; inc creates a missing parent', async () => {
    const db = new CloudbaseFake();
    const _ = db.command;
    db.seed('t', [{ _id: 'a', counters: { 'k|1': 1, other: 5 } }]);
    await db
      .collection('t')
      .doc('a')
      .update({ 'counters.k|1': _.inc(2), 'counters.new': _.inc(-1) });
    await db
      .collection('t')
      .doc('a')
      .update({ counters: { 'k|1': _.inc(10) } });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', counters: { 'k|1': 13, other: 5, new: -1 } });
    await db
      .collection('t')
      .doc('a')
      .update({ 'fresh.n': _.inc(1) });
    expect(db.dump('t')[0].fresh).toEqual({ n: 1 });
  });

  test('set() replaces a field as a whole; a nested object merges, and fails on a null parent', async () => {
    const db = new CloudbaseFake();
    const _ = db.command;
    db.seed('t', [{ _id: 'a', o: null, p: { x: 1, y: 2 }, n: 3 }]);
    // The SDK sends { $set: { 'o.x': 1 } }: MongoDB cannot create a field inside null.
    await expect(
      db
        .collection('t')
        .doc('a')
        .update({ n: 4, o: { x: 1 } }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', o: null, p: { x: 1, y: 2 }, n: 3 });
    await expect(
      db
        .collection('t')
        .doc('a')
        .update({ o: _.set({ x: 1 }), p: _.set({ z: 3 }) }),
    ).resolves.toMatchObject({ updated: 1 });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', o: { x: 1 }, p: { z: 3 }, n: 3 });
    await expect(
      db
        .collection('t')
        .doc('a')
        .update({ o: _.set(null) }),
    ).resolves.toMatchObject({ updated: 1 });
    expect(db.dump('t')[0].o).toBeNull();
  });

  test('an empty nested object updates nothing (the SDK flattens it away); null is written', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', o: { x: 1 }, n: 1 }]);
    await expect(db.collection('t').doc('a').update({ o: {} })).resolves.toMatchObject({ updated: 0 });
    expect(db.dump('t')[0].o).toEqual({ x: 1 });
    await db.collection('t').doc('a').update({ o: null });
    expect(db.dump('t')[0]).toEqual({ _id: 'a', o: null, n: 1 });
  });

  test('documents are copied in and out', async () => {
    const db = new CloudbaseFake();
    const doc = { _id: 'a', list: [1] };
    await db.collection('t').add(doc);
    doc.list.push(2);
    const [read] = (await db.collection('t').doc('a').get()).data;
    (read.list as number[]).push(3);
    expect(db.dump('t')[0].list).toEqual([1]);
  });
});

describe('CloudBase fake: inserts and reads', () => {
  test('add of an existing _id throws DATABASE_DUPLICATE_WRITE and leaves the document', async () => {
    const db = new CloudbaseFake();
    await expect(db.collection('t').add({ _id: 'a', v: 1 })).resolves.toMatchObject({ id: 'a' });
    await expect(db.collection('t').add({ _id: 'a', v: 2 })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect(db.dump('t')).toEqual([{ _id: 'a', v: 1 }]);
  });

  test('add without _id generates one', async () => {
    const db = new CloudbaseFake();
    const { id } = await db.collection('t').add({ v: 1 });
    expect(typeof id).toBe('string');
    expect(db.dump('t')).toEqual([{ _id: id, v: 1 }]);
  });

  test('doc().get() returns an array: one document or none', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', v: 1 }]);
    await expect(db.collection('t').doc('a').get()).resolves.toMatchObject({ data: [{ _id: 'a', v: 1 }] });
    await expect(db.collection('t').doc('zz').get()).resolves.toMatchObject({ data: [] });
  });

  test('get() returns 100 without limit and at most 1000 with one; skip pages; count ignores paging', async () => {
    const db = new CloudbaseFake();
    db.seed('t', numbered(1200));
    const ordered = db.collection('t').orderBy('n', 'asc');
    expect((await ordered.get()).data).toHaveLength(100);
    expect((await ordered.limit(5000).get()).data).toHaveLength(1000);
    const tail = (await ordered.skip(1000).limit(1000).get()).data;
    expect(tail.map((d) => d.n)).toEqual(Array.from({ length: 200 }, (_, i) => 1000 + i));
    await expect(ordered.skip(1000).limit(5).count()).resolves.toMatchObject({ total: 1200 });
  });

  test('orderBy sorts on several keys; desc; null sorts before numbers', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [
      { _id: 'b', t: 2 },
      { _id: 'a', t: 2 },
      { _id: 'c', t: 1 },
      { _id: 'd', t: null },
    ]);
    const asc = await db.collection('t').orderBy('t', 'asc').orderBy('_id', 'asc').get();
    expect(asc.data.map((d) => d._id)).toEqual(['d', 'c', 'a', 'b']);
    const desc = await db.collection('t').orderBy('t', 'desc').orderBy('_id', 'desc').get();
    expect(desc.data.map((d) => d._id)).toEqual(['b', 'a', 'c', 'd']);
  });

  test('where supports eq, lt, lte, gt, in, and, or; null matches missing; undefined keys are ignored', async () => {
    const db = new CloudbaseFake();
    const _ = db.command;
    db.seed('t', [
      { _id: 'a', n: 1, s: 'x' },
      { _id: 'b', n: 2, s: 'y' },
      { _id: 'c', n: 3 },
    ]);
    const ids = async (filter: Parameters<ReturnType<CloudbaseFake['collection']>['where']>[0]) =>
      (await db.collection('t').where(filter).orderBy('_id', 'asc').get()).data.map((d) => d._id);
    expect(await ids({ n: _.lt(2) })).toEqual(['a']);
    expect(await ids({ n: _.lte(2) })).toEqual(['a', 'b']);
    expect(await ids({ n: _.gt(2) })).toEqual(['c']);
    expect(await ids({ n: _.eq(2) })).toEqual(['b']);
    expect(await ids({ _id: _.in(['a', 'c', 'zz']) })).toEqual(['a', 'c']);
    expect(await ids({ s: null })).toEqual(['c']);
    expect(await ids({ s: 'x', n: undefined })).toEqual(['a']);
    expect(await ids({ s: _.lt(5) })).toEqual([]);
    expect(await ids(_.and({ n: _.gt(1) }, _.or({ s: 'y' }, { s: null })))).toEqual(['b', 'c']);
    // The SDK also accepts one array of conditions.
    const orOfList = _.or as unknown as (conditions: object[]) => ReturnType<typeof _.or>;
    expect(await ids(orOfList([{ n: 1 }, { n: 3 }]))).toEqual(['a', 'c']);
  });
});

describe('CloudBase fake: transactions', () => {
  test('commits all writes together, and nothing when the work throws', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 1 }]);
    await db.runTransaction(async (tx) => {
      const { data } = await tx.collection('t').doc('a').get();
      await tx
        .collection('t')
        .doc('a')
        .update({ n: (data?.n as number) + 1 });
      await tx.collection('t').add({ _id: 'b', n: 0 });
      expect(db.dump('t')).toHaveLength(1);
    });
    expect(db.dump('t')).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 0 },
    ]);
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('t').doc('a').update({ n: 100 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(db.dump('t')[0].n).toBe(2);
  });

  test('a transaction get resolves the document itself, or null', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 1 }]);
    const got = await db.runTransaction(async (tx) => [
      (await tx.collection('t').doc('a').get()).data,
      (await tx.collection('t').doc('zz').get()).data,
    ]);
    expect(got).toEqual([{ _id: 'a', n: 1 }, null]);
  });

  test('a document changed by someone else after the read fails the commit with a conflict, and the work reruns', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts += 1;
      const { data } = await tx.collection('t').doc('a').get();
      if (attempts === 1) await db.collection('t').doc('a').update({ n: 10 });
      await tx
        .collection('t')
        .doc('a')
        .update({ n: (data?.n as number) + 1 });
    });
    expect(attempts).toBe(2);
    expect(db.dump('t')[0].n).toBe(11);
  });

  test('concurrent read-modify-write transactions lose no increment', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    const bump = () =>
      db.runTransaction(async (tx) => {
        const { data } = await tx.collection('t').doc('a').get();
        await tx
          .collection('t')
          .doc('a')
          .set({ n: (data?.n as number) + 1 });
      }, 20);
    const results = await Promise.allSettled(Array.from({ length: 5 }, bump));
    const done = results.filter((r) => r.status === 'fulfilled').length;
    expect(done).toBeGreaterThan(0);
    expect(db.dump('t')[0].n).toBe(done);
  });

  test('gives up after `times` reruns with DATABASE_TRANSACTION_CONFLICT', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    let attempts = 0;
    const run = db.runTransaction(async (tx) => {
      attempts += 1;
      await tx.collection('t').doc('a').get();
      await db.collection('t').doc('a').update({ n: attempts });
      await tx.collection('t').doc('a').update({ touched: true });
    }, 2);
    await expect(run).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(attempts).toBe(3);
    expect(db.dump('t')[0]).toEqual({ _id: 'a', n: 3 });
  });

  test('transaction add of an existing _id fails with DATABASE_DUPLICATE_WRITE', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a' }]);
    await expect(db.runTransaction(async (tx) => tx.collection('t').add({ _id: 'a' }))).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
  });
});

describe('CloudBase fake: interleaving and faults', () => {
  test('each operation yields to the event loop, so concurrent calls interleave between operations', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    // Two read-then-write callers without a condition lose an update: proof that they interleave.
    const naive = async () => {
      const [doc] = (await db.collection('t').doc('a').get()).data;
      await db
        .collection('t')
        .doc('a')
        .update({ n: (doc.n as number) + 1 });
    };
    await Promise.all([naive(), naive()]);
    expect(db.dump('t')[0].n).toBe(1);
  });

  test('an operation settles only after the event loop turns (timers and I/O may run in between)', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a' }]);
    const order: string[] = [];
    const read = db
      .collection('t')
      .doc('a')
      .get()
      .then(() => order.push('read'));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    order.push('microtasks drained');
    await read;
    expect(order).toEqual(['microtasks drained', 'read']);
  });

  test('failNext fails the matching operation once, before it takes effect', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 0 }]);
    db.failNext({ op: 'update', collection: 't', error: networkError('ETIMEDOUT') });
    await expect(db.collection('other').where({}).update({ n: 1 })).resolves.toMatchObject({ updated: 0 });
    await expect(db.collection('t').doc('a').update({ n: 1 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(db.dump('t')[0].n).toBe(0);
    await expect(db.collection('t').doc('a').update({ n: 2 })).resolves.toMatchObject({ updated: 1 });
  });

  test("failNext with when 'after' applies the write, then fails it (an ambiguous timeout)", async () => {
    const db = new CloudbaseFake();
    db.failNext({ op: 'add', error: networkError('ESOCKETTIMEDOUT'), when: 'after' });
    await expect(db.collection('t').add({ _id: 'a' })).rejects.toMatchObject({ code: 'ESOCKETTIMEDOUT' });
    expect(db.dump('t')).toEqual([{ _id: 'a' }]);
  });

  test('an injected commit conflict is retried by runTransaction', async () => {
    const db = new CloudbaseFake();
    db.failNext({ op: 'commit', error: sdkError('DATABASE_TRANSACTION_CONFLICT'), times: 2 });
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts += 1;
      await tx.collection('t').add({ _id: 'a' });
    });
    expect(attempts).toBe(3);
    expect(db.dump('t')).toEqual([{ _id: 'a' }]);
  });

  test('logs every operation', async () => {
    const db = new CloudbaseFake();
    await db.collection('t').add({ _id: 'a' });
    await db.collection('t').where({ _id: 'a' }).count();
    expect(db.ops).toEqual([
      { op: 'add', collection: 't', inTransaction: false },
      { op: 'count', collection: 't', inTransaction: false },
    ]);
  });
});

describe('CloudBase fake: removing a document', () => {
  test('doc().remove() deletes it and reports { deleted }; a missing one succeeds with 0', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
    await expect(db.collection('t').doc('a').remove()).resolves.toMatchObject({ deleted: 1 });
    await expect(db.collection('t').doc('a').remove()).resolves.toMatchObject({ deleted: 0 });
    await expect(db.collection('t').doc('zz').remove()).resolves.toMatchObject({ deleted: 0 });
    expect(db.dump('t')).toEqual([{ _id: 'b', n: 2 }]);
    await expect(db.collection('t').doc('a').get()).resolves.toMatchObject({ data: [] });
    await expect(db.collection('t').where({ _id: 'a' }).update({ n: 5 })).resolves.toMatchObject({ updated: 0 });
    // The id is free again.
    await db.collection('t').add({ _id: 'a', n: 3 });
    expect(db.dump('t')).toEqual([
      { _id: 'a', n: 3 },
      { _id: 'b', n: 2 },
    ]);
    expect(db.ops.filter((o) => o.op === 'remove')).toHaveLength(3);
  });

  test('a transaction that read a document removed before its commit conflicts', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a', n: 1 }]);
    let attempts = 0;
    const outcome = db.runTransaction(async (transaction) => {
      attempts += 1;
      const { data } = await transaction.collection('t').doc('a').get();
      if (attempts === 1) await db.collection('t').doc('a').remove();
      return data;
    }, 0);
    await expect(outcome).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(attempts).toBe(1);
  });

  test('a remove fault can fail before or after taking effect', async () => {
    const db = new CloudbaseFake();
    db.seed('t', [{ _id: 'a' }, { _id: 'b' }]);
    db.failNext({ op: 'remove', collection: 't', error: sdkError('DATABASE_TIMEOUT') });
    await expect(db.collection('t').doc('a').remove()).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' });
    db.failNext({ op: 'remove', error: networkError('ESOCKETTIMEDOUT'), when: 'after' });
    await expect(db.collection('t').doc('b').remove()).rejects.toMatchObject({ code: 'ESOCKETTIMEDOUT' });
    expect(db.dump('t')).toEqual([{ _id: 'a' }]);
  });
});
