/**
 * The check-in's outbox over the CloudBase store (SDK double), in the cloud function's shape
 * (`deps.later`): the answer follows one write (the guarded insert of the check-in, which carries
 * its outbox); the drain after it writes the counters, the markers and the scan-log entry once;
 * and a function that dies between the answer and the drain still ends with exact counts, once
 * reconciliation has taken its outbox over.
 */
import { dispatch } from '../../backend/api/dispatch';
import { at } from '../../backend/core/time';
import { createCloudbaseStore, type OpKind } from '../../backend/store/cloudbase';
import type { Store } from '../../backend/store/port';
import { SYSTEM, type Deps } from '../../backend/usecases/context';
import { reconcile } from '../../backend/usecases/dashboard';
import { DRAIN_GRACE_MS, drainClaimed } from '../../backend/usecases/outbox';
import type { ApiResult, ScanResult } from '../../types/api';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { aCampaign, anEvent, anOrg, FixedClock } from '../support/builders';
import { TEST_SIGNER } from '../support/harness';

const DAY = '2026-11-15';
const ATTENDANCE = `att|e:e1|d:${DAY}|reg`;

async function setup() {
  const fake = new CloudbaseFake();
  const ops: string[] = [];
  const store: Store = createCloudbaseStore(fake, { onOp: (kind: OpKind, c: string) => ops.push(`${kind} ${c}`) });
  const clock = new FixedClock(at('2026-11-10', '09:00'));
  /** The drains handed to `later`, not yet run: the test decides when (or whether) they run. */
  const drains: (() => Promise<void>)[] = [];
  const deps: Deps = { store, clock, signer: TEST_SIGNER, later: (work) => void drains.push(work) };
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  await store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
  await store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
  await store.putMember({ openid: 'staff', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
  const call = async <T>(fn: 'resident' | 'staff', action: string, data: unknown, openid: string) => {
    const result = (await dispatch(fn, { action, data }, openid, deps, () => undefined)) as ApiResult<T>;
    if (!result.ok) throw new Error(`${action}: ${result.error.code}`);
    return result.data;
  };
  // A party of two (one companion) signs up; the door opens at 07:59 for the 09:00 start.
  const signed = await call<{ registration: { id: string } }>(
    'resident',
    'signup.create',
    { eventId: 'e1', name: '王小明', phone: '13900001111', companions: 1, consent: true },
    'p1',
  );
  clock.set(at(DAY, '08:55'));
  const codes = await call<{ codes: { code: string }[] }>(
    'resident',
    'checkin.codes',
    { registrationId: signed.registration.id },
    'p1',
  );
  const scan = (scanId: string) =>
    call<ScanResult>(
      'staff',
      'checkin.scan',
      { eventId: 'e1', deviceId: 'door-1', scanId, code: codes.codes[0].code },
      'staff',
    );
  const runDrains = () => Promise.all(drains.splice(0).map((work) => work()));
  return { fake, ops, store, clock, deps, scan, drains, runDrains, registrationId: signed.registration.id };
}

async function figures(store: Store) {
  const event = await store.getEvent('e1');
  const counters = await store.readCounters('c1');
  return {
    checkedIn: event?.checkedIn,
    attendance: counters[ATTENDANCE] ?? 0,
    people: counters['distinct|all'] ?? 0,
  };
}

describe('the check-in outbox on CloudBase', () => {
  it('answers a first scan after one write, the guarded insert, and drains the rest once after the answer', async () => {
    const { fake, ops, store, scan, drains, runDrains, registrationId } = await setup();
    ops.length = 0;
    const before = fake.roundTrips;
    const answer = await scan('scan-0001');
    expect(answer.outcome).toBe('checked_in');
    expect(ops.filter((op) => op.startsWith('write'))).toEqual(['write checkins']);
    // The member, the door's reads and the registration together; the campaign; the insert.
    expect(fake.roundTrips - before).toBeLessThanOrEqual(3);
    expect((await store.getCheckin(registrationId))?.outbox).toMatchObject({ id: 'scan-0001', outcome: 'checked_in' });
    expect(await figures(store)).toEqual({ checkedIn: 0, attendance: 0, people: 0 });
    expect(drains).toHaveLength(1);

    await runDrains();
    expect(await figures(store)).toEqual({ checkedIn: 2, attendance: 2, people: 2 });
    expect(await store.getScanLog('scan-0001')).toMatchObject({ outcome: 'checked_in', registrationId });
    expect((await store.getCheckin(registrationId))?.outbox).toBeNull();
    // Another scan of the same person: refused as already checked in, nothing more counted.
    expect((await scan('scan-0002')).outcome).toBe('already_checked_in');
    await runDrains();
    expect(await figures(store)).toEqual({ checkedIn: 2, attendance: 2, people: 2 });
  });

  it('drains an outbox once however many drains run at once', async () => {
    const { store, deps, scan, drains, registrationId } = await setup();
    await scan('scan-0001');
    drains.length = 0;
    const checkin = await store.getCheckin(registrationId);
    const applied = await Promise.all(Array.from({ length: 5 }, () => drainClaimed(deps, checkin!)));
    expect(applied.filter(Boolean)).toHaveLength(1);
    expect(await figures(store)).toEqual({ checkedIn: 2, attendance: 2, people: 2 });
  });

  it('ends with exact counts when the function dies between the answer and the drain', async () => {
    const { store, clock, deps, scan, drains, registrationId } = await setup();
    expect((await scan('scan-0001')).outcome).toBe('checked_in');
    drains.length = 0; // the instance was frozen: its drain never runs

    // A replay of the same scan gets the same answer; a second scan is refused; nothing is counted twice.
    expect((await scan('scan-0001')).outcome).toBe('checked_in');
    expect((await scan('scan-0002')).outcome).toBe('already_checked_in');
    drains.length = 0;

    // While the drain may still be running, reconciliation leaves the outbox and the counters alone.
    clock.set(clock.now() + DRAIN_GRACE_MS / 2);
    await reconcile(deps, SYSTEM, 'c1');
    expect((await store.getCheckin(registrationId))?.outbox).not.toBeNull();
    expect(await figures(store)).toEqual({ checkedIn: 0, attendance: 0, people: 0 });

    // Once it is overdue, reconciliation takes it over: scan-log entry written, counts recounted.
    clock.set(clock.now() + DRAIN_GRACE_MS);
    await reconcile(deps, SYSTEM, 'c1');
    expect(await figures(store)).toEqual({ checkedIn: 2, attendance: 2, people: 2 });
    expect(await store.getScanLog('scan-0001')).toMatchObject({ outcome: 'checked_in', registrationId });
    expect((await store.getCheckin(registrationId))?.outbox).toBeNull();
    // A second run finds nothing to repair, and the replay still answers as the first time.
    expect((await reconcile(deps, SYSTEM, 'c1')).repairs).toEqual([]);
    expect((await scan('scan-0001')).outcome).toBe('checked_in');
    expect(await figures(store)).toEqual({ checkedIn: 2, attendance: 2, people: 2 });
  });

  it('lets a supervisor undo a check-in whose outbox has not drained yet, ending at zero', async () => {
    const { store, deps, scan, drains, registrationId } = await setup();
    await store.putMember({ openid: 'boss', role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '李' });
    await scan('scan-0001');
    drains.length = 0;
    const undone = await dispatch(
      'staff',
      {
        action: 'checkin.undo',
        data: { eventId: 'e1', deviceId: 'door-1', scanId: 'undo-0001', registrationId, reason: '误扫' },
      },
      'boss',
      deps,
      () => undefined,
    );
    expect(undone.ok).toBe(true);
    expect(await figures(store)).toEqual({ checkedIn: 0, attendance: 0, people: 0 });
    expect(await store.getScanLog('scan-0001')).toMatchObject({ outcome: 'checked_in' });
    expect((await reconcile(deps, SYSTEM, 'c1')).repairs).toEqual([]);
  });
});
