/** The CloudBase store's "Organising the week" methods over the CloudBase test double. */
import { seatGuard } from '../../backend/core/seats';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import type { CloudbaseDb, DbFilter, DbUpdate } from '../../backend/store/cloudbase/sdk';
import type { Member } from '../../types/domain';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { makeEvent } from './fixtures';
import { recordedStore as setup, reset } from './recorder';

function member(openid: string, districtId = 'd1'): Member {
  return { openid, role: 'staff', districtId, unitIds: ['u1'], name: `人${openid}` };
}

describe('members', () => {
  test('listMembers pages through one district by _id', async () => {
    const { fake, store, ops, requests } = setup();
    fake.seed(
      'members',
      Array.from({ length: 1050 }, (_, i) => {
        const m = member(`op${String(1049 - i).padStart(4, '0')}`, i % 50 === 0 ? 'd2' : 'd1');
        return { _id: m.openid, ...m };
      }),
    );
    const listed = await store.listMembers('d1');
    expect(listed).toHaveLength(1050 - 21);
    expect(listed.every((m) => m.districtId === 'd1')).toBe(true);
    const ids = listed.map((m) => m.openid);
    expect(ids).toEqual([...ids].sort());
    expect(listed[0]).toEqual(member(ids[0]));
    expect(ops).toEqual(['read:members', 'read:members']);
    expect(requests[0].calls).toEqual([
      ['where', { districtId: 'd1' }],
      ['orderBy', '_id', 'asc'],
      ['skip', 0],
      ['limit', 1000],
      ['get'],
    ]);
    expect(await store.listMembers('d9')).toEqual([]);
  });

  test('removeMember is one doc remove; removing a missing member is fine', async () => {
    const { fake, store, ops, requests } = setup();
    await store.putMember(member('op1'));
    await store.putMember(member('op2'));
    reset(ops, requests);
    await store.removeMember('op1');
    await store.removeMember('op1');
    await store.removeMember('nobody');
    expect(requests).toEqual([
      {
        collection: 'members',
        calls: [['doc', 'op1'], ['remove']],
      },
      {
        collection: 'members',
        calls: [['doc', 'op1'], ['remove']],
      },
      {
        collection: 'members',
        calls: [['doc', 'nobody'], ['remove']],
      },
    ]);
    expect(ops).toEqual(['write:members', 'write:members', 'write:members']);
    expect(await store.getMember('op1')).toBeNull();
    expect(fake.dump('members').map((d) => d._id)).toEqual(['op2']);
  });
});

