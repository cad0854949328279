/**
 * Staff cancel a resident's sign-up after check-in or the start, with a reason, audited. The
 * person came, so the attendance stays; seats are released only before the start.
 */
import { recountAttendance } from '../../backend/core/checkin';
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg, aMember } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

const START = at('2026-11-15', '09:00'); // anEvent's start
const STAFF = 'openid-staff-u1';
const SUPERVISOR = 'openid-supervisor-u1';
const ORGANIZER = 'openid-organizer-d1';

describe('staff cancel a sign-up', () => {
  let h: Harness;
  let seq = 0;
  const scanId = () => `cancel-${String(++seq).padStart(6, '0')}`;
  const door = () => ({ eventId: 'e1', deviceId: 'device-a', scanId: scanId() });

  beforeEach(async () => {
    h = openHarness(at('2026-11-10', '10:00'));
    await h.store.putCampaign(aCampaign());
    await h.store.putOrg(anOrg({ id: 'u1' }));
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
    await h.store.putEvent(anEvent({ id: 'e2', capacity: 10 }));
    await h.store.putMember(aMember({ openid: STAFF, name: '张老师' }));
    await h.store.putMember(aMember({ openid: SUPERVISOR, role: 'supervisor', name: '李主任' }));
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
  });
  afterEach(() => h.close());

  async function signUpAndCheckIn(openid: string, phone: string, at: number): Promise<string> {
    const reg = (
      await h.ok(
        'resident',
        'signup.create',
        { eventId: 'e1', name: '王小明', phone, companions: 1, consent: true },
        openid,
      )
    ).registration.id;
    h.clock.set(at);
    const res = await h.ok('staff', 'checkin.manual', { ...door(), registrationId: reg }, STAFF);
    expect(res.outcome).toBe('checked_in');
    return reg;
  }

  async function figures() {
    const event = await h.store.getEvent('e1');
    const recount = recountAttendance(await h.store.listCheckinsOfEvent('e1'));
    expect({ checkedIn: event?.checkedIn, walkIns: event?.walkIns }).toEqual(recount);
    return { checkedIn: recount.checkedIn, seatsTaken: event?.seatsTaken };
  }

  it('after the start: the resident cannot, staff can with a reason; attendance and seats stay, audited', async () => {
    const reg = await signUpAndCheckIn('oa', '13900000001', START - 10 * 60_000);
    expect(await figures()).toEqual({ checkedIn: 2, seatsTaken: 2 });
    h.clock.set(START + 30 * 60_000);

    const resident = await h.call('resident', 'signup.cancel', { registrationId: reg }, 'oa');
    expect(resident).toMatchObject({ ok: false, error: { code: 'CANCEL_CLOSED' } });
    const noReason = await h.call(
      'staff',
      'signup.staffCancel',
      { ...door(), registrationId: reg, reason: '  ' },
      STAFF,
    );
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const cancelDoor = door();
    const done = await h.ok(
      'staff',
      'signup.staffCancel',
      { ...cancelDoor, registrationId: reg, reason: '本人来电要求取消' },
      STAFF,
    );
    expect(done).toEqual({ cancelled: true, seatsReleased: false });
    expect((await h.store.getRegistration(reg))?.status).toBe('cancelled');
    // The person came: still two attendances; the seats were used: still two taken.
    expect(await figures()).toEqual({ checkedIn: 2, seatsTaken: 2 });
    expect((await h.store.getCheckin(reg))?.status).toBe('active');
    // Reconciliation agrees with the counters: nothing to repair.
    expect((await h.ok('organizer', 'reconcile.run', {}, ORGANIZER)).repairs).toEqual([]);

    const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, SUPERVISOR);
    expect(log.entries.find((e) => e.id === cancelDoor.scanId)).toMatchObject({
      kind: 'cancel',
      outcome: 'cancelled',
      registrationId: reg,
      staffId: STAFF,
      reason: '工作人员取消报名（活动已开始，名额不释放）：本人来电要求取消',
    });

    const twice = await h.call(
      'staff',
      'signup.staffCancel',
      { ...door(), registrationId: reg, reason: '再次' },
      STAFF,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'ALREADY_CANCELLED' } });
  });

  it('after check-in but before the start: seats are released, the attendance stays', async () => {
    const reg = await signUpAndCheckIn('oa', '13900000001', START - 20 * 60_000);
    await signUpAndCheckIn('ob', '13900000002', START - 15 * 60_000);
    expect(await figures()).toEqual({ checkedIn: 4, seatsTaken: 4 });
    const done = await h.ok(
      'staff',
      'signup.staffCancel',
      { ...door(), registrationId: reg, reason: '报错场次' },
      SUPERVISOR,
    );
    expect(done).toEqual({ cancelled: true, seatsReleased: true });
    expect(await figures()).toEqual({ checkedIn: 4, seatsTaken: 2 });
    expect((await h.ok('organizer', 'reconcile.run', {}, ORGANIZER)).repairs).toEqual([]);
  });

  it('another event’s sign-up reads as missing at this door', async () => {
    const other = (
      await h.ok(
        'resident',
        'signup.create',
        { eventId: 'e2', name: '李四', phone: '13900000003', companions: 0, consent: true },
        'oc',
      )
    ).registration.id;
    const res = await h.call('staff', 'signup.staffCancel', { ...door(), registrationId: other, reason: '误' }, STAFF);
    expect(res).toMatchObject({ ok: false, error: { code: 'REGISTRATION_NOT_FOUND' } });
    expect((await h.store.getRegistration(other))?.status).toBe('confirmed');
  });
});
