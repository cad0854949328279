import { memoryLimiter } from '../../backend/api/limiter';
import { RATE_LIMITS } from '../../backend/core/rate-limits';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

describe('rate limits', () => {
  let h: Harness;
  beforeEach(async () => {
    h = openHarness(at('2026-11-10', '09:00'));
    h.deps.limiter = memoryLimiter();
    await h.store.putCampaign(aCampaign());
    for (let i = 0; i < 12; i++) await h.store.putEvent(anEvent({ id: `e${i}`, capacity: 5 }));
    await h.store.putMember({ openid: 'staff', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
  });
  afterEach(() => h.close());

  const signUp = (eventId: string, openid: string) =>
    h.call(
      'resident',
      'signup.create',
      // Each identity her own phone number: one phone holds one seat per event (#11).
      { eventId, name: '王小明', phone: `139${String(openid.length).padStart(8, '0')}`, companions: 0, consent: true },
      openid,
    );

  it('stops a single identity grabbing seats, with a typed retryable error, per window', async () => {
    const max = RATE_LIMITS['resident/signup.create'].max;
    for (let i = 0; i < max; i++) expect((await signUp(`e${i}`, 'greedy')).ok).toBe(true);
    const limited = await signUp(`e${max}`, 'greedy');
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryable: true } });
    expect(await h.store.listRegistrationsOfEvent(`e${max}`)).toEqual([]);
    // Others are not affected, and the same person may continue in the next window.
    expect((await signUp(`e${max}`, 'someone-else')).ok).toBe(true);
    h.clock.advance(RATE_LIMITS['resident/signup.create'].windowMs);
    expect((await signUp(`e${max}`, 'greedy')).ok).toBe(true);
  });

  it('brakes a runaway scanner', async () => {
    const { max } = RATE_LIMITS['staff/checkin.scan'];
    let last;
    for (let i = 0; i <= max; i++) {
      last = await h.call(
        'staff',
        'checkin.scan',
        { eventId: 'e1', deviceId: 'dev-1', scanId: `scan-${String(i).padStart(6, '0')}`, code: 'x' },
        'staff',
      );
    }
    expect(last).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await h.store.listScanLog('e1', 0, 1000)).total).toBe(max);
  });

  it('limits guessing invitation codes', async () => {
    const { max } = RATE_LIMITS['resident/invite.accept'];
    const codes = [];
    for (let i = 0; i <= max; i++)
      codes.push((await h.call('resident', 'invite.accept', { code: 'ABCD2345' }, 'guesser')).ok ? 'ok' : 'no');
    const last = await h.call('resident', 'invite.accept', { code: 'ABCD2345' }, 'guesser');
    expect(last).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