describe('setCapacity', () => {
  test('a number is one conditional update guarded by the seats taken', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 6, waitingCount: 2, checkedIn: 1 }));
    reset(ops, requests);
    expect(await store.setCapacity('ev1', 8)).toBe(true);
    expect(requests).toEqual([
      {
        collection: 'events',
        calls: [
          ['where', { _id: 'ev1', seatsTaken: _.lte(8) }],
          ['update', { capacity: 8 }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:events']);
    // The counters are left as they are.
    expect(await store.getEvent('ev1')).toEqual(
      makeEvent({ capacity: 8, seatsTaken: 6, waitingCount: 2, checkedIn: 1 }),
    );
  });

  test('null (no sign-up needed) only while no seat is taken, and reads back as null', async () => {
    const { fake, store, requests } = setup();
    await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 1 }));
    reset(requests);
    expect(await store.setCapacity('ev1', null)).toBe(false);
    expect(requests[0]).toEqual({
      collection: 'events',
      calls: [
        ['where', { _id: 'ev1', seatsTaken: 0 }],
        ['update', { capacity: null }],
      ],
    });
    expect((await store.getEvent('ev1'))?.capacity).toBe(10);

    await store.releaseSeats('ev1', 1);
    expect(await store.setCapacity('ev1', null)).toBe(true);
    expect(fake.dump('events')[0].capacity).toBeNull();
    expect((await store.getEvent('ev1'))?.capacity).toBeNull();
    // Seats cannot be taken without a capacity; a capacity can be set again.
    expect(await store.takeSeats('ev1', seatGuard(10, 1, 'newcomer'))).toBe(false);
    expect(await store.setCapacity('ev1', 20)).toBe(true);
    expect((await store.getEvent('ev1'))?.capacity).toBe(20);
  });

  test('refuses a capacity below the seats taken; the boundary fits', async () => {
    const { store } = setup();
    await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 6 }));
    expect(await store.setCapacity('ev1', 5)).toBe(false);
    expect(await store.setCapacity('ev1', 0)).toBe(false);
    expect((await store.getEvent('ev1'))?.capacity).toBe(10);
    expect(await store.setCapacity('ev1', 6)).toBe(true);
    expect((await store.getEvent('ev1'))?.capacity).toBe(6);
    expect(await store.setCapacity('missing', 6)).toBe(false);
    expect(await store.setCapacity('missing', null)).toBe(false);
  });

  test('the same capacity again is true while the guard holds: a count decides when nothing changed', async () => {
    const { fake, store, ops, requests } = setup();
    const _ = fake.command;
    await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 4 }));
    reset(ops, requests);
    expect(await store.setCapacity('ev1', 10)).toBe(true);
    expect(requests).toEqual([
      {
        collection: 'events',
        calls: [
          ['where', { _id: 'ev1', seatsTaken: _.lte(10) }],
          ['update', { capacity: 10 }],
        ],
      },
      {
        collection: 'events',
        calls: [['where', { _id: 'ev1', seatsTaken: _.lte(10), capacity: 10 }], ['count']],
      },
    ]);
    expect(ops).toEqual(['write:events', 'read:events']);

    await store.putEvent(makeEvent({ id: 'free', capacity: null, seatsTaken: 0 }));
    expect(await store.setCapacity('free', null)).toBe(true);
  });

  test('the count also holds the guard: an event already over the asked capacity is refused', async () => {
    const { fake, store } = setup();
    // Inconsistent data (more seats than capacity) must not read as a successful no-op.
    fake.seed('events', [{ _id: 'ev1', ...makeEvent({ capacity: 5, seatsTaken: 7 }) }]);
    expect(await store.setCapacity('ev1', 5)).toBe(false);
    fake.seed('events', [{ _id: 'ev2', ...makeEvent({ id: 'ev2', capacity: null, seatsTaken: 1 }) }]);
    expect(await store.setCapacity('ev2', null)).toBe(false);
  });

  test('a refusal stays a refusal when seats are freed between the update and the count', async () => {
    const fake = new CloudbaseFake();
    const _ = fake.command;
    fake.seed('events', [{ _id: 'ev1', ...makeEvent({ capacity: 10, seatsTaken: 8 }) }]);
    // Frees seats right after the first conditional update on events answers.
    let freed = false;
    const db: CloudbaseDb = {
      command: fake.command,
      runTransaction: (work, times) => fake.runTransaction(work, times),
      collection(name) {
        const collection = fake.collection(name);
        return new Proxy(collection, {
          get(target, property, receiver) {
            if (property !== 'where') return Reflect.get(target, property, receiver);
            return (filter: DbFilter) => {
              const query = target.where(filter);
              return new Proxy(query, {
                get(inner, key, innerReceiver) {
                  if (key !== 'update') return Reflect.get(inner, key, innerReceiver);
                  return async (data: DbUpdate) => {
                    const result = await inner.update(data);
                    if (!freed) {
                      freed = true;
                      await fake
                        .collection('events')
                        .doc('ev1')
                        .update({ seatsTaken: _.inc(-4) });
                    }
                    return result;
                  };
                },
              });
            };
          },
        });
      },
    };
    const store = createCloudbaseStore(db);
    expect(await store.setCapacity('ev1', 5)).toBe(false);
    expect(fake.dump('events')[0]).toMatchObject({ capacity: 10, seatsTaken: 4 });
  });

  test('lowered to 5 while 10 takeSeats run on a 10-seat event: never more seats than capacity', async () => {
    // Every position of the lowering among the ten seat requests. The capacity moves once (10 → 5)
    // and seatsTaken only grows, so the final state bounds every state on the way.
    for (let position = 0; position <= 10; position++) {
      const { fake, store } = setup();
      await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 0 }));
      const takes = Array.from({ length: 10 }, () => () => store.takeSeats('ev1', seatGuard(10, 1, 'newcomer')));
      const calls = [...takes.slice(0, position), () => store.setCapacity('ev1', 5), ...takes.slice(position)];
      const results = await Promise.all(calls.map((call) => call()));
      const lowered = results[position];
      const taken = results.filter((r, i) => i !== position && r).length;
      const [event] = fake.dump('events');
      expect(event.seatsTaken).toBe(taken);
      expect(event.seatsTaken as number).toBeLessThanOrEqual(event.capacity as number);
      expect(lowered).toBe(position <= 5);
      expect(event.capacity).toBe(lowered ? 5 : 10);
      expect(taken).toBe(lowered ? position : 10);
    }
  });

  test('concurrent lowering and seat taking with random timing keeps seats within capacity', async () => {
    for (let round = 0; round < 20; round++) {
      const { fake, store } = setup();
      await store.putEvent(makeEvent({ capacity: 10, seatsTaken: 0 }));
      const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
      const takes = Array.from({ length: 10 }, async () => {
        await later();
        return store.takeSeats('ev1', seatGuard(10, 1, 'newcomer'));
      });
      const lowering = later().then(() => store.setCapacity('ev1', 5));
      const [lowered, ...taken] = await Promise.all([lowering, ...takes]);
      const [event] = fake.dump('events');
      expect(event.seatsTaken).toBe(taken.filter(Boolean).length);
      expect(event.seatsTaken as number).toBeLessThanOrEqual(event.capacity as number);
      expect(event.capacity).toBe(lowered ? 5 : 10);
    }
  });
});
