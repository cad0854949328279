/**
 * No oracles: a registration the caller may not see answers exactly like one that does not
 * exist, and the id of a sign-up staff made for someone else cannot be computed from the phone
 * number (it is keyed with the server's REGISTRATION_ID_SECRET).
 */
import { createHash } from 'node:crypto';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent } from '../support/builders';
import { oneUnitWorld } from '../support/one-unit';
import { openHarness, type Harness } from '../support/harness';

const PHONE = '13912345678';

describe('registrations others may not see', () => {
  let h: Harness;
  let proxyId: string;
  let ownId: string;

  beforeAll(async () => {
    h = openHarness(at('2026-11-10', '09:00'));
    await oneUnitWorld(h.store);
    const person = { eventId: 'e1', name: '赵大爷', phone: PHONE, companions: 0, consent: true };
    proxyId = (await h.ok('staff', 'signup.proxy', person, 'staff-1')).registration.id;
    ownId = (await h.ok('resident', 'signup.create', { ...person, phone: '13700000000' }, 'res-a')).registration.id;
  });
  afterAll(() => h.close());

  it('keys a proxy sign-up id with the server secret, not the phone number alone', async () => {
    const unkeyed = `e1_p${createHash('sha256').update(`proxy:${PHONE}`).digest('base64url').slice(0, 15)}`;
    expect(proxyId).toMatch(/^e1_p[A-Za-z0-9_-]{15}$/);
    expect(proxyId).not.toBe(unkeyed);
    // Another secret, another id: a deployment's ids cannot be computed elsewhere.
    const other = openHarness(at('2026-11-10', '09:00'));
    try {
      other.deps.registrationSecret = '00'.repeat(32);
      await other.store.putCampaign(aCampaign());
      await other.store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
      await other.store.putMember({ openid: 's', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
      const again = await other.ok(
        'staff',
        'signup.proxy',
        { eventId: 'e1', name: '赵大爷', phone: PHONE, companions: 0, consent: true },
        's',
      );
      expect(again.registration.id).not.toBe(proxyId);
    } finally {
      other.close();
    }
  });

  it.each([
    ['signup.cancel', (id: string) => ({ registrationId: id })],
    ['checkin.codes', (id: string) => ({ registrationId: id })],
    ['rating.submit', (id: string) => ({ registrationId: id, score: 5, comment: '' })],
  ] as const)('%s answers the same for an existing other person and a missing one', async (action, input) => {
    const answers = [];
    for (const id of [proxyId, ownId, 'e1_pNOSUCHREGISTRA', 'e9_nothing']) {
      const result = await h.call('resident', action, input(id), 'res-b');
      answers.push(result.ok ? 'ok' : result.error);
    }
    expect(answers[0]).toEqual({ code: 'REGISTRATION_NOT_FOUND', message: '没有找到该报名记录', retryable: false });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect((await h.store.getRegistration(proxyId))?.status).toBe('confirmed');
    expect((await h.store.getRegistration(ownId))?.status).toBe('confirmed');
  });

  it('the owner still acts on their own sign-up', async () => {
    const codes = await h.call('resident', 'checkin.codes', { registrationId: ownId }, 'res-a');
    expect(codes.ok).toBe(true);
  });
});
