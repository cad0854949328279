/**
 * The store contract of organising the week (invitations, members, notices, the setup audit log, capacity); run on every adapter from store-contract.ts.
 */
import type { Store } from '../../backend/store/port';
import { DuplicateKeyError } from '../../backend/store/port';
import { seatGuard } from '../../backend/core/seats';
import { anEvent } from '../support/builders';

export function runOrganisingContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  const invite = {
    code: 'ABCD2345',
    districtId: 'd1',
    role: 'staff' as const,
    unitIds: ['u1'],
    name: '张老师',
    createdBy: 'o',
    createdAt: 10,
    expiresAt: 1000,
    usedBy: null,
    usedAt: null,
    revokedAt: null,
  };

  it('lists and removes the members of a district', async () => {
    await store.putMember({ openid: 'a', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: 'A' });
    await store.putMember({ openid: 'b', role: 'organizer', districtId: 'd1', unitIds: [], name: 'B' });
    await store.putMember({ openid: 'c', role: 'staff', districtId: 'd2', unitIds: ['u9'], name: 'C' });
    expect((await store.listMembers('d1')).map((m) => m.openid)).toEqual(['a', 'b']);
    await store.removeMember('a');
    await store.removeMember('nobody');
    expect(await store.getMember('a')).toBeNull();
    expect((await store.listMembers('d1')).map((m) => m.openid)).toEqual(['b']);
  });

  it('changes capacity only where the seats taken fit, never dropping anyone', async () => {
    await store.putEvent(anEvent({ id: 'e1', capacity: 10, seatsTaken: 6 }));
    expect(await store.setCapacity('e1', 5)).toBe(false);
    expect(await store.setCapacity('e1', 6)).toBe(true);
    expect(await store.setCapacity('e1', 6)).toBe(true);
    expect(await store.setCapacity('e1', null)).toBe(false);
    expect(await store.getEvent('e1')).toMatchObject({ capacity: 6, seatsTaken: 6 });
    expect(await store.takeSeats('e1', seatGuard(6, 1, 'newcomer'))).toBe(false);
    expect(await store.setCapacity('e1', 20)).toBe(true);
    expect(await store.takeSeats('e1', seatGuard(20, 1, 'newcomer'))).toBe(true);
    await store.putEvent(anEvent({ id: 'open', capacity: 5, seatsTaken: 0 }));
    expect(await store.setCapacity('open', null)).toBe(true);
    expect((await store.getEvent('open'))?.capacity).toBeNull();
    expect(await store.setCapacity('missing', 3)).toBe(false);
  });

  it('uses an invitation once, and revokes only an unused one', async () => {
    await store.insertInvite(invite);
    await expect(store.insertInvite(invite)).rejects.toBeInstanceOf(DuplicateKeyError);
    await store.insertInvite({ ...invite, code: 'WXYZ6789', createdAt: 20 });
    await store.insertInvite({ ...invite, code: 'OTHER234', districtId: 'd2' });
    const uses = await Promise.all(Array.from({ length: 10 }, (_, i) => store.useInvite('ABCD2345', `p${i}`, 50)));
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await store.revokeInvite('ABCD2345', 60)).toBe(false);
    expect(await store.revokeInvite('WXYZ6789', 60)).toBe(true);
    expect(await store.useInvite('WXYZ6789', 'late', 70)).toBe(false);
    const used = await store.getInvite('ABCD2345');
    expect(used).toMatchObject({ usedAt: 50, revokedAt: null });
    expect(used?.usedBy).toMatch(/^p\d$/);
    expect((await store.listInvites('d1')).map((i) => i.code)).toEqual(['WXYZ6789', 'ABCD2345']);
    expect(await store.getInvite('NOPE2345')).toBeNull();
  });

  it('keeps notices per owner, newest first, read once', async () => {
    const notice = {
      id: 'n1',
      ownerId: 'o1',
      eventId: 'e1',
      kind: 'event_changed' as const,
      text: '改期',
      createdAt: 1,
      readAt: null,
    };
    await store.insertNotice(notice);
    await store.insertNotice({ ...notice, id: 'n2', createdAt: 2 });
    await store.insertNotice({ ...notice, id: 'n3', ownerId: 'o2' });
    expect((await store.listNotices('o1', 10)).map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(await store.markNoticeRead('n1', 'o2', 5)).toBe(false);
    expect(await store.markNoticeRead('n1', 'o1', 5)).toBe(true);
    expect(await store.markNoticeRead('n1', 'o1', 6)).toBe(false);
    expect((await store.listNotices('o1', 1)).map((n) => n.id)).toEqual(['n2']);
    expect((await store.listNotices('o1', 10))[1]).toEqual({ ...notice, readAt: 5 });
  });

  it('keeps the setup audit log per district, newest first', async () => {
    for (let i = 1; i <= 3; i++) {
      await store.insertAudit({
        id: `a${i}`,
        districtId: 'd1',
        actor: 'o',
        at: i,
        action: 'event.update',
        target: 'e1',
        summary: '修改时间',
      });
    }
    await store.insertAudit({
      id: 'x',
      districtId: 'd2',
      actor: 'o',
      at: 9,
      action: 'a',
      target: 't',
      summary: '',
    });
    const page = await store.listAudit('d1', 0, 2);
    expect(page.total).toBe(3);
    expect(page.records.map((r) => r.id)).toEqual(['a3', 'a2']);
    expect((await store.listAudit('d1', 2, 2)).records.map((r) => r.id)).toEqual(['a1']);
  });
}
