import { anEvent } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { at } from '../../backend/core/time';
import { yaotangWorld } from '../support/one-unit';

const person = (i: number) => ({ name: '王小明', phone: `138${String(10_000_000 + i).slice(-8)}`, consent: true });

describe('signing up through the resident function', () => {
  let h: Harness;
  beforeEach(async () => {
    h = openHarness();
    await yaotangWorld(h.store);
  });
  afterEach(() => h.close());

  // Each resident has her own phone number: one phone holds one seat per event (#11).
  const phoneOf = (openid: string | null) =>
    [...(openid ?? '')].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 9_999_999, 7);
  const signUp = (eventId: string, openid: string | null, companions = 0, i = phoneOf(openid)) =>
    h.call('resident', 'signup.create', { eventId, companions, ...person(i) }, openid);

  it('confirms while seats last, then waitlists with a position', async () => {
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 4 }));
    const a = await signUp('e1', 'oa', 2);
    expect(a.ok && a.data.outcome).toBe('confirmed');
    const b = await signUp('e1', 'ob', 1);
    expect(b.ok && b.data.outcome).toBe('waitlisted');
    expect(b.ok && b.data.registration.waitPosition).toBe(1);
    h.clock.advance(1000);
    const c = await signUp('e1', 'oc', 0);
    // One seat is free and ob (party 2) waits for two: first fit seats the newcomer at once.
    expect(c.ok && c.data.outcome).toBe('confirmed');
    const event = await h.store.getEvent('e1');
    expect(event).toMatchObject({ seatsTaken: 4, waitingCount: 1 });
  });

  it('refuses a second sign-up by the same person, and allows it again after cancelling', async () => {
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
    const first = await signUp('e1', 'oa');
    expect(first.ok).toBe(true);
    const again = await signUp('e1', 'oa');
    expect(!again.ok && again.error.code).toBe('SIGNUP_DUPLICATE');
    const id = first.ok ? first.data.registration.id : '';
    expect((await h.call('resident', 'signup.cancel', { registrationId: id }, 'oa')).ok).toBe(true);
    const back = await signUp('e1', 'oa', 1);
    expect(back.ok && back.data.outcome).toBe('confirmed');
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(2);
  });

  it('counts companions against the seats and enforces the limit', async () => {
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 4, maxCompanions: 2 }));
    const tooMany = await signUp('e1', 'oa', 3);
    expect(!tooMany.ok && tooMany.error.code).toBe('COMPANIONS_OVER_LIMIT');
    expect(await h.store.listRegistrationsOfEvent('e1')).toHaveLength(0);
    await signUp('e1', 'oa', 2);
    expect((await h.store.getEvent('e1'))?.seatsTaken).toBe(3);
  });

  it('refuses sign-up without consent, after the start, for unpublished and open-attendance events', async () => {
    await h.store.putEvent(anEvent({ id: 'e1' }));
    await h.store.putEvent(anEvent({ id: 'draft', status: 'submitted' }));
    await h.store.putEvent(anEvent({ id: 'open', capacity: null }));
    const noConsent = await h.call(
      'resident',
      'signup.create',
      { eventId: 'e1', companions: 0, ...person(1), consent: false },
      'oa',
    );
    expect(!noConsent.ok && noConsent.error.code).toBe('CONSENT_REQUIRED');
    const unpublished = await signUp('draft', 'oa');
    expect(!unpublished.ok && unpublished.error.code).toBe('EVENT_NOT_OPEN');
    const open = await signUp('open', 'oa');
    expect(!open.ok && open.error.code).toBe('SIGNUP_NOT_REQUIRED');
    const missing = await signUp('nope', 'oa');
    expect(!missing.ok && missing.error.code).toBe('EVENT_NOT_FOUND');
    h.clock.set(at('2026-11-15', '09:00'));
    const late = await signUp('e1', 'oa');
    expect(!late.ok && late.error.code).toBe('EVENT_NOT_OPEN');
    expect(await h.store.listRegistrationsOfEvent('e1')).toHaveLength(0);
  });

  it('refuses anonymous callers and other residents cancelling a sign-up', async () => {
    await h.store.putEvent(anEvent({ id: 'e1' }));
    const anon = await signUp('e1', null as unknown as string);
    expect(!anon.ok && anon.error.code).toBe('UNAUTHENTICATED');
    const mine = await signUp('e1', 'oa');
    const id = mine.ok ? mine.data.registration.id : '';
    const theirs = await h.call('resident', 'signup.cancel', { registrationId: id }, 'ob');
    expect(!theirs.ok && theirs.error.code).toBe('REGISTRATION_NOT_FOUND');
    expect((await h.store.getRegistration(id))?.status).toBe('confirmed');
  });

  it('closes cancellation when the event starts', async () => {
    await h.store.putEvent(anEvent({ id: 'e1' }));
    const mine = await signUp('e1', 'oa');
    h.clock.set(at('2026-11-15', '09:00'));
    const late = await h.call(
      'resident',
      'signup.cancel',
      { registrationId: mine.ok ? mine.data.registration.id : '' },
      'oa',
    );
    expect(!late.ok && late.error.code).toBe('CANCEL_CLOSED');
  });

  it('lists my sign-ups with masked phone and waitlist positions', async () => {
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 1 }));
    await h.store.putEvent(anEvent({ id: 'e2', capacity: 5, startAt: at('2026-11-16', '10:00'), day: '2026-11-16' }));
    await signUp('e1', 'other');
    await signUp('e1', 'oa');
    await signUp('e2', 'oa', 1);
    const mine = await h.ok('resident', 'signup.mine', {}, 'oa');
    expect(mine.items.map((i) => [i.event.id, i.registration.status, i.registration.waitPosition])).toEqual([
      ['e1', 'waitlisted', 1],
      ['e2', 'confirmed', null],
    ]);
    expect(mine.items[0].registration.phone).toMatch(/^138\*{4}\d{4}$/);
    expect(mine.items[0].registration.name).toBe('王小明');
  });

  it('takes exactly the seats under a burst of 500 parallel sign-ups, and promotes on cancel', async () => {
    await h.store.putEvent(anEvent({ id: 'hot', capacity: 50 }));
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => signUp('hot', `o${i}`, 0, i)));
    expect(results.every((r) => r.ok)).toBe(true);
    const outcomes = results.map((r) => (r.ok ? r.data.outcome : 'error'));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(450);
    const regs = await h.store.listRegistrationsOfEvent('hot');
    expect(new Set(regs.map((r) => r.id)).size).toBe(500);
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    expect(await h.store.getEvent('hot')).toMatchObject({ seatsTaken: 50, waitingCount: 450 });

    const [first] = await h.store.listWaitlisted('hot', 1);
    const confirmedIndex = outcomes.indexOf('confirmed');
    const confirmed = results[confirmedIndex];
    const cancel = await h.call(
      'resident',
      'signup.cancel',
      { registrationId: confirmed.ok ? confirmed.data.registration.id : '' },
      `o${confirmedIndex}`,
    );
    expect(cancel.ok).toBe(true);
    const promoted = await h.store.getRegistration(first.id);
    expect(promoted).toMatchObject({ status: 'confirmed' });
    expect(promoted?.promotedAt).not.toBeNull();
    expect(await h.store.getEvent('hot')).toMatchObject({ seatsTaken: 50, waitingCount: 449 });
  });

  it('promotes a smaller party that fits when the head of the waitlist does not', async () => {
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 2 }));
    const a = await signUp('e1', 'oa', 0);
    await signUp('e1', 'ob', 0);
    h.clock.advance(1);
    await signUp('e1', 'big', 2);
    h.clock.advance(1);
    await signUp('e1', 'small', 0);
    await h.ok('resident', 'signup.cancel', { registrationId: a.ok ? a.data.registration.id : '' }, 'oa');
    const mine = await h.ok('resident', 'signup.mine', {}, 'small');
    expect(mine.items[0].registration.status).toBe('confirmed');
    const big = await h.ok('resident', 'signup.mine', {}, 'big');
    expect(big.items[0].registration).toMatchObject({ status: 'waitlisted', waitPosition: 1 });
  });
});
