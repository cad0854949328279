/** The CloudBase store's summary counters, visit counts and event field updates. */
import { seatGuard } from '../../backend/core/seats';
import { sdkError } from '../doubles/cloudbase-fake';
import { makeEvent } from './fixtures';
import { recordedStore as setup, reset, methods } from './recorder';

const DAY = 'd:2026-11-15';

describe('bumpCounters', () => {
  test('creates the summary document on first use: the update finds nothing, then one add', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.bumpCounters('c1', { version: 1, [`distinct|${DAY}`]: 2, zero: 0 });
    expect(requests).toEqual([
      {
        collection: 'summaries',
        calls: [
          ['doc', 'c1'],
          ['update', { 'counters.version': _.inc(1), [`counters.distinct|${DAY}`]: _.inc(2) }],
        ],
      },
      {
        collection: 'summaries',
        calls: [['add', { _id: 'c1', counters: { version: 1, [`distinct|${DAY}`]: 2 } }]],
      },
    ]);
    expect(ops).toEqual(['write:summaries', 'write:summaries']);
    expect(fake.dump('summaries')).toEqual([{ _id: 'c1', counters: { version: 1, [`distinct|${DAY}`]: 2 } }]);
  });

  test('afterwards a bump is one doc update with a dotted inc per non-zero key; other counters stay', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.bumpCounters('c1', { version: 1, 'distinct|all': 5 });
    reset(ops, requests);

    const hourly = `arrivals|${DAY}|h:09`;
    await store.bumpCounters('c1', { version: 1, 'distinct|all': -2, [hourly]: 3, zero: 0 });
    expect(requests).toEqual([
      {
        collection: 'summaries',
        calls: [
          ['doc', 'c1'],
          [
            'update',
            { 'counters.version': _.inc(1), 'counters.distinct|all': _.inc(-2), [`counters.${hourly}`]: _.inc(3) },
          ],
        ],
      },
    ]);
    expect(ops).toEqual(['write:summaries']);
    expect(await store.readCounters('c1')).toEqual({ version: 2, 'distinct|all': 3, [hourly]: 3 });
  });

  test('all-zero or empty deltas send nothing', async () => {
    const { store, ops, requests } = setup();
    await store.bumpCounters('c1', {});
    await store.bumpCounters('c1', { version: 0, 'distinct|all': 0 });
    expect(requests).toEqual([]);
    expect(ops).toEqual([]);
  });

  test("a key with a '.' (or a leading '$', or empty) is refused before anything is sent", async () => {
    const { store, requests } = setup();
    await expect(store.bumpCounters('c1', { version: 1, 'distinct|u:a.b': 1 })).rejects.toThrow(/counter key/);
    await expect(store.bumpCounters('c1', { $set: 1 })).rejects.toThrow(/counter key/);
    await expect(store.bumpCounters('c1', { '': 1 })).rejects.toThrow(/counter key/);
    await expect(store.bumpCounters('c1', { 'a.b': 0 })).rejects.toThrow(/counter key/);
    expect(requests).toEqual([]);
  });

  test('two first bumps at once: the loser of the create hits a duplicate and updates once more', async () => {
    const { fake, store, requests } = setup();
    await Promise.all([store.bumpCounters('c1', { version: 1 }), store.bumpCounters('c1', { version: 1, x: 4 })]);
    // Both updates find nothing, both add; the second add is a duplicate and its update is resent.
    expect(methods(requests)).toEqual([
      'summaries:update',
      'summaries:update',
      'summaries:add',
      'summaries:add',
      'summaries:update',
    ]);
    expect(fake.dump('summaries')).toEqual([{ _id: 'c1', counters: { version: 2, x: 4 } }]);
  });

  test('a duplicate on create followed by a document that still does not take the update is a conflict', async () => {
    const { fake, store } = setup();
    // An injected duplicate with nothing stored: the retried update finds nothing either.
    fake.failNext({ op: 'add', collection: 'summaries', error: sdkError('DATABASE_DUPLICATE_WRITE') });
    await expect(store.bumpCounters('c1', { version: 1 })).rejects.toMatchObject({
      name: 'StoreTransientError',
      kind: 'conflict',
    });
  });

  test('100 concurrent bumpCounters({ x: 1 }) on a fresh campaign count to 100', async () => {
    const { fake, store } = setup();
    await Promise.all(Array.from({ length: 100 }, () => store.bumpCounters('c1', { x: 1 })));
    expect(fake.dump('summaries')).toEqual([{ _id: 'c1', counters: { x: 100 } }]);
    expect(await store.readCounters('c1')).toEqual({ x: 100 });
  });

  test('campaigns are counted apart', async () => {
    const { store } = setup();
    await store.bumpCounters('c1', { version: 3 });
    await store.bumpCounters('c2', { version: 7 });
    expect(await store.readCounters('c1')).toEqual({ version: 3 });
    expect(await store.readCounters('c2')).toEqual({ version: 7 });
  });
});

