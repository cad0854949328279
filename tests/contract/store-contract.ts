/**
 * The contract every Store adapter must meet. Each adapter's test file calls
 * runStoreContract with a factory for a fresh, empty store.
 */
import type { Store } from '../../backend/store/port';
import { DuplicateKeyError } from '../../backend/store/port';
import { seatGuard } from '../../backend/core/seats';
import { at } from '../../backend/core/time';
import { runReportingContract } from './reporting-contract';
import { runOrganisingContract } from './organising-contract';
import { runEvaluationContract } from './evaluation-contract';
import { runRemindersContract } from './reminders-contract';
import { aCampaign, aCheckin, anEvent, anOrg, aRegistration, aScanLogEntry } from '../support/builders';

export interface StoreUnderTest {
  store: Store;
  close(): Promise<void>;
}

export interface AdapterTraits {
  /** Whether `atomic` rolls back every write of a failed unit of work. */
  transactional: boolean;
}

export function runStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>, traits: AdapterTraits): void {
  describe(`Store contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      sut = await makeStore();
      store = sut.store;
    });
    afterEach(async () => {
      await sut.close();
    });

    describe('reference data', () => {
      it('keeps campaigns and names the one whose week ends last', async () => {
        expect(await store.latestCampaign()).toBeNull();
        await store.putCampaign(aCampaign({ id: 'old', weekEnd: '2025-11-20' }));
        await store.putCampaign(aCampaign({ id: 'new', weekEnd: '2026-11-20', theme: '新主题' }));
        expect((await store.latestCampaign())?.id).toBe('new');
        expect(await store.getCampaign('new')).toEqual(
          aCampaign({ id: 'new', weekEnd: '2026-11-20', theme: '新主题' }),
        );
        expect(await store.getCampaign('missing')).toBeNull();
      });

      it('lists every campaign, the week ending last first', async () => {
        expect(await store.listCampaigns()).toEqual([]);
        await store.putCampaign(aCampaign({ id: 'b', weekEnd: '2026-11-20' }));
        await store.putCampaign(aCampaign({ id: 'far', weekEnd: '2099-11-20' }));
        await store.putCampaign(aCampaign({ id: 'a', weekEnd: '2026-11-20' }));
        expect((await store.listCampaigns()).map((c) => c.id)).toEqual(['far', 'a', 'b']);
      });

      it('lists the organisations of one district only', async () => {
        await store.putOrg(anOrg({ id: 'u1', districtId: 'd1' }));
        await store.putOrg(anOrg({ id: 'u2', districtId: 'd2' }));
        await store.putOrg(anOrg({ id: 's1', districtId: 'd1', kind: 'street', parentId: 'd1' }));
        const ids = (await store.listOrgs('d1')).map((o) => o.id).sort();
        expect(ids).toEqual(['s1', 'u1']);
      });

      it('keeps staff bindings by openid', async () => {
        await store.putMember({ openid: 'o-staff', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '李老师' });
        expect(await store.getMember('o-staff')).toEqual({
          openid: 'o-staff',
          role: 'staff',
          districtId: 'd1',
          unitIds: ['u1'],
          name: '李老师',
        });
        expect(await store.getMember('o-nobody')).toBeNull();
      });
    });

    describe('events', () => {
      it('stores an event and lists a day in start order', async () => {
        await store.putEvent(anEvent({ id: 'late', startAt: at('2026-11-15', '14:00') }));
        await store.putEvent(anEvent({ id: 'early', startAt: at('2026-11-15', '08:30') }));
        await store.putEvent(anEvent({ id: 'other-day', startAt: at('2026-11-16', '09:00'), day: '2026-11-16' }));
        await store.putEvent(anEvent({ id: 'other-campaign', campaignId: 'c2' }));
        expect((await store.listEvents('c1', '2026-11-15')).map((e) => e.id)).toEqual(['early', 'late']);
        expect((await store.listEvents('c1')).map((e) => e.id)).toEqual(['early', 'late', 'other-day']);
        expect(await store.getEvent('late')).toEqual(anEvent({ id: 'late', startAt: at('2026-11-15', '14:00') }));
        expect((await store.getEvents(['other-day', 'nope', 'early'])).map((e) => e.id).sort()).toEqual([
          'early',
          'other-day',
        ]);
      });
    });

    describe('seats', () => {
      beforeEach(async () => {
        await store.putEvent(anEvent({ id: 'e1', capacity: 5 }));
      });

      it('takes seats only while the guard holds', async () => {
        expect(await store.takeSeats('e1', seatGuard(5, 3, 'newcomer'))).toBe(true);
        expect(await store.takeSeats('e1', seatGuard(5, 3, 'newcomer'))).toBe(false);
        expect(await store.takeSeats('e1', seatGuard(5, 2, 'newcomer'))).toBe(true);
        expect(await store.takeSeats('e1', seatGuard(5, 1, 'newcomer'))).toBe(false);
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(5);
      });

      it('refuses a guard written for another capacity', async () => {
        expect(await store.takeSeats('e1', seatGuard(6, 1, 'newcomer'))).toBe(false);
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(0);
      });

      it('keeps newcomers behind a waitlist but lets promotions through', async () => {
        await store.changeWaiting('e1', 1);
        expect(await store.takeSeats('e1', seatGuard(5, 1, 'newcomer'))).toBe(false);
        expect(await store.takeSeats('e1', seatGuard(5, 1, 'waitlist'))).toBe(true);
        await store.changeWaiting('e1', -1);
        const event = await store.getEvent('e1');
        expect(event?.waitingCount).toBe(0);
        expect(event?.seatsTaken).toBe(1);
      });

      it('releases seats', async () => {
        await store.takeSeats('e1', seatGuard(5, 4, 'newcomer'));
        await store.releaseSeats('e1', 3);
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(1);
      });

      it('never oversells under concurrency', async () => {
        await store.putEvent(anEvent({ id: 'hot', capacity: 50 }));
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => store.takeSeats('hot', seatGuard(50, 1 + (i % 2), 'newcomer'))),
        );
        const event = await store.getEvent('hot');
        const takenByWinners = results.reduce((sum, ok, i) => sum + (ok ? 1 + (i % 2) : 0), 0);
        expect(event?.seatsTaken).toBe(takenByWinners);
        expect(takenByWinners).toBeLessThanOrEqual(50);
        expect(takenByWinners).toBeGreaterThanOrEqual(49);
      });
    });

    describe('registrations', () => {
      it('refuses a second record with the same id, also under concurrency', async () => {
        await store.insertRegistration(aRegistration({ id: 'r1' }));
        await expect(store.insertRegistration(aRegistration({ id: 'r1', name: '李四' }))).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
        expect((await store.getRegistration('r1'))?.name).toBe('王小明');
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.insertRegistration(aRegistration({ id: 'r2' }))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
        }
      });

      it('updates only when the expectation holds, and keeps nulls', async () => {
        await store.insertRegistration(aRegistration({ id: 'r1', status: 'pending', updatedAt: 100 }));
        expect(await store.updateRegistration('r1', { status: 'confirmed' }, { status: 'cancelled' })).toBe(false);
        expect(
          await store.updateRegistration('r1', { status: 'pending', updatedAt: 99 }, { status: 'cancelled' }),
        ).toBe(false);
        expect(await store.updateRegistration('missing', { status: 'pending' }, { status: 'cancelled' })).toBe(false);
        expect(
          await store.updateRegistration(
            'r1',
            { status: 'pending', updatedAt: 100 },
            { status: 'waitlisted', waitTicket: 7, updatedAt: 101, promotedAt: null },
          ),
        ).toBe(true);
        expect(await store.getRegistration('r1')).toEqual(
          aRegistration({ id: 'r1', status: 'waitlisted', waitTicket: 7, updatedAt: 101, promotedAt: null }),
        );
      });

      it('lets exactly one of concurrent conditional updates win', async () => {
        await store.insertRegistration(aRegistration({ id: 'r1', status: 'waitlisted', waitTicket: 1 }));
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.updateRegistration('r1', { status: 'waitlisted' }, { status: 'confirmed', updatedAt: 1000 + i }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('lists by owner and by event', async () => {
        await store.insertRegistration(aRegistration({ id: 'a', ownerId: 'o1', eventId: 'e1' }));
        await store.insertRegistration(aRegistration({ id: 'b', ownerId: 'o1', eventId: 'e2' }));
        await store.insertRegistration(aRegistration({ id: 'c', ownerId: 'o2', eventId: 'e1' }));
        await store.insertRegistration(aRegistration({ id: 'd', ownerId: null, eventId: 'e1', source: 'staff' }));
        expect((await store.listRegistrationsOfOwner('o1')).map((r) => r.id).sort()).toEqual(['a', 'b']);
        expect((await store.listRegistrationsOfEvent('e1')).map((r) => r.id).sort()).toEqual(['a', 'c', 'd']);
      });

      it('orders the waitlist by ticket, then id, and counts who stands before', async () => {
        // The events' waiting counts as the use cases keep them, beside the records.
        await store.putEvent(anEvent({ id: 'e1', waitingCount: 4 }));
        await store.putEvent(anEvent({ id: 'e2', waitingCount: 1 }));
        const waiting = [
          { id: 'w3', waitTicket: 30 },
          { id: 'w1b', waitTicket: 10 },
          { id: 'w1a', waitTicket: 10 },
          { id: 'w2', waitTicket: 20 },
        ];
        for (const w of waiting) {
          await store.insertRegistration(aRegistration({ ...w, status: 'waitlisted' }));
        }
        await store.insertRegistration(aRegistration({ id: 'confirmed', waitTicket: 5 }));
        await store.insertRegistration(
          aRegistration({ id: 'elsewhere', eventId: 'e2', status: 'waitlisted', waitTicket: 1 }),
        );
        expect((await store.listWaitlisted('e1', 10)).map((r) => r.id)).toEqual(['w1a', 'w1b', 'w2', 'w3']);
        expect((await store.listWaitlisted('e1', 2)).map((r) => r.id)).toEqual(['w1a', 'w1b']);
        expect(await store.countWaitlistedBefore('e1', 10, 'w1a')).toBe(0);
        expect(await store.countWaitlistedBefore('e1', 10, 'w1b')).toBe(1);
        expect(await store.countWaitlistedBefore('e1', 20, 'w2')).toBe(2);
        expect(await store.countWaitlistedBefore('e1', 30, 'w3')).toBe(3);
        expect(await store.countWaitlistedBefore('e2', 1, 'elsewhere')).toBe(0);
      });
    });

    describe('attendance', () => {
      it('counts attendance atomically, also under concurrency', async () => {
        await store.putEvent(anEvent({ id: 'e1' }));
        await Promise.all(Array.from({ length: 60 }, () => store.changeAttendance('e1', { checkedIn: 1 })));
        await store.changeAttendance('e1', { walkIns: 3 });
        await store.changeAttendance('e1', { checkedIn: -2, walkIns: -1 });
        expect(await store.getEvent('e1')).toMatchObject({ checkedIn: 58, walkIns: 2 });
      });

      it('keeps one check-in per id however often it is inserted', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) => store.insertCheckin(aCheckin({ id: 'r1', deviceId: `d${i}` }))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
        expect((await store.listCheckinsOfEvent('e1')).map((c) => c.id)).toEqual(['r1']);
        expect(await store.getCheckin('nope')).toBeNull();
      });

      it("keeps a walk-in's answers to the sign-up questions with its check-in", async () => {
        const walkin = aCheckin({
          id: 'walkin_s1',
          registrationId: null,
          method: 'walkin',
          name: '钱阿婆',
          answers: { age: '60岁及以上', community: '谢桥村' },
        });
        await store.insertCheckin(walkin);
        expect(await store.getCheckin('walkin_s1')).toEqual(walkin);
        expect((await store.listCheckinsOfEvent('e1'))[0].answers).toEqual({ age: '60岁及以上', community: '谢桥村' });
      });

      it('updates a check-in only from the expected status', async () => {
        await store.insertCheckin(aCheckin({ id: 'r1' }));
        expect(await store.updateCheckin('r1', 'undone', { status: 'active' })).toBe(false);
        expect(await store.updateCheckin('r1', 'active', { status: 'undone', undoneAt: 5, undoReason: '误扫' })).toBe(
          true,
        );
        expect(await store.updateCheckin('r1', 'active', { status: 'undone' })).toBe(false);
        expect(await store.getCheckin('r1')).toEqual(
          aCheckin({ id: 'r1', status: 'undone', undoneAt: 5, undoReason: '误扫' }),
        );
      });

      it("claims a check-in's outbox once, takes over only a stale claim, and empties it whole", async () => {
        const entry = aScanLogEntry({ id: 's1' });
        await store.insertCheckin(aCheckin({ id: 'r1', scanId: 's1', outbox: entry, outboxClaim: 0 }));
        expect(await store.claimOutbox('r1', 's2', 100, 1)).toBe(false);
        const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimOutbox('r1', 's1', 100, 1)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        // A claim made at 100 is stale only for a drain that counts claims before 101 as stale.
        expect(await store.claimOutbox('r1', 's1', 200, 100)).toBe(false);
        expect(await store.claimOutbox('r1', 's1', 200, 101)).toBe(true);
        // Replacing the outbox of an undone check-in that counts again: replaced whole, not merged.
        await store.updateCheckin('r1', 'active', { status: 'undone', outbox: null, outboxClaim: null });
        const again = aScanLogEntry({ id: 's1', outcome: 'checked_in', reason: null, conflict: true });
        expect(await store.updateCheckin('r1', 'undone', { status: 'active', outbox: again, outboxClaim: 0 })).toBe(
          true,
        );
        expect((await store.getCheckin('r1'))?.outbox).toEqual(again);
        await store.clearOutbox('r1', 's1');
        expect(await store.getCheckin('r1')).toMatchObject({ scanId: 's1', outbox: null, outboxClaim: null });
        expect(await store.claimOutbox('r1', 's1', 300, 1_000)).toBe(false);
        await store.clearOutbox('nope', 's1');
      });

      it('keeps the scan log by scanId, newest first', async () => {
        await store.insertScanLog(aScanLogEntry({ id: 's1', recordedAt: 10 }));
        await store.insertScanLog(
          aScanLogEntry({ id: 's2', recordedAt: 30, outcome: 'invalid', registrationId: null }),
        );
        await store.insertScanLog(aScanLogEntry({ id: 's3', recordedAt: 20 }));
        await store.insertScanLog(aScanLogEntry({ id: 'other', eventId: 'e2', recordedAt: 40 }));
        await expect(store.insertScanLog(aScanLogEntry({ id: 's1' }))).rejects.toBeInstanceOf(DuplicateKeyError);
        const page = await store.listScanLog('e1', 0, 2);
        expect(page.total).toBe(3);
        expect(page.entries.map((e) => e.id)).toEqual(['s2', 's3']);
        expect((await store.listScanLog('e1', 2, 2)).entries.map((e) => e.id)).toEqual(['s1']);
        expect(await store.getScanLog('s2')).toEqual(
          aScanLogEntry({ id: 's2', recordedAt: 30, outcome: 'invalid', registrationId: null }),
        );
      });
    });

    describe('summary counters', () => {
      it('adds to named counters, also under concurrency, and reads them back', async () => {
        expect(await store.readCounters('c1')).toEqual({});
        await Promise.all(
          Array.from({ length: 40 }, () => store.bumpCounters('c1', { version: 1, 'distinct|all': 1 })),
        );
        await store.bumpCounters('c1', { 'arrivals|d:2026-11-15|h:09': 3, 'distinct|all': -2, zero: 0 });
        await store.bumpCounters('c2', { version: 7 });
        expect(await store.readCounters('c1')).toEqual({
          version: 40,
          'distinct|all': 38,
          'arrivals|d:2026-11-15|h:09': 3,
        });
      });

      it('counts visits per marker and says what the count became', async () => {
        const seen = [];
        for (const delta of [1, 1, -1, -1, -1, 1] as const) seen.push(await store.addVisit('c1', 'all|p1', delta));
        expect(seen).toEqual([1, 2, 1, 0, 0, 1]);
        const fresh = await Promise.all(Array.from({ length: 20 }, () => store.addVisit('c1', 'all|p2', 1)));
        expect(fresh.filter((n) => n === 1)).toHaveLength(1);
        await store.addVisit('c2', 'all|p1', 1);
        expect(await store.listVisits('c1')).toEqual({ 'all|p1': 1, 'all|p2': 20 });
      });

      it('counts distinct markers of a prefix across campaigns, each once', async () => {
        await store.addVisit('c1', 'all|p1', 1);
        await store.addVisit('c1', 'all|p2', 1);
        await store.addVisit('c1', 'all|p2', 1);
        await store.addVisit('c2', 'all|p2', 1); // p2 came in both campaigns: one person
        await store.addVisit('c2', 'all|p3', 1);
        await store.addVisit('c2', 'all|p4', 1);
        await store.addVisit('c2', 'all|p4', -1); // undone: no longer counted
        await store.addVisit('c2', 'u:x|p5', 1); // another scope's marker
        await store.addVisit('c3', 'all|p6', 1); // a campaign not asked about
        await store.addVisit('c1', 'alm|p7', 1); // sorts just after the prefix
        expect(await store.countDistinctMarkers(['c1', 'c2'], 'all|')).toBe(3);
        expect(await store.countDistinctMarkers(['c1'], 'all|')).toBe(2);
        expect(await store.countDistinctMarkers(['c2', 'c3'], 'all|')).toBe(3);
        expect(await store.countDistinctMarkers(['c2'], 'u:x|')).toBe(1);
        expect(await store.countDistinctMarkers([], 'all|')).toBe(0);
      });

      it("changes an event's fields but never its counters", async () => {
        await store.putEvent(anEvent({ id: 'e1', capacity: 5, seatsTaken: 2, checkedIn: 1 }));
        const entered = { participants: 120, note: '直播观看', enteredBy: 'o', enteredAt: 5 };
        expect(
          await store.updateEventFields('e1', { title: '新标题', entered, seatsTaken: 99, capacity: 1 } as never),
        ).toBe(true);
        expect(await store.getEvent('e1')).toMatchObject({
          title: '新标题',
          entered,
          seatsTaken: 2,
          capacity: 5,
          checkedIn: 1,
        });
        expect(await store.updateEventFields('e1', { entered: null })).toBe(true);
        expect((await store.getEvent('e1'))?.entered).toBeNull();
        expect(await store.updateEventFields('missing', { title: 'x' })).toBe(false);
      });
    });

    describe('ratings and saved form fields', () => {
      it('keeps one rating per registration', async () => {
        const rating = {
          id: 'r1',
          eventId: 'e1',
          campaignId: 'c1',
          unitId: 'u1',
          score: 5,
          comment: '很好',
          createdAt: 1,
        };
        await store.insertRating(rating);
        await expect(store.insertRating({ ...rating, score: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
        await store.insertRating({ ...rating, id: 'r2', score: 3, comment: '' });
        await store.insertRating({ ...rating, id: 'r3', eventId: 'e2' });
        expect(await store.getRating('r1')).toEqual(rating);
        expect((await store.listRatingsOfEvent('e1')).map((r) => [r.id, r.score])).toEqual([
          ['r1', 5],
          ['r2', 3],
        ]);
      });

      it('saves and replaces a form profile', async () => {
        const profile = {
          id: 'F1:u1',
          kind: 'F1' as const,
          orgId: 'u1',
          fields: { leader: '张三' },
          mobilisationEventId: 'e1',
          contentOverrides: { e1: '启动仪式' },
          updatedAt: 1,
          updatedBy: 'o',
        };
        expect(await store.getFormProfile('F1:u1')).toBeNull();
        await store.putFormProfile(profile);
        await store.putFormProfile({ ...profile, fields: { leader: '李四' }, updatedAt: 2 });
        expect(await store.getFormProfile('F1:u1')).toEqual({ ...profile, fields: { leader: '李四' }, updatedAt: 2 });
      });
    });

    describe('organising the week', () => runOrganisingContract(() => store));

    describe('reminders', () => runRemindersContract(() => store));

    describe('evaluation', () => runEvaluationContract(() => store));
    describe('organisation tree and reporting tasks', () => runReportingContract(() => store));

    describe('atomic', () => {
      it('returns the result of its work and allows nesting', async () => {
        await store.putEvent(anEvent({ id: 'e1', capacity: 3 }));
        const result = await store.atomic(async () => {
          const inner = await store.atomic(async () => store.takeSeats('e1', seatGuard(3, 2, 'newcomer')));
          await store.insertRegistration(aRegistration({ id: 'r1' }));
          return inner;
        });
        expect(result).toBe(true);
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(2);
        expect(await store.getRegistration('r1')).not.toBeNull();
      });

      (traits.transactional ? it : it.skip)('rolls every write back when its work fails', async () => {
        await store.putEvent(anEvent({ id: 'e1', capacity: 3 }));
        await expect(
          store.atomic(async () => {
            await store.takeSeats('e1', seatGuard(3, 2, 'newcomer'));
            await store.insertRegistration(aRegistration({ id: 'r1' }));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(0);
        expect(await store.getRegistration('r1')).toBeNull();
      });
    });
  });
}
