/** The CloudBase store's invitations, notices, setup audit log and reference data over the CloudBase test double. */
import { DuplicateKeyError, type Store } from '../../backend/store/port';
import { makeAudit, makeCampaign, makeInvite, makeNotice } from './fixtures';
import { recordedStore as setup, reset, methods } from './recorder';

describe('invites', () => {
  test('insert with _id = code; get returns it with its nulls; a second insert of the code fails', async () => {
    const { fake, store, ops, requests } = setup();
    const invite = makeInvite();
    await store.insertInvite(invite);
    expect(requests).toEqual([{ collection: 'invites', calls: [['add', { _id: 'AB12CD34', ...invite }]] }]);
    expect(ops).toEqual(['write:invites']);
    expect(fake.dump('invites')).toEqual([{ _id: 'AB12CD34', ...invite }]);
    expect(await store.getInvite('AB12CD34')).toEqual(invite);
    expect(await store.getInvite('missing')).toBeNull();

    const again = store.insertInvite(makeInvite({ name: '另一位' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(again).rejects.toMatchObject({ key: 'AB12CD34' });
    expect((await store.getInvite('AB12CD34'))?.name).toBe('王老师');
  });

  test('useInvite is one conditional update on unused, unrevoked; a second use is false', async () => {
    const { store, ops, requests } = setup();
    const invite = makeInvite();
    await store.insertInvite(invite);
    reset(ops, requests);
    expect(await store.useInvite('AB12CD34', 'op1', 500)).toBe(true);
    expect(requests).toEqual([
      {
        collection: 'invites',
        calls: [
          ['where', { _id: 'AB12CD34', usedBy: null, revokedAt: null }],
          ['update', { usedBy: 'op1', usedAt: 500 }],
        ],
      },
    ]);
    expect(ops).toEqual(['write:invites']);
    expect(await store.getInvite('AB12CD34')).toEqual({ ...invite, usedBy: 'op1', usedAt: 500 });
    expect(await store.useInvite('AB12CD34', 'op2', 600)).toBe(false);
    expect(await store.useInvite('AB12CD34', 'op1', 600)).toBe(false);
    expect(await store.getInvite('AB12CD34')).toEqual({ ...invite, usedBy: 'op1', usedAt: 500 });
    expect(await store.useInvite('missing', 'op1', 500)).toBe(false);
  });

  test('expiry is not the store’s business: an expired invitation can still be marked used', async () => {
    const { store } = setup();
    await store.insertInvite(makeInvite({ expiresAt: 10 }));
    expect(await store.useInvite('AB12CD34', 'op1', 1_000_000)).toBe(true);
  });

  test('20 concurrent uses: exactly one wins, and the invitation names the winner', async () => {
    const { store } = setup();
    await store.insertInvite(makeInvite());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.useInvite('AB12CD34', `op${i}`, 1000 + i)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await store.getInvite('AB12CD34')).toMatchObject({ usedBy: `op${winner}`, usedAt: 1000 + winner });
  });

  test('revokeInvite: only an unused, unrevoked invitation; a revoked one cannot be used', async () => {
    const { store, requests } = setup();
    await store.insertInvite(makeInvite({ code: 'USED0001' }));
    await store.insertInvite(makeInvite({ code: 'OPEN0001' }));
    await store.useInvite('USED0001', 'op1', 100);
    reset(requests);

    expect(await store.revokeInvite('USED0001', 200)).toBe(false);
    expect(requests[0]).toEqual({
      collection: 'invites',
      calls: [
        ['where', { _id: 'USED0001', usedBy: null, revokedAt: null }],
        ['update', { revokedAt: 200 }],
      ],
    });
    expect(await store.getInvite('USED0001')).toMatchObject({ usedBy: 'op1', revokedAt: null });

    expect(await store.revokeInvite('OPEN0001', 300)).toBe(true);
    expect(await store.getInvite('OPEN0001')).toMatchObject({ usedBy: null, usedAt: null, revokedAt: 300 });
    expect(await store.revokeInvite('OPEN0001', 400)).toBe(false);
    expect(await store.useInvite('OPEN0001', 'op2', 500)).toBe(false);
    expect(await store.getInvite('OPEN0001')).toMatchObject({ usedBy: null, revokedAt: 300 });
    expect(await store.revokeInvite('missing', 1)).toBe(false);
  });

  test('concurrent use and revoke: exactly one of them applies', async () => {
    for (let round = 0; round < 10; round++) {
      const { store } = setup();
      await store.insertInvite(makeInvite());
      const [used, revoked] = await Promise.all(
        round % 2 === 0
          ? [store.useInvite('AB12CD34', 'op1', 1), store.revokeInvite('AB12CD34', 2)]
          : [store.useInvite('AB12CD34', 'op1', 1), store.revokeInvite('AB12CD34', 2)].reverse(),
      );
      expect([used, revoked].filter(Boolean)).toHaveLength(1);
    }
  });

  test('listInvites: one district, newest first (then code), paging past 1,000', async () => {
    const { fake, store, requests } = setup();
    await store.insertInvite(makeInvite({ code: 'B', createdAt: 5 }));
    await store.insertInvite(makeInvite({ code: 'A', createdAt: 5 }));
    await store.insertInvite(makeInvite({ code: 'C', createdAt: 9 }));
    await store.insertInvite(makeInvite({ code: 'D', createdAt: 1 }));
    await store.insertInvite(makeInvite({ code: 'X', createdAt: 7, districtId: 'd2' }));
    reset(requests);
    expect((await store.listInvites('d1')).map((i) => i.code)).toEqual(['C', 'A', 'B', 'D']);
    expect(requests[0].calls).toEqual([
      ['where', { districtId: 'd1' }],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'asc'],
      ['skip', 0],
      ['limit', 1000],
      ['get'],
    ]);

    fake.seed(
      'invites',
      Array.from({ length: 1100 }, (_, i) => {
        const invite = makeInvite({ code: `P${String(i).padStart(5, '0')}`, districtId: 'd3', createdAt: i });
        return { _id: invite.code, ...invite };
      }),
    );
    const many = await store.listInvites('d3');
    expect(many).toHaveLength(1100);
    expect(many[0].code).toBe('P01099');
    expect(many[1099].code).toBe('P00000');
  });
});

describe('notices', () => {
  test('insert with _id = id; a second insert of the id fails', async () => {
    const { fake, store, requests } = setup();
    const notice = makeNotice();
    await store.insertNotice(notice);
    expect(requests).toEqual([{ collection: 'notices', calls: [['add', { _id: 'n1', ...notice }]] }]);
    expect(fake.dump('notices')).toEqual([{ _id: 'n1', ...notice }]);
    const again = store.insertNotice(makeNotice({ text: '另一条' }));
    await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(again).rejects.toMatchObject({ key: 'n1' });
  });

  test('listNotices: one owner, newest first (then id), at most limit; nulls round-trip', async () => {
    const { store, ops, requests } = setup();
    const rows: [string, number, string?][] = [
      ['n2', 10],
      ['n1', 10],
      ['n3', 30],
      ['n4', 20],
      ['n5', 40, 'o2'],
    ];
    for (const [id, createdAt, ownerId = 'o1'] of rows)
      await store.insertNotice(makeNotice({ id, createdAt, ownerId }));
    reset(ops, requests);

    const listed = await store.listNotices('o1', 10);
    expect(listed.map((n) => n.id)).toEqual(['n3', 'n4', 'n1', 'n2']);
    expect(listed[0]).toEqual(makeNotice({ id: 'n3', createdAt: 30 }));
    expect(listed[0].readAt).toBeNull();
    expect(requests).toEqual([
      {
        collection: 'notices',
        calls: [
          ['where', { ownerId: 'o1' }],
          ['orderBy', 'createdAt', 'desc'],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', 10],
          ['get'],
        ],
      },
    ]);
    expect(ops).toEqual(['read:notices']);
    expect((await store.listNotices('o1', 2)).map((n) => n.id)).toEqual(['n3', 'n4']);
    expect(await store.listNotices('o9', 5)).toEqual([]);

    // A limit of 0 sends nothing (limit(0) would mean "100" to the SDK).
    reset(requests);
    expect(await store.listNotices('o1', 0)).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('markNoticeRead: one conditional update, for its owner only, once', async () => {
    const { store, ops, requests } = setup();
    const notice = makeNotice();
    await store.insertNotice(notice);
    reset(ops, requests);

    expect(await store.markNoticeRead('n1', 'o2', 100)).toBe(false);
    expect(requests[0]).toEqual({
      collection: 'notices',
      calls: [
        ['where', { _id: 'n1', ownerId: 'o2', readAt: null }],
        ['update', { readAt: 100 }],
      ],
    });
    expect(ops).toEqual(['write:notices']);
    expect((await store.listNotices('o1', 5))[0].readAt).toBeNull();

    expect(await store.markNoticeRead('n1', 'o1', 200)).toBe(true);
    expect(await store.markNoticeRead('n1', 'o1', 300)).toBe(false);
    expect(await store.listNotices('o1', 5)).toEqual([{ ...notice, readAt: 200 }]);
    expect(await store.markNoticeRead('missing', 'o1', 1)).toBe(false);
  });

  test('concurrent marks of one notice: exactly one is true', async () => {
    const { store } = setup();
    await store.insertNotice(makeNotice());
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.markNoticeRead('n1', 'o1', i + 1)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.listNotices('o1', 1))[0].readAt).toBe(results.indexOf(true) + 1);
  });
});

describe('audit', () => {
  function seedAudit(store: Store, count: number, districtId = 'd1'): Promise<void[]> {
    // Two records share each `at` so the _id tie-break shows.
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        store.insertAudit(
          makeAudit({ id: `${districtId}-${String(i).padStart(4, '0')}`, districtId, at: Math.floor(i / 2) }),
        ),
      ),
    );
  }

  test('insert with _id = id; a repeated id fails', async () => {
    const { fake, store, requests } = setup();
    const record = makeAudit();
    await store.insertAudit(record);
    expect(requests).toEqual([{ collection: 'audit', calls: [['add', { _id: 'a1', ...record }]] }]);
    expect(fake.dump('audit')).toEqual([{ _id: 'a1', ...record }]);
    await expect(store.insertAudit(makeAudit({ summary: 'x' }))).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  test('listAudit: newest first (at desc, then id), one district, with its total', async () => {
    const { store, ops, requests } = setup();
    await seedAudit(store, 6);
    await seedAudit(store, 3, 'd2');
    reset(ops, requests);

    const { records, total } = await store.listAudit('d1', 0, 50);
    expect(total).toBe(6);
    expect(records.map((r) => r.id)).toEqual(['d1-0004', 'd1-0005', 'd1-0002', 'd1-0003', 'd1-0000', 'd1-0001']);
    expect(records[0]).toEqual(makeAudit({ id: 'd1-0004', at: 2 }));
    expect(ops).toEqual(['read:audit', 'read:audit']);
    expect(requests).toEqual([
      { collection: 'audit', calls: [['where', { districtId: 'd1' }], ['count']] },
      {
        collection: 'audit',
        calls: [
          ['where', { districtId: 'd1' }],
          ['orderBy', 'at', 'desc'],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', 50],
          ['get'],
        ],
      },
    ]);
  });

  test('pages by offset and limit cover the log once, in order', async () => {
    const { store } = setup();
    await seedAudit(store, 11);
    const { records: all } = await store.listAudit('d1', 0, 100);
    const paged: string[] = [];
    for (let offset = 0; offset < 14; offset += 4) {
      const page = await store.listAudit('d1', offset, 4);
      expect(page.total).toBe(11);
      paged.push(...page.records.map((r) => r.id));
    }
    expect(paged).toEqual(all.map((r) => r.id));
    expect(await store.listAudit('d1', 20, 5)).toEqual({ records: [], total: 11 });
    expect(await store.listAudit('d9', 0, 5)).toEqual({ records: [], total: 0 });
  });

  test('a limit of 0 only counts; the limit is capped at 1,000 in one page', async () => {
    const { fake, store, requests } = setup();
    fake.seed(
      'audit',
      Array.from({ length: 1100 }, (_, i) => {
        const record = makeAudit({ id: `r${String(i).padStart(5, '0')}`, at: i });
        return { _id: record.id, ...record };
      }),
    );
    expect(await store.listAudit('d1', 0, 0)).toEqual({ records: [], total: 1100 });
    expect(methods(requests)).toEqual(['audit:count']);

    reset(requests);
    const first = await store.listAudit('d1', 0, 5000);
    expect(first.total).toBe(1100);
    expect(first.records).toHaveLength(1000);
    expect(first.records[0].id).toBe('r01099');
    expect(methods(requests).filter((m) => m === 'audit:get')).toHaveLength(1);
    const rest = await store.listAudit('d1', 1000, 1000);
    expect(rest.records.map((r) => r.id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `r${String(99 - i).padStart(5, '0')}`),
    );
  });
});

describe('new optional fields of reference data', () => {
  test('an org contact and campaign deadlines round-trip whole', async () => {
    const { store } = setup();
    const contact = { name: '赵主任', position: '校长', phone: '021-12345678', email: 'z@example.org' };
    await store.putOrg({ id: 'u1', name: '社区学校', kind: 'unit', parentId: 's1', districtId: 'd1', contact });
    expect((await store.listOrgs('d1'))[0].contact).toEqual(contact);
    const deadlines = [
      { label: '计划表', day: '2025-10-30' },
      { label: '总结', day: '2025-11-23' },
    ];
    await store.putCampaign(makeCampaign({ deadlines }));
    expect((await store.getCampaign('c1'))?.deadlines).toEqual(deadlines);
  });
});