describe('readCounters', () => {
  test('is one doc get; a missing summary reads as {}', async () => {
    const { store, ops, requests } = setup();
    expect(await store.readCounters('c1')).toEqual({});
    expect(requests).toEqual([{ collection: 'summaries', calls: [['doc', 'c1'], ['get']] }]);
    expect(ops).toEqual(['read:summaries']);
  });

  test('a summary without counters, or with a non-number, reads only the numbers', async () => {
    const { fake, store } = setup();
    fake.seed('summaries', [{ _id: 'c1' }, { _id: 'c2', counters: { a: 1, b: 'x' } }]);
    expect(await store.readCounters('c1')).toEqual({});
    expect(await store.readCounters('c2')).toEqual({ a: 1 });
  });
});

describe('addVisit', () => {
  test('+1, +1, -1, -1, +1 answer 1, 2, 1, 0, 1', async () => {
    const { fake, store } = setup();
    const seen: number[] = [];
    for (const delta of [1, 1, -1, -1, 1] as const) seen.push(await store.addVisit('c1', 'all|p1', delta));
    expect(seen).toEqual([1, 2, 1, 0, 1]);
    expect(fake.dump('visits')).toEqual([{ _id: 'c1|all|p1', campaignId: 'c1', marker: 'all|p1', visits: 1 }]);
  });

  test('request shapes: add for a new marker; 0 → 1 and 1 → 0 conditional; otherwise inc and read back', async () => {
    const { fake, store, requests } = setup();
    const _ = fake.command;
    const id = 'c1|all|p1';
    // The requests addVisit may send on the visits collection, spelled out once.
    const visits = (...calls: unknown[][]) => ({ collection: 'visits', calls });
    const added = visits(['add', { _id: id, campaignId: 'c1', marker: 'all|p1', visits: 1 }]);
    const ifCount = (visitsNow: unknown, update: Record<string, unknown>) =>
      visits(['where', { _id: id, visits: visitsNow }], ['update', update]);
    const readBack = visits(['doc', id], ['get']);

    await store.addVisit('c1', 'all|p1', 1);
    expect(requests).toEqual([added]);

    reset(requests);
    expect(await store.addVisit('c1', 'all|p1', 1)).toBe(2);
    expect(requests).toEqual([
      added,
      ifCount(0, { visits: 1 }),
      visits(['doc', id], ['update', { visits: _.inc(1) }]),
      readBack,
    ]);

    reset(requests);
    expect(await store.addVisit('c1', 'all|p1', -1)).toBe(1);
    expect(requests).toEqual([ifCount(1, { visits: 0 }), ifCount(_.gt(1), { visits: _.inc(-1) }), readBack]);

    reset(requests);
    expect(await store.addVisit('c1', 'all|p1', -1)).toBe(0);
    expect(requests).toEqual([ifCount(1, { visits: 0 })]);

    reset(requests);
    expect(await store.addVisit('c1', 'all|p1', 1)).toBe(1);
    expect(requests).toEqual([added, ifCount(0, { visits: 1 })]);
  });

  test('-1 never goes below 0, on a zero count or a missing marker (which stays missing)', async () => {
    const { fake, store } = setup();
    expect(await store.addVisit('c1', 'all|nobody', -1)).toBe(0);
    expect(fake.dump('visits')).toEqual([]);
    await store.addVisit('c1', 'all|p1', 1);
    expect(await store.addVisit('c1', 'all|p1', -1)).toBe(0);
    expect(await store.addVisit('c1', 'all|p1', -1)).toBe(0);
    expect(fake.dump('visits')[0].visits).toBe(0);
  });

  test('20 concurrent +1 on a fresh marker: exactly one answers 1, and the count is 20', async () => {
    const { fake, store } = setup();
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.addVisit('c1', 'all|p1', 1)));
    expect(answers.filter((n) => n === 1)).toHaveLength(1);
    expect(answers.every((n) => n >= 1 && n <= 20)).toBe(true);
    expect(fake.dump('visits')[0].visits).toBe(20);
  });

  test('20 concurrent -1 from 20 end at 0 without going below', async () => {
    const { fake, store } = setup();
    fake.seed('visits', [{ _id: 'c1|all|p1', campaignId: 'c1', marker: 'all|p1', visits: 20 }]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.addVisit('c1', 'all|p1', -1)));
    expect(answers.every((n) => n >= 0 && n < 20)).toBe(true);
    expect(answers).toContain(0);
    expect(fake.dump('visits')[0].visits).toBe(0);
    expect(await store.addVisit('c1', 'all|p1', -1)).toBe(0);
    expect(fake.dump('visits')[0].visits).toBe(0);
  });

  test('a count that drops to 1 between the two conditional updates of a -1 makes it start over', async () => {
    const { fake, store, requests } = setup();
    fake.seed('visits', [{ _id: 'c1|all|p1', campaignId: 'c1', marker: 'all|p1', visits: 2 }]);
    // Both miss 1 → 0; the first takes 2 → 1; the second misses > 1, reads 1 and starts over.
    const answers = await Promise.all([store.addVisit('c1', 'all|p1', -1), store.addVisit('c1', 'all|p1', -1)]);
    expect([...answers].sort()).toEqual([0, 1]);
    expect(fake.dump('visits')[0].visits).toBe(0);
    expect(methods(requests)).toEqual([
      'visits:update',
      'visits:update',
      'visits:update',
      'visits:update',
      'visits:get',
      'visits:get',
      'visits:update',
    ]);
  });

  test('markers and campaigns are counted apart', async () => {
    const { store } = setup();
    await store.addVisit('c1', 'all|p1', 1);
    expect(await store.addVisit('c1', 'all|p2', 1)).toBe(1);
    expect(await store.addVisit('c2', 'all|p1', 1)).toBe(1);
    expect(await store.addVisit('c1', 'all|p1', 1)).toBe(2);
  });
});

