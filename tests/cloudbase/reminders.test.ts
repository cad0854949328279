/** The CloudBase store's "Reminders" methods (credits and reminder records) over the CloudBase test double. */
import { DuplicateKeyError } from '../../backend/store/port';
import { sdkError } from '../doubles/cloudbase-fake';
import { makeReminder } from './fixtures';
import { recordedStore as setup, reset, methods } from './recorder';

function later(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
}

describe('credits', () => {
  test('addCredits creates the document on first use, then increments it in one update', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.addCredits('o1', 'event_reminder', 2);
    expect(requests).toEqual([
      {
        collection: 'credits',
        calls: [
          ['doc', 'o1|event_reminder'],
          ['update', { n: _.inc(2) }],
        ],
      },
      {
        collection: 'credits',
        calls: [['add', { _id: 'o1|event_reminder', openid: 'o1', kind: 'event_reminder', n: 2 }]],
      },
    ]);
    expect(ops).toEqual(['write:credits', 'write:credits']);

    reset(ops, requests);
    await store.addCredits('o1', 'event_reminder', 3);
    expect(requests).toEqual([
      {
        collection: 'credits',
        calls: [
          ['doc', 'o1|event_reminder'],
          ['update', { n: _.inc(3) }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:credits']);
    expect(fake.dump('credits')).toEqual([{ _id: 'o1|event_reminder', openid: 'o1', kind: 'event_reminder', n: 5 }]);
    expect(await store.getCredits('o1', 'event_reminder')).toBe(5);
  });

  test('adding 0 sends nothing; a negative or fractional count is refused before sending', async () => {
    const { store, requests } = setup();
    await store.addCredits('o1', 'promoted', 0);
    await expect(store.addCredits('o1', 'promoted', -1)).rejects.toBeInstanceOf(RangeError);
    await expect(store.addCredits('o1', 'promoted', 1.5)).rejects.toBeInstanceOf(RangeError);
    await expect(store.addCredits('o1', 'promoted', Number.NaN)).rejects.toBeInstanceOf(RangeError);
    expect(requests).toEqual([]);
    expect(await store.getCredits('o1', 'promoted')).toBe(0);
  });

  test('30 concurrent addCredits on a fresh document: one creates it, the others increment', async () => {
    const { fake, store, requests } = setup();
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await later();
        await store.addCredits('o1', 'event_reminder', (i % 3) + 1);
      }),
    );
    // 10 × (1 + 2 + 3)
    expect(fake.dump('credits')).toEqual([{ _id: 'o1|event_reminder', openid: 'o1', kind: 'event_reminder', n: 60 }]);
    const adds = methods(requests).filter((m) => m === 'credits:add');
    expect(adds.length).toBeGreaterThanOrEqual(1);
    expect(await store.getCredits('o1', 'event_reminder')).toBe(60);
  });

  test('a duplicate on create retries the update once (the other caller created the document)', async () => {
    const { fake, store, requests } = setup();
    const _ = fake.command;
    // Both callers find no document; the second one's add then hits the first one's insert.
    await Promise.all([store.addCredits('o1', 'promoted', 1), store.addCredits('o1', 'promoted', 4)]);
    expect(methods(requests)).toEqual([
      'credits:update',
      'credits:update',
      'credits:add',
      'credits:add',
      'credits:update',
    ]);
    expect(requests[4].calls).toEqual([
      ['doc', 'o1|promoted'],
      ['update', { n: _.inc(4) }],
    ]);
    expect(await store.getCredits('o1', 'promoted')).toBe(5);
  });

  test('a duplicate on create followed by an update that still finds nothing is a conflict', async () => {
    const { fake, store } = setup();
    fake.failNext({ op: 'add', collection: 'credits', error: sdkError('DATABASE_DUPLICATE_WRITE') });
    await expect(store.addCredits('o1', 'promoted', 1)).rejects.toMatchObject({
      name: 'StoreTransientError',
      kind: 'conflict',
    });
  });

  test('takeCredit is ONE conditional update on n > 0; false when none is left or none was given', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    expect(await store.takeCredit('o1', 'event_reminder')).toBe(false);
    expect(requests).toEqual([
      {
        collection: 'credits',
        calls: [
          ['where', { _id: 'o1|event_reminder', n: _.gt(0) }],
          ['update', { n: _.inc(-1) }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:credits']);
    expect(fake.dump('credits')).toEqual([]);

    await store.addCredits('o1', 'event_reminder', 1);
    reset(ops, requests);
    expect(await store.takeCredit('o1', 'event_reminder')).toBe(true);
    expect(await store.takeCredit('o1', 'event_reminder')).toBe(false);
    expect(methods(requests)).toEqual(['credits:update', 'credits:update']);
    expect(fake.dump('credits')[0].n).toBe(0);
    expect(await store.getCredits('o1', 'event_reminder')).toBe(0);
  });

  test('30 concurrent takeCredit with 10 credits: exactly 10 succeed and n ends at 0, never below', async () => {
    for (let round = 0; round < 10; round++) {
      const { fake, store } = setup();
      await store.addCredits('o1', 'event_reminder', 10);
      const seen: number[] = [];
      const results = await Promise.all(
        Array.from({ length: 30 }, async () => {
          await later();
          const taken = await store.takeCredit('o1', 'event_reminder');
          seen.push(fake.dump('credits')[0].n as number);
          return taken;
        }),
      );
      expect(results.filter(Boolean)).toHaveLength(10);
      expect(Math.min(...seen)).toBe(0);
      expect(fake.dump('credits')[0].n).toBe(0);
      expect(await store.getCredits('o1', 'event_reminder')).toBe(0);
    }
  });

  test('credits are per person and per kind; getCredits is one doc read, 0 when missing', async () => {
    const { store, ops, requests } = setup();
    await store.addCredits('o1', 'event_reminder', 2);
    await store.addCredits('o1', 'promoted', 1);
    await store.addCredits('o2', 'event_reminder', 7);
    expect(await store.takeCredit('o1', 'promoted')).toBe(true);
    reset(ops, requests);

    expect(await store.getCredits('o1', 'event_reminder')).toBe(2);
    expect(requests).toEqual([{ collection: 'credits', calls: [['doc', 'o1|event_reminder'], ['get']] }]);
    expect(ops).toEqual(['read:credits']);
    expect(await store.getCredits('o1', 'promoted')).toBe(0);
    expect(await store.getCredits('o2', 'event_reminder')).toBe(7);
    expect(await store.getCredits('o2', 'promoted')).toBe(0);
    expect(await store.getCredits('o9', 'event_reminder')).toBe(0);
  });
});

describe('reminder records', () => {
  test('insert with _id = id; a reminder handled before fails and stays as it was', async () => {
    const { fake, store, ops, requests } = setup();
    const record = makeReminder();
    await store.insertReminder(record);
    expect(requests).toEqual([{ collection: 'reminders', calls: [['add', { _id: record.id, ...record }]] }]);
    expect(ops).toEqual(['write:reminders']);
    expect(fake.dump('reminders')).toEqual([{ _id: record.id, ...record }]);

    const again = store.insertReminder(makeReminder({ status: 'failed', attempts: 3 }));
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(again).rejects.toMatchObject({ key: 'event_reminder|ev1_o1' });
    expect(await store.listReminders('o1', 10)).toEqual([record]);
  });

  test('putReminder replaces the whole record with one doc set (and creates a missing one)', async () => {
    const { fake, store, ops, requests } = setup();
    await store.insertReminder(makeReminder({ status: 'sent', fields: { thing1: '讲座', time2: '明天' } }));
    reset(ops, requests);
    const outcome = makeReminder({
      status: 'failed',
      fields: { thing1: '讲座' },
      attempts: 3,
      detail: 'errcode 43101',
    });
    await store.putReminder(outcome);
    const { id, ...fields } = outcome;
    expect(requests).toEqual([
      {
        collection: 'reminders',
        calls: [
          ['doc', id],
          ['set', { id, ...fields }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:reminders']);
    // Replaced, not merged: the dropped template field is gone.
    expect(fake.dump('reminders')).toEqual([{ _id: id, ...outcome }]);
    expect(await store.listReminders('o1', 10)).toEqual([outcome]);

    const fresh = makeReminder({ id: 'promoted|r9', kind: 'promoted', registrationId: 'r9', at: 5 });
    await store.putReminder(fresh);
    expect(await store.listReminders('o1', 10)).toEqual([outcome, fresh]);
    // It was created under its id: inserting it now is a duplicate.
    await expect(store.insertReminder(fresh)).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test('listReminders: one owner, newest first (then id), at most limit; fields round-trip', async () => {
    const { store, ops, requests } = setup();
    const rows: [string, number, string?][] = [
      ['event_reminder|r2', 10],
      ['event_reminder|r1', 10],
      ['promoted|r1', 30],
      ['event_reminder|r4', 20],
      ['event_reminder|r5', 40, 'o2'],
    ];
    for (const [id, at, ownerId = 'o1'] of rows) await store.insertReminder(makeReminder({ id, at, ownerId }));
    reset(ops, requests);

    const listed = await store.listReminders('o1', 10);
    expect(listed.map((r) => r.id)).toEqual([
      'promoted|r1',
      'event_reminder|r4',
      'event_reminder|r1',
      'event_reminder|r2',
    ]);
    expect(listed[0]).toEqual(makeReminder({ id: 'promoted|r1', at: 30 }));
    expect(requests).toEqual([
      {
        collection: 'reminders',
        calls: [
          ['where', { ownerId: 'o1' }],
          ['orderBy', 'at', 'desc'],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', 10],
          ['get'],
        ],
      },
    ]);
    expect(ops).toEqual(['read:reminders']);
    expect((await store.listReminders('o1', 2)).map((r) => r.id)).toEqual(['promoted|r1', 'event_reminder|r4']);
    expect(await store.listReminders('o9', 5)).toEqual([]);
  });

  test('a limit of 0 sends nothing; the limit is capped at 1,000 in one page', async () => {
    const { fake, store, requests } = setup();
    fake.seed(
      'reminders',
      Array.from({ length: 1100 }, (_, i) => {
        const record = makeReminder({ id: `event_reminder|r${String(i).padStart(5, '0')}`, at: i });
        return { _id: record.id, ...record };
      }),
    );
    expect(await store.listReminders('o1', 0)).toEqual([]);
    expect(await store.listReminders('o1', -3)).toEqual([]);
    expect(requests).toEqual([]);

    const listed = await store.listReminders('o1', 5000);
    expect(listed).toHaveLength(1000);
    expect(listed[0].id).toBe('event_reminder|r01099');
    expect(listed[999].id).toBe('event_reminder|r00100');
    expect(methods(requests)).toEqual(['reminders:get']);
    expect(requests[0].calls).toContainEqual(['limit', 1000]);
  });
});
