/**
 * The counting rules of #11 over the CloudBase store (SDK double): one phone one seat under
 * concurrency, a party of two counted as two attendances and two people on its admission day,
 * an online join counted once, and reconciliation finding nothing to repair.
 */
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { at } from '../../backend/core/time';
import type { Caller, Deps } from '../../backend/usecases/context';
import { dashboard, reconcile } from '../../backend/usecases/dashboard';
import { manualCheckin } from '../../backend/usecases/door-admit';
import { joinOnline } from '../../backend/usecases/online';
import { signUp } from '../../backend/usecases/signup';
import { DomainError } from '../../backend/core/errors';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { aCampaign, anEvent, anOrg, FixedClock } from '../support/builders';
import { TEST_SIGNER } from '../support/harness';

const START = at('2026-11-15', '23:30');
const resident = (openid: string): Caller => ({ openid, role: 'resident', districtId: null, unitIds: [], name: null });
const ORGANIZER: Caller = { openid: 'org', role: 'organizer', districtId: 'd1', unitIds: [], name: '区' };

async function setup() {
  const store = createCloudbaseStore(new CloudbaseFake());
  const clock = new FixedClock(START - 3 * 3_600_000);
  const deps: Deps = { store, clock, signer: TEST_SIGNER };
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
  await store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
  await store.putEvent(anEvent({ id: 'e1', startAt: START, endAt: START + 2 * 3_600_000 }));
  await store.putEvent(
    anEvent({
      id: 'live',
      startAt: START,
      endAt: START + 3_600_000,
      mode: 'online',
      onlineUrl: 'https://live.example.cn',
    }),
  );
  return { store, clock, deps };
}

const input = (phone: string, companions = 1) => ({ eventId: 'e1', name: '王秀英', phone, companions, consent: true });

describe('counting over CloudBase', () => {
  it('gives one of three simultaneous sign-ups with the same phone the seat', async () => {
    const { store, deps } = await setup();
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((p) => signUp(deps, resident(p), input('13900005555'))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(((r as PromiseRejectedResult).reason as DomainError).code).toBe('SIGNUP_DUPLICATE');
    }
    expect((await store.getEvent('e1'))?.seatsTaken).toBe(2);
  });

  it('counts a party of two admitted after midnight as 2 人次 and 2 人 of the next day, and an online join once', async () => {
    const { deps, clock } = await setup();
    const { registration } = await signUp(deps, resident('p1'), input('13900006666'));
    clock.set(at('2026-11-16', '00:10'));
    const door = { eventId: 'e1', deviceId: 'door-1', scanId: 'scan-cb-0001', scannedAt: clock.now(), offline: false };
    expect((await manualCheckin(deps, ORGANIZER, door, registration.id)).outcome).toBe('checked_in');
    expect((await joinOnline(deps, resident('p1'), 'live')).counted).toBe(true);
    expect((await joinOnline(deps, resident('p1'), 'live')).counted).toBe(false);
    const view = await dashboard(deps, ORGANIZER);
    const day = (d: string) => view.byDay.find((g) => g.key === d)!.figures;
    expect([day('2026-11-15').attendance, day('2026-11-16').checkedIn, day('2026-11-16').distinctPeople]).toEqual([
      0, 2, 2,
    ]);
    expect(day('2026-11-16').online).toBe(1);
    expect(view.week.attendance).toBe(3);
    expect((await reconcile(deps, ORGANIZER)).repairs).toEqual([]);
  });
});