describe('listVisits', () => {
  test('one campaign only, every marker with its count (zeros included), paging past 1,000', async () => {
    const { fake, store, ops } = setup();
    const docs = Array.from({ length: 1050 }, (_, i) => {
      const marker = `all|p${String(i).padStart(4, '0')}`;
      return { _id: `c1|${marker}`, campaignId: 'c1', marker, visits: i % 3 };
    });
    fake.seed('visits', [...docs, { _id: 'c2|all|p0000', campaignId: 'c2', marker: 'all|p0000', visits: 9 }]);
    const listed = await store.listVisits('c1');
    expect(Object.keys(listed)).toHaveLength(1050);
    expect(listed['all|p0000']).toBe(0);
    expect(listed['all|p1049']).toBe(1049 % 3);
    expect(ops).toEqual(['read:visits', 'read:visits']);
    expect(await store.listVisits('nobody')).toEqual({});
  });

  test('reads where({ campaignId }) ordered by _id', async () => {
    const { store, requests } = setup();
    await store.addVisit('c1', 'u:x|p1', 1);
    reset(requests);
    expect(await store.listVisits('c1')).toEqual({ 'u:x|p1': 1 });
    expect(requests).toEqual([
      {
        collection: 'visits',
        calls: [['where', { campaignId: 'c1' }], ['orderBy', '_id', 'asc'], ['skip', 0], ['limit', 1000], ['get']],
      },
    ]);
  });
});

