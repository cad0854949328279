/**
 * A write conflict or a timeout in the store, injected through the port at every write of a
 * sign-up and of a check-in, on both adapters: the client gets a typed, retryable error; no
 * half-written state is left (every counter equals a recount); and a retry succeeds, once.
 */
import { dispatch } from '../../backend/api/dispatch';
import { recountAttendance } from '../../backend/core/checkin';
import { recountCounters } from '../../backend/core/dashboard';
import { recountSeats } from '../../backend/core/seats';
import { at } from '../../backend/core/time';
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import { StoreTransientError, type Store } from '../../backend/store/port';
import type { Deps } from '../../backend/usecases/context';
import type { ApiResult } from '../../types/api';
import { CloudbaseFake } from '../doubles/cloudbase-fake';
import { aCampaign, anEvent, anOrg, FixedClock } from '../support/builders';
import { openHarness, TEST_SIGNER } from '../support/harness';

type Fault = { method: keyof Store; nth: number; kind: 'conflict' | 'unavailable' };

/** The store with one fault armed: the nth call of a method throws, once. */
function faulty(store: Store, fault: { current: Fault | null }): Store {
  const calls = new Map<string, number>();
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const f = fault.current;
        if (f && f.method === name) {
          const n = (calls.get(String(name)) ?? 0) + 1;
          calls.set(String(name), n);
          if (n === f.nth) {
            fault.current = null;
            return Promise.reject(new StoreTransientError(f.kind));
          }
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const ADAPTERS: [string, () => { store: Store; close(): void }][] = [
  [
    'embedded SQLite',
    () => {
      const h = openHarness();
      return { store: h.store, close: () => h.close() };
    },
  ],
  ['CloudBase (double)', () => ({ store: createCloudbaseStore(new CloudbaseFake()), close: () => undefined })],
];

// A first sign-up writes its registration once, already confirmed or waitlisted (no pending step).
const SIGNUP_WRITES: (keyof Store)[] = ['addVisit', 'bumpCounters', 'takeSeats', 'insertRegistration'];
const WAITLIST_WRITES: (keyof Store)[] = ['changeWaiting', 'insertRegistration'];
const CHECKIN_WRITES: (keyof Store)[] = [
  'insertCheckin',
  'changeAttendance',
  'addVisit',
  'bumpCounters',
  'insertScanLog',
];

describe.each(ADAPTERS)('store faults on %s', (_name, open) => {
  let store: Store;
  let close: () => void;
  let deps: Deps;
  const fault: { current: Fault | null } = { current: null };
  const clock = new FixedClock(at('2026-11-10', '09:00'));
  let seq = 0;

  beforeEach(async () => {
    ({ store, close } = open());
    fault.current = null;
    deps = { store: faulty(store, fault), clock, signer: TEST_SIGNER };
    clock.set(at('2026-11-10', '09:00'));
    await store.putCampaign(aCampaign());
    await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
    await store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
    await store.putEvent(anEvent({ id: 'e1', capacity: 1 }));
    await store.putMember({ openid: 'staff', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
  });
  afterEach(() => close());

  const call = (fn: 'resident' | 'staff', action: string, data: unknown, openid: string) =>
    dispatch(fn, { action, data }, openid, deps, () => undefined) as Promise<ApiResult<Record<string, never>>>;
  const signUp = (openid: string) =>
    call(
      'resident',
      'signup.create',
      // Each resident her own phone number: one phone holds one seat per event (#11).
      {
        eventId: 'e1',
        name: '王小明',
        phone: `139${String(openid.charCodeAt(openid.length - 1)).padStart(8, '0')}`,
        companions: 0,
        consent: true,
      },
      openid,
    );

  async function expectConsistent() {
    const event = await store.getEvent('e1');
    const regs = await store.listRegistrationsOfEvent('e1');
    const checkins = await store.listCheckinsOfEvent('e1');
    expect({ seatsTaken: event?.seatsTaken, waitingCount: event?.waitingCount }).toEqual(
      (({ seatsTaken, waitingCount }) => ({ seatsTaken, waitingCount }))(recountSeats(event?.capacity ?? null, regs)),
    );
    expect({ checkedIn: event?.checkedIn, walkIns: event?.walkIns }).toEqual(recountAttendance(checkins));
    const { version: _v, ...counters } = await store.readCounters('c1');
    const truth = recountCounters(checkins).counters;
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));
    expect(nonZero(counters)).toEqual(nonZero(truth));
    expect(regs.filter((r) => r.status === 'pending')).toEqual([]);
  }

  for (const method of SIGNUP_WRITES) {
    for (const kind of ['conflict', 'unavailable'] as const) {
      it(`sign-up: ${kind} at ${method}`, async () => {
        fault.current = { method, nth: 1, kind };
        const failed = await signUp('p1');
        expect(failed).toMatchObject({
          ok: false,
          error: { code: kind === 'conflict' ? 'STORE_CONFLICT' : 'STORE_UNAVAILABLE', retryable: true },
        });
        await expectConsistent();
        const retried = await signUp('p1');
        expect(retried).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
        await expectConsistent();
        expect((await store.getEvent('e1'))?.seatsTaken).toBe(1);
      });
    }
  }

  for (const method of WAITLIST_WRITES) {
    it(`joining the waitlist: conflict at ${method}`, async () => {
      expect((await signUp('p1')).ok).toBe(true);
      fault.current = { method, nth: 1, kind: 'conflict' };
      const failed = await signUp('p2');
      expect(failed).toMatchObject({ ok: false, error: { code: 'STORE_CONFLICT', retryable: true } });
      await expectConsistent();
      expect(await signUp('p2')).toMatchObject({ ok: true, data: { outcome: 'waitlisted' } });
      await expectConsistent();
    });
  }

  // Signing up again after cancelling takes the cancelled record over: the claim is settled first
  // (pending), the writes after it, then its status (the nth call of each write in that sign-up).
  const TAKEOVER_WRITES: [keyof Store, number][] = [
    ['updateRegistration', 1],
    ['takeSeats', 2],
    ['updateRegistration', 2],
  ];
  for (const [method, nth] of TAKEOVER_WRITES) {
    it(`signing up again after cancelling: conflict at ${method} (call ${nth})`, async () => {
      const first = (await signUp('p1')) as unknown as { data: { registration: { id: string } } };
      const registrationId = first.data.registration.id;
      expect(await call('resident', 'signup.cancel', { registrationId }, 'p1')).toMatchObject({ ok: true });
      fault.current = { method, nth, kind: 'conflict' };
      const failed = await signUp('p1');
      expect(failed).toMatchObject({ ok: false, error: { code: 'STORE_CONFLICT', retryable: true } });
      expect(fault.current).toBeNull();
      await expectConsistent();
      expect((await store.getRegistration(registrationId))?.status).toBe('cancelled');
      expect(await signUp('p1')).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
      await expectConsistent();
      expect((await store.getEvent('e1'))?.seatsTaken).toBe(1);
    });
  }

  for (const method of CHECKIN_WRITES) {
    for (const kind of ['conflict', 'unavailable'] as const) {
      it(`check-in: ${kind} at ${method}`, async () => {
        const signup = (await signUp('p1')) as unknown as { data: { registration: { id: string } } };
        clock.set(at('2026-11-15', '08:55'));
        const codes = (await call(
          'resident',
          'checkin.codes',
          { registrationId: signup.data.registration.id },
          'p1',
        )) as unknown as {
          data: { codes: { code: string }[] };
        };
        const scan = {
          eventId: 'e1',
          deviceId: 'device-1',
          scanId: `scan-${String(++seq).padStart(8, '0')}`,
          code: codes.data.codes[0].code,
        };
        fault.current = { method, nth: 1, kind };
        const failed = await call('staff', 'checkin.scan', scan, 'staff');
        expect(failed).toMatchObject({ ok: false, error: { retryable: true } });
        await expectConsistent();
        expect((await store.getEvent('e1'))?.checkedIn).toBe(0);
        const retried = await call('staff', 'checkin.scan', scan, 'staff');
        expect(retried).toMatchObject({ ok: true, data: { outcome: 'checked_in' } });
        await expectConsistent();
        expect((await store.getEvent('e1'))?.checkedIn).toBe(1);
        expect(await call('staff', 'checkin.scan', { ...scan, scanId: 'scan-again-001' }, 'staff')).toMatchObject({
          ok: true,
          data: { outcome: 'already_checked_in' },
        });
      });
    }
  }
});
