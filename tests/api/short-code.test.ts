/**
 * The six-digit short code rotates with the QR window: the backend accepts the current window's
 * digits and those of the two windows before (read out and typed), refuses older ones, and
 * judges a short code queued by an offline door against the time it was typed.
 */
import { recountAttendance } from '../../backend/core/checkin';
import { WINDOW_MS } from '../../backend/core/checkin-code';
import { at } from '../../backend/core/time';
import type { QueuedScan } from '../../types/api';
import { aCampaign, anEvent, anOrg, aMember } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

// 08:50:00 is the start of a 30-second window (a multiple of 30 s since the epoch).
const DOOR_TIME = at('2026-11-15', '08:50');
const STAFF = 'openid-staff-u1';
const SUPERVISOR = 'openid-supervisor-u1';

describe('rotating short codes', () => {
  let h: Harness;
  let seq = 0;
  const scanId = () => `short-${String(++seq).padStart(6, '0')}`;

  beforeEach(async () => {
    h = openHarness();
    await h.store.putCampaign(aCampaign());
    await h.store.putOrg(anOrg({ id: 'u1', name: '尧塘社区教育中心' }));
    await h.store.putEvent(anEvent({ id: 'e1', capacity: 400 }));
    await h.store.putMember(aMember({ openid: STAFF, name: '张老师' }));
    await h.store.putMember(aMember({ openid: SUPERVISOR, role: 'supervisor', name: '李主任' }));
  });
  afterEach(() => h.close());

  async function signUp(openid: string, phone: string, companions = 0): Promise<string> {
    const out = await h.ok(
      'resident',
      'signup.create',
      { eventId: 'e1', name: '王小明', phone, companions, consent: true },
      openid,
    );
    return out.registration.id;
  }

  const find = async (query: string) =>
    (await h.ok('staff', 'checkin.find', { eventId: 'e1', query }, STAFF)).entries.map((e) => e.registrationId);

  async function counts() {
    const event = await h.store.getEvent('e1');
    const recount = recountAttendance(await h.store.listCheckinsOfEvent('e1'));
    expect({ checkedIn: event?.checkedIn, walkIns: event?.walkIns }).toEqual(recount);
    return recount;
  }

  it('changes with the window; the current one and the two before are accepted, an older one is refused', async () => {
    const reg = await signUp('oa', '13900000001');
    h.clock.set(DOOR_TIME + 5_000);
    const batch = await h.ok('resident', 'checkin.codes', { registrationId: reg }, 'oa');
    const digits = batch.codes.map((c) => c.shortCode);
    for (const d of digits) expect(d).toMatch(/^\d{6}$/);
    expect(batch.shortCode).toBe(digits[0]);
    // Twenty windows of six digits: they rotate (equal neighbours would be a one-in-a-million chance).
    expect(new Set(digits).size).toBeGreaterThan(15);
    expect(digits[1]).not.toBe(digits[0]);

    expect(await find(digits[0])).toEqual([reg]); // current window
    h.clock.set(DOOR_TIME + 2 * WINDOW_MS + 5_000); // two windows later: still accepted
    expect(await find(digits[0])).toEqual([reg]);
    h.clock.set(DOOR_TIME + 3 * WINDOW_MS + 5_000); // three windows later: too old
    expect(await find(digits[0])).toEqual([]);
    expect(await find(digits[3])).toEqual([reg]); // that window's own digits are
    // A window not yet begun is not accepted either: digits cannot be used ahead of time.
    expect(await find(digits[6])).toEqual([]);
  });

  it('judges a short code queued offline by the time it was typed, once however often it is synced', async () => {
    const reg = await signUp('oa', '13900000001', 1);
    const other = await signUp('ob', '13900000002');
    h.clock.set(DOOR_TIME);
    const mine = await h.ok('resident', 'checkin.codes', { registrationId: reg }, 'oa');
    const theirs = await h.ok('resident', 'checkin.codes', { registrationId: other }, 'ob');
    const scans: QueuedScan[] = [
      // Typed 40 s after the window began (one window later): accepted.
      { scanId: scanId(), kind: 'short', code: mine.codes[0].shortCode, scannedAt: DOOR_TIME + 40_000 },
      // Typed five minutes after its window: refused, although it was valid when handed out.
      { scanId: scanId(), kind: 'short', code: theirs.codes[0].shortCode, scannedAt: DOOR_TIME + 5 * 60_000 },
    ];
    // The door syncs twenty minutes later: by the server's own clock both codes would be stale.
    h.clock.set(DOOR_TIME + 20 * 60_000);
    const first = await h.ok('staff', 'checkin.sync', { eventId: 'e1', deviceId: 'device-a', scans }, STAFF);
    expect(first.results.map((r) => r.outcome)).toEqual(['checked_in', 'invalid']);
    expect(first.results[0].attendee).toMatchObject({ registrationId: reg, party: 2 });
    expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });
    const checkin = await h.store.getCheckin(reg);
    expect(checkin).toMatchObject({ checkedInAt: DOOR_TIME + 40_000, offline: true });

    // Replayed (an answer lost on the way back): the same answers, nothing counted twice.
    const again = await h.ok('staff', 'checkin.sync', { eventId: 'e1', deviceId: 'device-a', scans }, STAFF);
    expect(again.results.map((r) => r.outcome)).toEqual(['checked_in', 'invalid']);
    expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });

    // The refusal is in the audit log with its reason.
    const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, SUPERVISOR);
    const refused = log.entries.find((e) => e.id === scans[1].scanId);
    expect(refused).toMatchObject({ outcome: 'invalid', reason: '手工签到码不符或已过期', offline: true });
  });

  it('refuses a queued short code that is not six digits with a typed error', async () => {
    const res = await h.call(
      'staff',
      'checkin.sync',
      {
        eventId: 'e1',
        deviceId: 'device-a',
        scans: [{ scanId: scanId(), kind: 'short', code: '12ab56', scannedAt: DOOR_TIME }],
      },
      STAFF,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