describe('updateEventFields', () => {
  const entered = { participants: 120, note: '直播观看', enteredBy: 'o1', enteredAt: 5 };

  test('is one doc update without the counters or ids; the entered figure is set whole', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.putEvent(makeEvent({ capacity: 5, seatsTaken: 2, waitingCount: 1, checkedIn: 1, walkIns: 3 }));
    reset(ops, requests);

    const patch = {
      title: '新标题',
      entered,
      audiences: ['youth'],
      onlineUrl: undefined,
      id: 'other',
      campaignId: 'c9',
      capacity: 1,
      seatsTaken: 99,
      waitingCount: 99,
      checkedIn: 99,
      walkIns: 99,
    };
    expect(await store.updateEventFields('ev1', patch as never)).toBe(true);
    expect(requests).toEqual([
      {
        collection: 'events',
        calls: [
          ['doc', 'ev1'],
          ['update', { title: '新标题', entered: _.set(entered), audiences: ['youth'] }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:events']);
    expect(await store.getEvent('ev1')).toEqual(
      makeEvent({
        title: '新标题',
        entered,
        audiences: ['youth'],
        capacity: 5,
        seatsTaken: 2,
        waitingCount: 1,
        checkedIn: 1,
        walkIns: 3,
      }),
    );
  });

  test('null is written as null, and an entered figure replaces the old one whole', async () => {
    const { fake, store, requests } = setup();
    await store.putEvent(makeEvent({ entered }));
    reset(requests);
    expect(await store.updateEventFields('ev1', { entered: null })).toBe(true);
    expect(requests[0].calls[1]).toEqual(['update', { entered: null }]);
    expect(fake.dump('events')[0].entered).toBeNull();
    expect((await store.getEvent('ev1'))?.entered).toBeNull();

    // Onto null: a flattened { 'entered.participants': … } would fail here; set() does not.
    const next = { participants: 7, note: '', enteredBy: 'o2', enteredAt: 9 };
    expect(await store.updateEventFields('ev1', { entered: next })).toBe(true);
    expect((await store.getEvent('ev1'))?.entered).toEqual(next);
  });

  test('a patch that changes nothing is true for an existing event (a count tells), false for a missing one', async () => {
    const { store, ops, requests } = setup();
    await store.putEvent(makeEvent({ title: '同名' }));
    reset(ops, requests);

    expect(await store.updateEventFields('ev1', { title: '同名' })).toBe(true);
    expect(ops).toEqual(['write:events', 'read:events']);
    expect(requests[1]).toEqual({ collection: 'events', calls: [['where', { _id: 'ev1' }], ['count']] });

    reset(ops, requests);
    expect(await store.updateEventFields('ev1', { seatsTaken: 3 } as never)).toBe(true);
    expect(await store.updateEventFields('ev1', {})).toBe(true);
    expect(ops).toEqual(['read:events', 'read:events']);

    expect(await store.updateEventFields('missing', { title: 'x' })).toBe(false);
    expect(await store.updateEventFields('missing', {})).toBe(false);
  });

  test('never changes counters, even racing with seat and attendance updates', async () => {
    const { fake, store } = setup();
    await store.putEvent(makeEvent({ capacity: 100 }));
    const stale = makeEvent({ capacity: 100 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => [
        store.updateEventFields('ev1', { ...stale, title: `t${i}` }),
        store.changeAttendance('ev1', { checkedIn: 1, walkIns: 1 }),
        store.takeSeats('ev1', seatGuard(100, 1, 'waitlist')),
        store.changeWaiting('ev1', 1),
      ]).flat(),
    );
    expect(fake.dump('events')[0]).toMatchObject({
      capacity: 100,
      seatsTaken: 40,
      checkedIn: 40,
      walkIns: 40,
      waitingCount: 40,
    });
  });

  test('events stored before the entered figure existed read back with entered: null', async () => {
    const { fake, store } = setup();
    const { entered: _e, ...legacy } = makeEvent({ id: 'old' });
    fake.seed('events', [{ _id: 'old', ...legacy }]);
    expect(await store.getEvent('old')).toEqual({ ...legacy, entered: null });
    expect((await store.getEvents(['old']))[0].entered).toBeNull();
    expect((await store.listEvents('c1'))[0].entered).toBeNull();
  });
});
