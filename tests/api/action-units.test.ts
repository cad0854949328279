/**
 * Actions that run whole as one unit of work (backend/api/edge.ts `ActionDef.unit`): the door's
 * scans and a resident's sign-up look their caller up inside the same unit as the action, so the
 * permission and the work read one snapshot; other actions look the caller up before.
 * Observed through the store the edge is given: where `getMember` is called, inside `atomic` or
 * not.
 */
import { dispatch } from '../../backend/api/dispatch';
import type { Store } from '../../backend/store/port';
import type { Deps } from '../../backend/usecases/context';
import { anEvent } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { yaotangWorld } from '../support/one-unit';

const STAFF = 'openid-staff-u1';

describe('actions run as one unit of work', () => {
  let h: Harness;
  /** For each caller lookup: whether it ran inside a unit of work. */
  let lookups: boolean[];
  let deps: Deps;

  beforeEach(async () => {
    h = openHarness();
    await yaotangWorld(h.store);
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
    await h.store.putMember({ openid: STAFF, role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张老师' });
    lookups = [];
    let depth = 0;
    const real = h.store;
    const spy: Store = Object.assign(Object.create(real) as Store, {
      async atomic<T>(work: () => Promise<T>): Promise<T> {
        depth++;
        try {
          return await real.atomic(work);
        } finally {
          depth--;
        }
      },
      getMember(openid: string) {
        lookups.push(depth > 0);
        return real.getMember(openid);
      },
    });
    deps = { ...h.deps, store: spy };
  });
  afterEach(() => h.close());

  const call = (fn: 'resident' | 'staff', action: string, data: unknown, openid: string) =>
    dispatch(fn, { action, data }, openid, deps);

  it('looks up the caller of a sign-up inside its unit', async () => {
    const result = await call(
      'resident',
      'signup.create',
      { eventId: 'e1', companions: 0, name: '王小明', phone: '13800001111', consent: true },
      'oa',
    );
    expect(result.ok).toBe(true);
    expect(lookups).toEqual([true]);
  });

  it('looks up the caller of a door scan inside its unit, also when the scan is refused', async () => {
    const scan = { eventId: 'e1', deviceId: 'door-1', scanId: 'scan-000001', code: 'not-a-code' };
    const result = await call('staff', 'checkin.scan', scan, STAFF);
    expect(result.ok && (result.data as { outcome: string }).outcome).toBe('invalid');
    const forbidden = await call('staff', 'checkin.scan', { ...scan, scanId: 'scan-000002' }, 'oa');
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
    expect(lookups).toEqual([true, true]);
    // The refused caller's unit wrote nothing: only the first scan is in the log.
    expect(await h.store.getScanLog('scan-000001')).not.toBeNull();
    expect(await h.store.getScanLog('scan-000002')).toBeNull();
  });

  it('looks up the caller of other actions before any unit', async () => {
    const result = await call('staff', 'checkin.roster', { eventId: 'e1' }, STAFF);
    expect(result.ok).toBe(true);
    expect(lookups).toEqual([false]);
  });
});
