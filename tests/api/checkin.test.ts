import { claimsOfRegistration, codePayload, formatCode, judgeCode, windowOf } from '../../backend/core/checkin-code';
import { recountAttendance } from '../../backend/core/checkin';
import { ed25519Verifier } from '../../backend/core/ed25519';
import { at } from '../../backend/core/time';
import { signerFromSeed } from '../../backend/usecases/signing';
import type { QueuedScan } from '../../types/api';
import { anEvent } from '../support/builders';
import { openHarness, TEST_SIGNER, type Harness } from '../support/harness';
import { yaotangWorld } from '../support/one-unit';

const DOOR_TIME = at('2026-11-15', '08:50');
const STAFF = 'openid-staff-u1';
const SUPERVISOR = 'openid-supervisor-u1';
const OTHER_UNIT_STAFF = 'openid-staff-u2';
const ORGANIZER = 'openid-organizer-d1';
const OTHER_DISTRICT_ORGANIZER = 'openid-organizer-d2';

let seq = 0;
const scanId = () => `scan-${String(++seq).padStart(6, '0')}`;

describe('door check-in', () => {
  let h: Harness;

  beforeEach(async () => {
    h = openHarness();
    await yaotangWorld(h.store);
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 400 }));
    await h.store.putEvent(anEvent({ id: 'e2', capacity: 10 }));
    await h.store.putEvent(anEvent({ id: 'other-unit', unitId: 'u2', capacity: 10 }));
    await h.store.putMember({ openid: STAFF, role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张老师' });
    await h.store.putMember({
      openid: SUPERVISOR,
      role: 'supervisor',
      districtId: 'd1',
      unitIds: ['u1'],
      name: '李主任',
    });
    await h.store.putMember({
      openid: OTHER_UNIT_STAFF,
      role: 'staff',
      districtId: 'd1',
      unitIds: ['u2'],
      name: '王老师',
    });
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区教育局' });
    await h.store.putMember({
      openid: OTHER_DISTRICT_ORGANIZER,
      role: 'organizer',
      districtId: 'd2',
      unitIds: [],
      name: '邻区',
    });
  });
  afterEach(() => h.close());

  async function signUp(eventId: string, openid: string, companions = 0): Promise<string> {
    // A phone number of its own per sign-up: one phone holds one seat per event (#11).
    const phone = `139${String(seq++).padStart(8, '0')}`;
    const out = await h.ok(
      'resident',
      'signup.create',
      { eventId, name: '王小明', phone, companions, consent: true },
      openid,
    );
    return out.registration.id;
  }

  async function codeOf(registrationId: string, openid: string): Promise<string> {
    const codes = await h.ok('resident', 'checkin.codes', { registrationId }, openid);
    const now = h.clock.now();
    return codes.codes.find((c) => c.validFrom <= now && now < c.validTo)?.code ?? '';
  }

  const scan = (code: string, eventId = 'e1', who = STAFF, deviceId = 'device-a') =>
    h.call('staff', 'checkin.scan', { eventId, deviceId, scanId: scanId(), code }, who);

  async function countsOf(eventId: string) {
    const event = await h.store.getEvent(eventId);
    const recount = recountAttendance(await h.store.listCheckinsOfEvent(eventId));
    expect({ checkedIn: event?.checkedIn, walkIns: event?.walkIns }).toEqual(recount);
    return recount;
  }

  it('checks a resident in once, however often the code is scanned', async () => {
    const reg = await signUp('e1', 'oa', 2);
    h.clock.set(DOOR_TIME);
    const code = await codeOf(reg, 'oa');
    const first = await scan(code);
    expect(first).toMatchObject({
      ok: true,
      data: { outcome: 'checked_in', message: '签到成功', attendee: { name: '王*明', companions: 2, party: 3 } },
    });
    h.clock.advance(5_000);
    const again = await scan(code);
    expect(again).toMatchObject({ ok: true, data: { outcome: 'already_checked_in', firstCheckedInAt: DOOR_TIME } });
    expect(await countsOf('e1')).toEqual({ checkedIn: 3, walkIns: 0 });
    const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, SUPERVISOR);
    expect(log.entries.map((e) => e.outcome)).toEqual(['already_checked_in', 'checked_in']);
    expect(log.entries[0].staffId).toBe(STAFF);
  });

  it('refuses forged, foreign, expired and garbled codes with their outcomes, and logs them', async () => {
    const reg = await signUp('e1', 'oa');
    const regE2 = await signUp('e2', 'oa');
    h.clock.set(DOOR_TIME);
    const code = await codeOf(reg, 'oa');
    const forger = signerFromSeed('f0'.repeat(32));
    const claims = claimsOfRegistration(reg, 'e1', windowOf(DOOR_TIME));
    const forged = formatCode(claims!, forger.sign(codePayload(claims!)));
    const tampered = code.replace(/\.([0-9a-z]+)\./, (_m, w: string) => `.${(parseInt(w, 36) + 1).toString(36)}.`);

    expect((await scan(forged)).ok && (await scan(forged))).toMatchObject({ ok: true, data: { outcome: 'invalid' } });
    expect(await scan(tampered)).toMatchObject({ ok: true, data: { outcome: 'invalid', attendee: null } });
    expect(await scan('hello')).toMatchObject({ ok: true, data: { outcome: 'invalid', message: '无效二维码' } });
    expect(await scan(await codeOf(regE2, 'oa'))).toMatchObject({
      ok: true,
      data: { outcome: 'wrong_event', message: '非本场活动' },
    });
    h.clock.advance(3 * 60_000);
    expect(await scan(code)).toMatchObject({ ok: true, data: { outcome: 'expired', message: '二维码已过期' } });
    expect(await countsOf('e1')).toEqual({ checkedIn: 0, walkIns: 0 });
    const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, ORGANIZER);
    expect(log.total).toBe(6);
    expect(log.entries.every((e) => e.reason)).toBe(true);
  });

  it('refuses the code of a cancelled sign-up and of a waitlisted one', async () => {
    await h.store.putEvent(anEvent({ id: 'small', capacity: 1 }));
    const first = await signUp('small', 'oa');
    const waiting = await signUp('small', 'ob');
    h.clock.set(DOOR_TIME);
    const code = await codeOf(first, 'oa');
    const waitlisted = await h.call('resident', 'checkin.codes', { registrationId: waiting }, 'ob');
    expect(!waitlisted.ok && waitlisted.error.code).toBe('CODE_NOT_AVAILABLE');
    await h.ok('resident', 'signup.cancel', { registrationId: first }, 'oa');
    expect(await scan(code, 'small')).toMatchObject({ ok: true, data: { outcome: 'cancelled', message: '已取消' } });
    // The cancel promoted ob, whose code now works.
    expect(await scan(await codeOf(waiting, 'ob'), 'small')).toMatchObject({
      ok: true,
      data: { outcome: 'checked_in' },
    });
    expect(await countsOf('small')).toEqual({ checkedIn: 1, walkIns: 0 });
  });

  it('lets only the door staff of the unit, its supervisors and the district organizer act', async () => {
    const reg = await signUp('e1', 'oa');
    h.clock.set(DOOR_TIME);
    const code = await codeOf(reg, 'oa');
    for (const who of [OTHER_UNIT_STAFF, OTHER_DISTRICT_ORGANIZER]) {
      const refused = await scan(code, 'e1', who);
      expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    }
    const resident = await scan(code, 'e1', 'oa');
    expect(!resident.ok && resident.error.code).toBe('FORBIDDEN');
    const anonymous = await scan(code, 'e1', null as unknown as string);
    expect(!anonymous.ok && anonymous.error.code).toBe('UNAUTHENTICATED');
    expect(await countsOf('e1')).toEqual({ checkedIn: 0, walkIns: 0 });
    const theirs = await h.call('staff', 'checkin.roster', { eventId: 'other-unit' }, STAFF);
    expect(!theirs.ok && theirs.error.code).toBe('FORBIDDEN');
    const stranger = await h.call('resident', 'checkin.codes', { registrationId: reg }, 'ob');
    expect(!stranger.ok && stranger.error.code).toBe('REGISTRATION_NOT_FOUND');
    expect((await scan(code, 'e1', ORGANIZER)).ok).toBe(true);
    const staffUndo = await h.call(
      'staff',
      'checkin.undo',
      { eventId: 'e1', registrationId: reg, reason: '误扫', deviceId: 'device-a', scanId: scanId() },
      STAFF,
    );
    expect(!staffUndo.ok && staffUndo.error.code).toBe('FORBIDDEN');
    const staffAudit = await h.call('staff', 'audit.list', { eventId: 'e1' }, STAFF);
    expect(!staffAudit.ok && staffAudit.error.code).toBe('FORBIDDEN');
  });

  it('counts exactly 300 after 1,000 scans of 300 sign-ups with duplicates in random order', async () => {
    const owners = Array.from({ length: 300 }, (_, i) => `resident-${i}`);
    const regs: string[] = [];
    for (const owner of owners) regs.push(await signUp('e1', owner));
    h.clock.set(DOOR_TIME);
    const codes = await Promise.all(regs.map((r, i) => codeOf(r, owners[i])));
    const scans = [...codes];
    let rand = 42;
    const random = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    while (scans.length < 1000) scans.push(codes[Math.floor(random() * codes.length)]);
    for (let i = scans.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [scans[i], scans[j]] = [scans[j], scans[i]];
    }
    const results = await Promise.all(scans.map((code, i) => scan(code, 'e1', STAFF, `device-${i % 3}`)));
    const outcomes = results.map((r) => (r.ok ? r.data.outcome : r.error.code));
    expect(outcomes.filter((o) => o === 'checked_in')).toHaveLength(300);
    expect(outcomes.filter((o) => o === 'already_checked_in')).toHaveLength(700);
    expect(await countsOf('e1')).toEqual({ checkedIn: 300, walkIns: 0 });
    expect((await h.store.listScanLog('e1', 0, 2000)).total).toBe(1000);
  });

  it('syncs an offline batch once, however often it is replayed', async () => {
    const regs: [string, string][] = [];
    for (let i = 0; i < 20; i++) regs.push([await signUp('e1', `r${i}`), `r${i}`]);
    h.clock.set(DOOR_TIME);
    const codes = await Promise.all(regs.map(([r, o]) => codeOf(r, o)));
    const batch: QueuedScan[] = [
      ...codes.map((code, i) => ({ scanId: `off-${i}-aaaaaa`, kind: 'code' as const, code, scannedAt: DOOR_TIME + i })),
      { scanId: 'off-dup-aaaaaa', kind: 'code', code: codes[0], scannedAt: DOOR_TIME + 30 },
      { scanId: 'off-walk-aaaaa', kind: 'walkin', companions: 2, scannedAt: DOOR_TIME + 40 },
      { scanId: 'off-bad-aaaaaa', kind: 'code', code: 'L1.e1.zz.1.abc', scannedAt: DOOR_TIME + 50 },
    ];
    h.clock.advance(20 * 60_000); // The network comes back twenty minutes later.
    const answers = [];
    for (let round = 0; round < 3; round++) {
      answers.push(await h.ok('staff', 'checkin.sync', { eventId: 'e1', deviceId: 'device-b', scans: batch }, STAFF));
      expect(await countsOf('e1')).toEqual({ checkedIn: 20, walkIns: 3 });
      expect((await h.store.listScanLog('e1', 0, 100)).total).toBe(batch.length);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].results.map((r) => r.outcome).slice(-3)).toEqual(['already_checked_in', 'checked_in', 'invalid']);
    // Offline scans are judged at the time they were scanned, not when they arrive.
    expect(answers[0].results[0]).toMatchObject({ outcome: 'checked_in' });
    const checkin = await h.store.getCheckin(regs[0][0]);
    expect(checkin).toMatchObject({ checkedInAt: DOOR_TIME, offline: true, deviceId: 'device-b' });
  });

  it('turns two devices accepting the same code offline into one check-in and one flagged conflict', async () => {
    const reg = await signUp('e1', 'oa');
    h.clock.set(DOOR_TIME);
    const code = await codeOf(reg, 'oa');
    h.clock.advance(10 * 60_000);
    const a = await h.ok(
      'staff',
      'checkin.sync',
      {
        eventId: 'e1',
        deviceId: 'device-a',
        scans: [{ scanId: 'dev-a-000001', kind: 'code', code, scannedAt: DOOR_TIME }],
      },
      STAFF,
    );
    const b = await h.ok(
      'staff',
      'checkin.sync',
      {
        eventId: 'e1',
        deviceId: 'device-b',
        scans: [{ scanId: 'dev-b-000001', kind: 'code', code, scannedAt: DOOR_TIME + 20_000 }],
      },
      STAFF,
    );
    expect(a.results[0]).toMatchObject({ outcome: 'checked_in', conflict: false });
    expect(b.results[0]).toMatchObject({ outcome: 'already_checked_in', conflict: true, firstCheckedInAt: DOOR_TIME });
    expect(await countsOf('e1')).toEqual({ checkedIn: 1, walkIns: 0 });
    const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, SUPERVISOR);
    expect(log.entries.filter((e) => e.conflict)).toHaveLength(1);
  });

  it('registers walk-ins, checks in by hand, finds people, and lets a supervisor undo', async () => {
    const reg = await signUp('e1', 'oa', 1);
    h.clock.set(DOOR_TIME);
    const walkin = await h.ok(
      'staff',
      'checkin.walkin',
      { eventId: 'e1', deviceId: 'device-a', scanId: scanId(), companions: 1 },
      STAFF,
    );
    expect(walkin).toMatchObject({ outcome: 'checked_in', attendee: { registrationId: null, party: 2 } });
    const tail = (await h.store.getRegistration(reg))!.phone.slice(-4);
    const found = await h.ok('staff', 'checkin.find', { eventId: 'e1', query: tail }, STAFF);
    expect(found.entries.map((e) => e.registrationId)).toContain(reg);
    expect(found.entries[0].name).toBe('王*明');
    const { shortCode } = await h.ok('resident', 'checkin.codes', { registrationId: reg }, 'oa');
    const byCode = await h.ok('staff', 'checkin.find', { eventId: 'e1', query: shortCode }, STAFF);
    expect(byCode.entries.map((e) => e.registrationId)).toContain(reg);
    const manual = await h.ok(
      'staff',
      'checkin.manual',
      { eventId: 'e1', deviceId: 'device-a', scanId: scanId(), registrationId: reg },
      STAFF,
    );
    expect(manual.outcome).toBe('checked_in');
    expect(await countsOf('e1')).toEqual({ checkedIn: 2, walkIns: 2 });
    await h.ok(
      'staff',
      'checkin.undo',
      { eventId: 'e1', registrationId: reg, reason: '误点', deviceId: 'device-a', scanId: scanId() },
      SUPERVISOR,
    );
    expect(await countsOf('e1')).toEqual({ checkedIn: 0, walkIns: 2 });
    const roster = await h.ok('staff', 'checkin.roster', { eventId: 'e1' }, STAFF);
    expect(roster.entries.find((e) => e.registrationId === reg)?.checkedInAt).toBeNull();
    expect(roster.event).toMatchObject({ checkedIn: 0, walkIns: 2, confirmedPeople: 2 });
    // After an undo, the person can be checked in again and counts once.
    const again = await h.ok('resident', 'checkin.codes', { registrationId: reg }, 'oa');
    expect(await scan(again.codes[0].code)).toMatchObject({ ok: true, data: { outcome: 'checked_in' } });
    expect(await countsOf('e1')).toEqual({ checkedIn: 2, walkIns: 2 });
  });

  it('signs up a person without a smartphone on their behalf, once per phone', async () => {
    const input = { eventId: 'e1', name: '赵大爷', phone: '13700001111', companions: 0, consent: true };
    const made = await h.ok('staff', 'signup.proxy', input, STAFF);
    expect(made).toMatchObject({ outcome: 'confirmed', registration: { source: 'staff', name: '赵*爷' } });
    const twice = await h.call('staff', 'signup.proxy', input, SUPERVISOR);
    expect(!twice.ok && twice.error.code).toBe('SIGNUP_DUPLICATE');
    const elsewhere = await h.call('staff', 'signup.proxy', { ...input, eventId: 'other-unit' }, STAFF);
    expect(!elsewhere.ok && elsewhere.error.code).toBe('FORBIDDEN');
    h.clock.set(DOOR_TIME);
    const manual = await h.ok(
      'staff',
      'checkin.manual',
      { eventId: 'e1', deviceId: 'device-a', scanId: scanId(), registrationId: made.registration.id },
      STAFF,
    );
    expect(manual).toMatchObject({ outcome: 'checked_in', attendee: { name: '赵*爷' } });
  });

  it('validates codes on a device with the public key alone (pure-JS Ed25519)', async () => {
    const reg = await signUp('e1', 'oa');
    h.clock.set(DOOR_TIME);
    const code = await codeOf(reg, 'oa');
    const config = await h.ok('staff', 'checkin.config', {}, STAFF);
    expect(config.publicKey).toBe(TEST_SIGNER.publicKeyHex);
    const device = ed25519Verifier(config.publicKey);
    expect(judgeCode(code, { eventId: 'e1', at: DOOR_TIME }, device)).toMatchObject({ ok: true, registrationId: reg });
    expect(judgeCode(code, { eventId: 'e2', at: DOOR_TIME }, device)).toMatchObject({
      ok: false,
      outcome: 'wrong_event',
    });
    expect(judgeCode(code, { eventId: 'e1', at: DOOR_TIME + 5 * 60_000 }, device)).toMatchObject({
      ok: false,
      outcome: 'expired',
    });
    const flipped = code.slice(0, -3) + (code.endsWith('A') ? 'B' : 'A') + code.slice(-2);
    expect(judgeCode(flipped, { eventId: 'e1', at: DOOR_TIME }, device)).toMatchObject({
      ok: false,
      outcome: 'invalid',
    });
  });
});
