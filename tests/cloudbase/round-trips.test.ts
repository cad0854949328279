/**
 * Sequential round trips of the hot calls in the cloud function's shape (`deps.later` set), over
 * the SDK double's dependent-depth meter: requests issued together count once. The reads a call
 * makes first go out with the caller lookup; a refused call reveals nothing.
 */
import { dispatch } from '../../backend/api/dispatch';
import { at } from '../../backend/core/time';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import type { Deps } from '../../backend/usecases/context';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { aCampaign, anEvent, anOrg, FixedClock } from '../support/builders';
import { TEST_SIGNER } from '../support/harness';

async function setup() {
  const fake = new CloudbaseFake();
  const store = createCloudbaseStore(fake);
  const drains: Promise<void>[] = [];
  const deps: Deps = {
    store,
    clock: new FixedClock(at('2026-11-10', '09:00')),
    signer: TEST_SIGNER,
    later: (work) => void drains.push(work()),
  };
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  await store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
  await store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
  await store.putMember({ openid: 'org', role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
  const trips = async (fn: 'resident' | 'organizer', action: string, data: unknown, openid: string) => {
    const before = fake.roundTrips;
    const result = await dispatch(fn, { action, data }, openid, deps, () => undefined);
    const depth = fake.roundTrips - before;
    await Promise.all(drains.splice(0));
    return { result, depth };
  };
  return { store, trips };
}

const signup = (phone: string) => ({ eventId: 'e1', name: '王小明', phone, companions: 0, consent: true });

describe('round trips on CloudBase', () => {
  it('signs up in at most 3 sequential round trips, and a repeat is still refused', async () => {
    const { store, trips } = await setup();
    // The campaign's first sign-up also creates its summary documents (not measured).
    await trips('resident', 'signup.create', signup('13900000000'), 'p0');
    const first = await trips('resident', 'signup.create', signup('13900001111'), 'p1');
    expect(first.result).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
    expect(first.depth).toBeLessThanOrEqual(3);
    const again = await trips('resident', 'signup.create', signup('13900001111'), 'p1');
    expect(again.result).toMatchObject({ ok: false, error: { code: 'SIGNUP_DUPLICATE' } });
    // The repeat's seats and phone claim were given back: two seats taken, not three.
    expect((await store.getEvent('e1'))?.seatsTaken).toBe(2);
    const other = await trips('resident', 'signup.create', signup('13900002222'), 'p2');
    expect(other.result).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
    expect((await store.getEvent('e1'))?.seatsTaken).toBe(3);
  });

  it('reads the dashboard in at most 2 sequential round trips', async () => {
    const { trips } = await setup();
    await trips('resident', 'signup.create', signup('13900001111'), 'p1');
    const read = await trips('organizer', 'dashboard.get', {}, 'org');
    expect(read.result).toMatchObject({ ok: true, data: { campaign: { id: 'c1' } } });
    expect(read.depth).toBeLessThanOrEqual(2);
  });

  it('refuses a resident the dashboard although its reads went out with the caller lookup', async () => {
    const { trips } = await setup();
    const read = await trips('organizer', 'dashboard.get', {}, 'p1');
    expect(read.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(read.result)).not.toContain('c1');
  });
});
