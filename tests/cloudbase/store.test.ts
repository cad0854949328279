/** The CloudBase store over the CloudBase test double. */
import { type SeatGuard, guardHolds, seatGuard } from '../../backend/core/seats';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { DuplicateKeyError, type Store } from '../../backend/store/port';
import type { SeatCounter } from '../../types/domain';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { makeCampaign, makeEvent, makeRegistration } from './fixtures';

function setup(): { db: CloudbaseFake; store: Store; ops: string[] } {
  const db = new CloudbaseFake();
  const ops: string[] = [];
  const store = createCloudbaseStore(db, { onOp: (kind, collection) => ops.push(`${kind}:${collection}`) });
  return { db, store, ops };
}

describe('records round-trip as documents keyed by their id', () => {
  test('put then get returns the domain object, stored under _id without a system field leaking back', async () => {
    const { db, store } = setup();
    const event = makeEvent({ onlineUrl: undefined });
    await store.putEvent(event);
    expect(db.dump('events')).toEqual([{ _id: 'ev1', ...event }]);
    expect(await store.getEvent('ev1')).toEqual(event);
    expect(await store.getEvent('missing')).toBeNull();
  });

  test('members are keyed by openid; a foreign _openid is not returned', async () => {
    const { db, store } = setup();
    await store.putMember({ openid: 'op1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '李四' });
    expect(db.dump('members')[0]._id).toBe('op1');
    db.seed('members', [
      { _id: 'op2', _openid: 'client', openid: 'op2', role: 'admin', districtId: 'd1', unitIds: [], name: 'x' },
    ]);
    expect(await store.getMember('op2')).toEqual({
      openid: 'op2',
      role: 'admin',
      districtId: 'd1',
      unitIds: [],
      name: 'x',
    });
  });

  test('put replaces the whole record', async () => {
    const { store } = setup();
    await store.putCampaign(makeCampaign({ periodStart: '2025-05-01' }));
    await store.putCampaign(makeCampaign({ name: '新名称' }));
    const campaign = await store.getCampaign('c1');
    expect(campaign?.name).toBe('新名称');
    expect(campaign).not.toHaveProperty('periodStart');
  });

  test('latestCampaign is the one whose week ends last', async () => {
    const { store } = setup();
    expect(await store.latestCampaign()).toBeNull();
    await store.putCampaign(makeCampaign({ id: 'c2024', weekEnd: '2024-06-20' }));
    await store.putCampaign(makeCampaign({ id: 'c2025', weekEnd: '2025-06-20' }));
    await store.putCampaign(makeCampaign({ id: 'c2023', weekEnd: '2023-06-20' }));
    expect((await store.latestCampaign())?.id).toBe('c2025');
  });

  test('listOrgs returns one district only', async () => {
    const { store } = setup();
    await store.putOrg({ id: 'u2', name: 'B', kind: 'unit', parentId: 's1', districtId: 'd1' });
    await store.putOrg({ id: 'u1', name: 'A', kind: 'unit', parentId: 's1', districtId: 'd1' });
    await store.putOrg({ id: 'x', name: 'X', kind: 'district', parentId: null, districtId: 'd2' });
    expect((await store.listOrgs('d1')).map((o) => o.id)).toEqual(['u1', 'u2']);
  });
});

describe('events', () => {
  test('listEvents pages past the 1,000-document cap, ordered by start time, optionally one day', async () => {
    const { store, ops } = setup();
    const total = 1050;
    for (let i = 0; i < total; i++) {
      await store.putEvent(
        makeEvent({ id: `e${i}`, startAt: 1_000_000 - i, day: i % 2 === 0 ? '2025-06-15' : '2025-06-16' }),
      );
    }
    await store.putEvent(makeEvent({ id: 'other', campaignId: 'c2' }));
    ops.length = 0;
    const all = await store.listEvents('c1');
    expect(all).toHaveLength(total);
    // The count and the first page go out together, then the second page: three requests.
    expect(ops).toEqual(['read:events', 'read:events', 'read:events']);
    const starts = all.map((e) => e.startAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const oneDay = await store.listEvents('c1', '2025-06-16');
    expect(oneDay).toHaveLength(total / 2);
    expect(oneDay.every((e) => e.day === '2025-06-16')).toBe(true);
  }, 30_000);

  test('getEvents returns the found events in the order asked, across chunks of ids', async () => {
    const { store } = setup();
    for (let i = 0; i < 150; i++) await store.putEvent(makeEvent({ id: `e${String(i).padStart(3, '0')}` }));
    const ids = [
      'e149',
      'missing',
      'e000',
      ...Array.from({ length: 120 }, (_, i) => `e${String(i + 10).padStart(3, '0')}`),
    ];
    const found = await store.getEvents(ids);
    expect(found.map((e) => e.id)).toEqual(ids.filter((id) => id !== 'missing'));
    expect(await store.getEvents([])).toEqual([]);
  });
});

describe('seats', () => {
  const counters: SeatCounter[] = [
    { capacity: 10, seatsTaken: 0, waitingCount: 0 },
    { capacity: 10, seatsTaken: 8, waitingCount: 0 },
    { capacity: 10, seatsTaken: 9, waitingCount: 0 },
    { capacity: 10, seatsTaken: 10, waitingCount: 0 },
    { capacity: 10, seatsTaken: 3, waitingCount: 2 },
    { capacity: 12, seatsTaken: 0, waitingCount: 0 },
  ];
  const guards: SeatGuard[] = [
    seatGuard(10, 1, 'newcomer'),
    seatGuard(10, 2, 'newcomer'),
    seatGuard(10, 2, 'waitlist'),
    seatGuard(10, 3, 'waitlist'),
  ];
  const cases = counters.flatMap((counter) => guards.map((guard) => [counter, guard] as const));

  test.each(cases)('takeSeats on %o with %o agrees with guardHolds', async (counter, guard) => {
    const { db, store } = setup();
    await store.putEvent(makeEvent({ ...counter }));
    const expected = guardHolds(counter, guard);
    expect(await store.takeSeats('ev1', guard)).toBe(expected);
    expect(db.dump('events')[0].seatsTaken).toBe(counter.seatsTaken + (expected ? guard.party : 0));
  });

  test('takeSeats is one conditional update request', async () => {
    const { db, store, ops } = setup();
    await store.putEvent(makeEvent());
    const before = db.ops.length;
    ops.length = 0;
    await store.takeSeats('ev1', seatGuard(50, 1, 'newcomer'));
    expect(db.ops.slice(before)).toEqual([{ op: 'update', collection: 'events', inTransaction: false }]);
    expect(ops).toEqual(['write:events']);
  });

  test('takeSeats on a missing event is false', async () => {
    const { store } = setup();
    expect(await store.takeSeats('nope', seatGuard(50, 1, 'newcomer'))).toBe(false);
  });

  test('200 concurrent takeSeats on a 50-seat event: exactly 50 succeed', async () => {
    const { db, store } = setup();
    await store.putEvent(makeEvent({ capacity: 50 }));
    const results = await Promise.all(
      Array.from({ length: 200 }, () => store.takeSeats('ev1', seatGuard(50, 1, 'newcomer'))),
    );
    expect(results.filter(Boolean)).toHaveLength(50);
    expect(db.dump('events')[0].seatsTaken).toBe(50);
  });

  test('concurrent parties of 3 never overfill 50 seats', async () => {
    const { db, store } = setup();
    await store.putEvent(makeEvent({ capacity: 50 }));
    const results = await Promise.all(
      Array.from({ length: 40 }, () => store.takeSeats('ev1', seatGuard(50, 3, 'newcomer'))),
    );
    expect(results.filter(Boolean)).toHaveLength(16);
    expect(db.dump('events')[0].seatsTaken).toBe(48);
  });

  test('releaseSeats and changeWaiting move the counters', async () => {
    const { db, store } = setup();
    await store.putEvent(makeEvent({ seatsTaken: 5, waitingCount: 1 }));
    await store.releaseSeats('ev1', 2);
    await store.changeWaiting('ev1', 1);
    await store.changeWaiting('ev1', 1);
    await store.changeWaiting('ev1', -1);
    expect(db.dump('events')[0]).toMatchObject({ seatsTaken: 3, waitingCount: 2 });
  });
});

describe('registrations', () => {
  test('a second insert of the same id fails with DuplicateKeyError and keeps the first', async () => {
    const { store } = setup();
    await store.insertRegistration(makeRegistration({ name: '第一' }));
    const again = store.insertRegistration(makeRegistration({ name: '第二' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(again).rejects.toMatchObject({ key: 'ev1_o1' });
    expect((await store.getRegistration('ev1_o1'))?.name).toBe('第一');
  });

  test('concurrent inserts of one id: exactly one wins', async () => {
    const { store } = setup();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => store.insertRegistration(makeRegistration())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof DuplicateKeyError)).toHaveLength(9);
  });

  test('updateRegistration applies the patch only while status (and updatedAt, when given) still match', async () => {
    const { store } = setup();
    const reg = makeRegistration({ status: 'pending', updatedAt: 100 });
    await store.insertRegistration(reg);

    expect(await store.updateRegistration(reg.id, { status: 'waitlisted' }, { status: 'cancelled' })).toBe(false);
    expect(await store.updateRegistration(reg.id, { status: 'pending', updatedAt: 99 }, { status: 'cancelled' })).toBe(
      false,
    );
    expect((await store.getRegistration(reg.id))?.status).toBe('pending');

    const patch = { status: 'confirmed' as const, confirmedAt: 200, updatedAt: 200 };
    expect(await store.updateRegistration(reg.id, { status: 'pending', updatedAt: 100 }, patch)).toBe(true);
    expect(await store.getRegistration(reg.id)).toEqual({ ...reg, ...patch });

    expect(
      await store.updateRegistration(reg.id, { status: 'confirmed' }, { status: 'cancelled', updatedAt: 300 }),
    ).toBe(true);
    expect(await store.updateRegistration('missing', { status: 'pending' }, { status: 'cancelled' })).toBe(false);
  });

  test('updateRegistration never changes the id or event, and an empty patch reports whether it matches', async () => {
    const { store } = setup();
    const reg = makeRegistration();
    await store.insertRegistration(reg);
    const sneaky = { id: 'other', eventId: 'ev9', name: '王五', updatedAt: 5 } as never;
    expect(await store.updateRegistration(reg.id, { status: 'pending' }, sneaky)).toBe(true);
    expect(await store.getRegistration(reg.id)).toEqual({ ...reg, name: '王五', updatedAt: 5 });
    expect(await store.updateRegistration(reg.id, { status: 'pending' }, {})).toBe(true);
    expect(await store.updateRegistration(reg.id, { status: 'confirmed' }, {})).toBe(false);
  });

  test('concurrent updates with the same expectation: exactly one applies', async () => {
    const { store } = setup();
    await store.insertRegistration(makeRegistration({ status: 'waitlisted', updatedAt: 1 }));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateRegistration(
          'ev1_o1',
          { status: 'waitlisted', updatedAt: 1 },
          { status: 'confirmed', updatedAt: 10 + i },
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('lists of an owner (latest first) and of an event', async () => {
    const { store } = setup();
    await store.insertRegistration(makeRegistration({ id: 'ev1_o1', updatedAt: 1 }));
    await store.insertRegistration(makeRegistration({ id: 'ev2_o1', eventId: 'ev2', updatedAt: 3 }));
    await store.insertRegistration(makeRegistration({ id: 'ev1_o2', ownerId: 'o2', updatedAt: 2 }));
    expect((await store.listRegistrationsOfOwner('o1')).map((r) => r.id)).toEqual(['ev2_o1', 'ev1_o1']);
    expect((await store.listRegistrationsOfEvent('ev1')).map((r) => r.id)).toEqual(['ev1_o1', 'ev1_o2']);
  });
});

describe('waitlist', () => {
  async function seedWaitlist(store: Store): Promise<void> {
    const rows: [string, number | null, 'waitlisted' | 'confirmed' | 'cancelled', string?][] = [
      ['ev1_d', 20, 'waitlisted'],
      ['ev1_b', 10, 'waitlisted'],
      ['ev1_c', 10, 'waitlisted'],
      ['ev1_a', 30, 'waitlisted'],
      ['ev1_x', 5, 'cancelled'],
      ['ev1_y', null, 'confirmed'],
      ['ev2_z', 1, 'waitlisted', 'ev2'],
    ];
    for (const [id, waitTicket, status, eventId = 'ev1'] of rows) {
      await store.insertRegistration(makeRegistration({ id, eventId, waitTicket, status }));
    }
  }

  test('listWaitlisted orders by ticket, then id, within one event and status, up to limit', async () => {
    const { store } = setup();
    await seedWaitlist(store);
    expect((await store.listWaitlisted('ev1', 50)).map((r) => r.id)).toEqual(['ev1_b', 'ev1_c', 'ev1_d', 'ev1_a']);
    expect((await store.listWaitlisted('ev1', 2)).map((r) => r.id)).toEqual(['ev1_b', 'ev1_c']);
    expect(await store.listWaitlisted('ev1', 0)).toEqual([]);
  });

  test('listWaitlisted pages when the limit exceeds 1,000', async () => {
    const { db, store } = setup();
    db.seed(
      'registrations',
      Array.from({ length: 1100 }, (_, i) => {
        const reg = makeRegistration({ id: `ev1_${i}`, status: 'waitlisted', waitTicket: 5000 - i });
        return { _id: reg.id, ...reg };
      }),
    );
    const listed = await store.listWaitlisted('ev1', 1050);
    expect(listed).toHaveLength(1050);
    expect(listed[0].waitTicket).toBe(3901);
    expect(listed[1049].waitTicket).toBe(3901 + 1049);
  });

  test('countWaitlistedBefore counts smaller tickets, and equal tickets with a smaller id', async () => {
    const { store } = setup();
    await seedWaitlist(store);
    expect(await store.countWaitlistedBefore('ev1', 10, 'ev1_b')).toBe(0);
    expect(await store.countWaitlistedBefore('ev1', 10, 'ev1_c')).toBe(1);
    expect(await store.countWaitlistedBefore('ev1', 20, 'ev1_d')).toBe(2);
    expect(await store.countWaitlistedBefore('ev1', 30, 'ev1_a')).toBe(3);
    expect(await store.countWaitlistedBefore('ev2', 1, 'ev2_z')).toBe(0);
  });
});

describe('atomic', () => {
  test('runs the work as it is, without a transaction, and returns its result', async () => {
    const { db, store } = setup();
    await store.putEvent(makeEvent());
    const result = await store.atomic(async () => {
      await store.takeSeats('ev1', seatGuard(50, 2, 'newcomer'));
      return 'done';
    });
    expect(result).toBe('done');
    expect(db.ops.some((o) => o.inTransaction || o.op === 'commit')).toBe(false);
    await expect(store.atomic(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
