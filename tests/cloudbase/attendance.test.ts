/** The CloudBase store's door check-in methods: attendance counters, check-ins and the scan log. */
import { DuplicateKeyError } from '../../backend/store/port';
import type { ScanLogEntry } from '../../types/domain';
import { CloudbaseFake, networkError } from '../doubles/cloudbase-fake';
import { makeCheckin, makeEvent, makeScanLog } from './fixtures';
import { recordedStore as setup, reset } from './recorder';

describe('attendance counters', () => {
  test('changeAttendance is one doc update that increments only the counters given', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.putEvent(makeEvent({ checkedIn: 4, walkIns: 1 }));
    reset(ops, requests);

    await store.changeAttendance('ev1', { checkedIn: 3 });
    await store.changeAttendance('ev1', { walkIns: 2 });
    await store.changeAttendance('ev1', { checkedIn: -1, walkIns: -1 });
    await store.changeAttendance('ev1', { checkedIn: 2, walkIns: 0 });

    expect(requests).toEqual([
      {
        collection: 'events',
        calls: [
          ['doc', 'ev1'],
          ['update', { checkedIn: _.inc(3) }],
        ],
      },
      {
        collection: 'events',
        calls: [
          ['doc', 'ev1'],
          ['update', { walkIns: _.inc(2) }],
        ],
      },
      {
        collection: 'events',
        calls: [
          ['doc', 'ev1'],
          ['update', { checkedIn: _.inc(-1), walkIns: _.inc(-1) }],
        ],
      },
      {
        collection: 'events',
        calls: [
          ['doc', 'ev1'],
          ['update', { checkedIn: _.inc(2) }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:events', 'write:events', 'write:events', 'write:events']);
    expect(await store.getEvent('ev1')).toMatchObject({ checkedIn: 8, walkIns: 2, seatsTaken: 0 });
  });

  test('a change of nothing sends no request', async () => {
    const { store, ops, requests } = setup();
    await store.putEvent(makeEvent());
    reset(ops, requests);
    await store.changeAttendance('ev1', {});
    await store.changeAttendance('ev1', { checkedIn: 0, walkIns: 0 });
    expect(requests).toEqual([]);
    expect(ops).toEqual([]);
  });

  test('100 concurrent changeAttendance(+1) count to 100, and concurrent undos take them back', async () => {
    const { fake, store } = setup();
    await store.putEvent(makeEvent());
    await Promise.all(Array.from({ length: 100 }, () => store.changeAttendance('ev1', { checkedIn: 1 })));
    expect(fake.dump('events')[0].checkedIn).toBe(100);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        store.changeAttendance('ev1', i % 2 === 0 ? { checkedIn: -1 } : { checkedIn: -1, walkIns: 1 }),
      ),
    );
    expect(fake.dump('events')[0]).toMatchObject({ checkedIn: 40, walkIns: 30 });
  });

  test('events written before the counters existed read back with 0, and count up from 0', async () => {
    const { fake, store } = setup();
    const { checkedIn: _c, walkIns: _w, ...legacy } = makeEvent({ id: 'old', startAt: 1 });
    fake.seed('events', [{ _id: 'old', ...legacy }]);
    await store.putEvent(makeEvent({ id: 'new', startAt: 2, checkedIn: 7, walkIns: 3 }));

    expect(await store.getEvent('old')).toEqual({ ...legacy, checkedIn: 0, walkIns: 0 });
    expect((await store.getEvents(['old', 'new'])).map((e) => [e.id, e.checkedIn, e.walkIns])).toEqual([
      ['old', 0, 0],
      ['new', 7, 3],
    ]);
    expect((await store.listEvents('c1')).map((e) => [e.id, e.checkedIn, e.walkIns])).toEqual([
      ['old', 0, 0],
      ['new', 7, 3],
    ]);

    await store.changeAttendance('old', { walkIns: 2 });
    expect(fake.dump('events').find((d) => d._id === 'old')).not.toHaveProperty('checkedIn');
    expect(await store.getEvent('old')).toMatchObject({ checkedIn: 0, walkIns: 2 });
  });

  test('changing a missing event changes nothing and does not fail', async () => {
    const { fake, store } = setup();
    await store.changeAttendance('nope', { checkedIn: 1 });
    expect(fake.dump('events')).toEqual([]);
  });
});

describe('check-ins', () => {
  test('insertCheckin adds a document under _id = the check-in id; getCheckin reads it back', async () => {
    const { fake, store, ops, requests } = setup();
    const checkin = makeCheckin();
    await store.insertCheckin(checkin);
    const { id } = checkin;
    expect(requests).toEqual([{ collection: 'checkins', calls: [['add', { _id: id, ...checkin }]] }]);
    expect(fake.dump('checkins')).toEqual([{ _id: id, ...checkin }]);
    expect(await store.getCheckin(id)).toEqual(checkin);
    expect(await store.getCheckin('missing')).toBeNull();
    expect(ops).toEqual(['write:checkins', 'read:checkins', 'read:checkins']);
  });

  test('a second check-in of the same id is a DuplicateKeyError and keeps the first', async () => {
    const { store } = setup();
    await store.insertCheckin(makeCheckin({ deviceId: 'first' }));
    const again = store.insertCheckin(makeCheckin({ deviceId: 'second' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(again).rejects.toMatchObject({ key: 'ev1_o1' });
    expect((await store.getCheckin('ev1_o1'))?.deviceId).toBe('first');
  });

  test('50 concurrent insertCheckin of the same id: exactly one succeeds', async () => {
    const { fake, store } = setup();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.insertCheckin(makeCheckin({ deviceId: `dev${i}` }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof DuplicateKeyError)).toHaveLength(49);
    expect(fake.dump('checkins')).toHaveLength(1);
  });

  test('updateCheckin is one where({ _id, status }).update(patch), true only if it applied', async () => {
    const { fake, store, ops, requests } = setup();
    const checkin = makeCheckin();
    await store.insertCheckin(checkin);
    reset(ops, requests);

    const undo = { status: 'undone' as const, undoneAt: 5, undoneBy: 'staff2', undoReason: '扫错了' };
    expect(await store.updateCheckin(checkin.id, 'active', undo)).toBe(true);
    expect(requests).toEqual([
      {
        collection: 'checkins',
        calls: [
          ['where', { _id: checkin.id, status: 'active' }],
          ['update', undo],
        ],
      },
    ]);
    expect(ops).toEqual(['write:checkins']);
    expect(await store.getCheckin(checkin.id)).toEqual({ ...checkin, ...undo });

    expect(await store.updateCheckin(checkin.id, 'active', { status: 'undone', undoneAt: 6 })).toBe(false);
    expect((await store.getCheckin(checkin.id))?.undoneAt).toBe(5);
    expect(await store.updateCheckin('missing', 'active', { status: 'undone' })).toBe(false);
    expect(fake.dump('checkins')).toHaveLength(1);
  });

  test('updateCheckin never changes the id, and an empty patch reports whether the check-in matches', async () => {
    const { fake, store, requests } = setup();
    const checkin = makeCheckin();
    await store.insertCheckin(checkin);
    reset(requests);
    const sneaky = { id: 'other', party: 3 } as never;
    expect(await store.updateCheckin(checkin.id, 'active', sneaky)).toBe(true);
    expect(requests[0].calls[1]).toEqual(['update', { party: 3 }]);
    expect(fake.dump('checkins')).toEqual([{ _id: checkin.id, ...checkin, party: 3 }]);

    reset(requests);
    expect(await store.updateCheckin(checkin.id, 'active', {})).toBe(true);
    expect(await store.updateCheckin(checkin.id, 'undone', {})).toBe(false);
    expect(requests.map((r) => r.calls.at(-1)?.[0])).toEqual(['count', 'count']);
  });

  test('concurrent undos of one check-in: exactly one applies', async () => {
    const { store } = setup();
    await store.insertCheckin(makeCheckin());
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateCheckin('ev1_o1', 'active', { status: 'undone', undoneAt: i, undoneBy: `s${i}` }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('listCheckinsOfEvent returns one event, ordered by _id, paging past the 1,000-document cap', async () => {
    const { fake, store, ops, requests } = setup();
    const ids = Array.from({ length: 1050 }, (_, i) => `ev1_${String(i).padStart(4, '0')}`);
    fake.seed(
      'checkins',
      [...ids].reverse().map((id) => ({ _id: id, ...makeCheckin({ id, registrationId: id }) })),
    );
    await store.insertCheckin(makeCheckin({ id: 'ev2_o1', eventId: 'ev2' }));
    reset(ops, requests);

    const listed = await store.listCheckinsOfEvent('ev1');
    expect(listed.map((c) => c.id)).toEqual(ids);
    expect(listed[0]).toEqual(makeCheckin({ id: ids[0], registrationId: ids[0] }));
    expect(ops).toEqual(['read:checkins', 'read:checkins']);
    expect(requests[0].calls).toEqual([
      ['where', { eventId: 'ev1' }],
      ['orderBy', '_id', 'asc'],
      ['skip', 0],
      ['limit', 1000],
      ['get'],
    ]);
    expect(requests[1].calls.slice(2, 4)).toEqual([
      ['skip', 1000],
      ['limit', 1000],
    ]);
    expect(await store.listCheckinsOfEvent('ev9')).toEqual([]);
  });
});

describe('scan log', () => {
  test('insertScanLog adds a document under _id = the scanId; getScanLog reads it back', async () => {
    const { fake, store, ops, requests } = setup();
    const entry = makeScanLog({ id: 'scan-abc' });
    await store.insertScanLog(entry);
    const { id } = entry;
    expect(requests).toEqual([{ collection: 'scan_log', calls: [['add', { _id: id, ...entry }]] }]);
    expect(fake.dump('scan_log')).toEqual([{ _id: id, ...entry }]);
    expect(await store.getScanLog(id)).toEqual(entry);
    expect(await store.getScanLog('missing')).toBeNull();
    expect(ops).toEqual(['write:scan_log', 'read:scan_log', 'read:scan_log']);
  });

  test('a replayed scan (same scanId) is a DuplicateKeyError and keeps the first answer', async () => {
    const { store } = setup();
    await store.insertScanLog(makeScanLog({ outcome: 'checked_in' }));
    const replay = store.insertScanLog(makeScanLog({ outcome: 'already_checked_in' }));
    await expect(replay).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(replay).rejects.toMatchObject({ key: 'scan1' });
    expect((await store.getScanLog('scan1'))?.outcome).toBe('checked_in');
  });

  test('a timed-out scan log insert that was in fact applied: unavailable, then the replay collides', async () => {
    const { fake, store } = setup();
    fake.failNext({ op: 'add', collection: 'scan_log', error: networkError('ESOCKETTIMEDOUT'), when: 'after' });
    await expect(store.insertScanLog(makeScanLog())).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(store.insertScanLog(makeScanLog())).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  /** Entries of ev1 recorded at 100, 101, …, with two sharing the time 105; one entry of ev2. */
  function seedLog(fake: CloudbaseFake, n: number): ScanLogEntry[] {
    const entries = Array.from({ length: n }, (_, i) =>
      makeScanLog({ id: `s${String(i).padStart(4, '0')}`, recordedAt: i === 6 ? 105 : 100 + i }),
    );
    const other = makeScanLog({ id: 'other', eventId: 'ev2', recordedAt: 10_000 });
    fake.seed(
      'scan_log',
      [...entries, other].map((e) => ({ _id: e.id, ...e })),
    );
    return entries;
  }

  test('listScanLog is newest first (recordedAt desc, then _id), with the total of the event', async () => {
    const { fake, store, ops, requests } = setup();
    seedLog(fake, 10);
    const { entries, total } = await store.listScanLog('ev1', 0, 50);
    expect(total).toBe(10);
    expect(entries.map((e) => e.id)).toEqual([
      's0009',
      's0008',
      's0007',
      's0005',
      's0006',
      's0004',
      's0003',
      's0002',
      's0001',
      's0000',
    ]);
    expect(entries[0]).toEqual(makeScanLog({ id: 's0009', recordedAt: 109 }));
    expect(ops).toEqual(['read:scan_log', 'read:scan_log']);
    expect(requests).toEqual([
      { collection: 'scan_log', calls: [['where', { eventId: 'ev1' }], ['count']] },
      {
        collection: 'scan_log',
        calls: [
          ['where', { eventId: 'ev1' }],
          ['orderBy', 'recordedAt', 'desc'],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', 50],
          ['get'],
        ],
      },
    ]);
  });

  test('pages by offset and limit cover the log once, in order', async () => {
    const { fake, store } = setup();
    seedLog(fake, 10);
    const { entries: all } = await store.listScanLog('ev1', 0, 100);
    const paged: string[] = [];
    for (let offset = 0; offset < 12; offset += 3) {
      const page = await store.listScanLog('ev1', offset, 3);
      expect(page.total).toBe(10);
      paged.push(...page.entries.map((e) => e.id));
    }
    expect(paged).toEqual(all.map((e) => e.id));
    expect(await store.listScanLog('ev1', 20, 5)).toEqual({ entries: [], total: 10 });
    expect(await store.listScanLog('ev9', 0, 5)).toEqual({ entries: [], total: 0 });
  });

  test('a limit of 0 only counts', async () => {
    const { fake, store, requests } = setup();
    seedLog(fake, 3);
    expect(await store.listScanLog('ev1', 0, 0)).toEqual({ entries: [], total: 3 });
    expect(requests.map((r) => r.calls.at(-1)?.[0])).toEqual(['count']);
  });

  test('the limit is capped at the SDK maximum of 1,000: one page, and the offset reaches the rest', async () => {
    const { fake, store, requests } = setup();
    const entries = seedLog(fake, 1100);
    const first = await store.listScanLog('ev1', 0, 5000);
    expect(first.total).toBe(1100);
    expect(first.entries).toHaveLength(1000);
    expect(first.entries[0].id).toBe(entries[1099].id);
    expect(requests.filter((r) => r.calls.at(-1)?.[0] === 'get')).toHaveLength(1);
    expect(requests.find((r) => r.calls.at(-1)?.[0] === 'get')?.calls).toContainEqual(['limit', 1000]);

    const rest = await store.listScanLog('ev1', 1000, 1000);
    expect(rest.entries).toHaveLength(100);
    expect(rest.entries.at(-1)?.id).toBe(entries[0].id);
    const seen = new Set([...first.entries, ...rest.entries].map((e) => e.id));
    expect(seen.size).toBe(1100);
  });
});
