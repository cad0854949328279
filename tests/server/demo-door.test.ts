/**
 * The demo server (startLocal, demo week starting today) at the door: a party of two checked in
 * 20 minutes before the start adds exactly 2 attendances and 2 people to today's dashboard; a
 * check-in 6 hours before the start is refused; the resident cannot cancel afterwards (#11).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal } from '../../server/main';
import { addDemoActivity } from '../support/demo-activity';

jest.setTimeout(120_000);

describe('the demo server at the door', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-demo-door-'));
    Object.assign(process.env, {
      DATA_FILE: join(dir, 'demo.sqlite'),
      DEMO: '1',
      DEMO_WEEK_START: 'today',
      PORT: '0',
      STATIC_DIR: join(dir, 'none'),
    });
    server = await startLocal();
  });
  afterAll(async () => {
    await server.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(fn: string, action: string, data: object, identity: string) {
    const res = await fetch(`${server.url}api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-identity': identity },
      body: JSON.stringify({ action, data }),
    });
    return (await res.json()) as { ok: boolean; data: never; error?: { code: string; message: string } };
  }

  /** Adds an event of the demo staff's centre starting `minutes` from now, with a second store connection. */
  const eventStartingIn = (id: string, minutes: number) =>
    addDemoActivity(join(dir, 'demo.sqlite'), id, minutes, { title: `门口测试 ${id}` });

  async function signUpAndScan(eventId: string, resident: string, phone: string) {
    const signup = await call(
      'resident',
      'signup.create',
      { eventId, name: '王秀英', phone, companions: 1, consent: true },
      resident,
    );
    expect(signup.ok).toBe(true);
    const registrationId = (signup.data as { registration: { id: string } }).registration.id;
    const codes = await call('resident', 'checkin.codes', { registrationId }, resident);
    expect(codes.ok).toBe(true);
    const code = (codes.data as { codes: { code: string }[] }).codes[0].code;
    const scan = await call(
      'staff',
      'checkin.scan',
      { eventId, deviceId: 'door-1', scanId: `scan-${eventId}-${Date.now()}`, code },
      'staff',
    );
    expect(scan.ok).toBe(true);
    return { registrationId, outcome: (scan.data as { outcome: string }).outcome };
  }

  it('admits a party of two 20 minutes early, refuses 6 hours early, and the resident cannot cancel after', async () => {
    await eventStartingIn('door-soon', 20);
    await eventStartingIn('door-later', 6 * 60);
    const before = (await call('organizer', 'dashboard.get', {}, 'organizer')).data as {
      todayFigures: { attendance: number; distinctPeople: number };
    };

    const soon = await signUpAndScan('door-soon', 'resident-901', '13900000901');
    expect(soon.outcome).toBe('checked_in');
    const after = (await call('organizer', 'dashboard.get', {}, 'organizer')).data as typeof before;
    expect(after.todayFigures.attendance - before.todayFigures.attendance).toBe(2);
    expect(after.todayFigures.distinctPeople - before.todayFigures.distinctPeople).toBe(2);

    const later = await signUpAndScan('door-later', 'resident-902', '13900000902');
    expect(later.outcome).toBe('too_early');

    const cancel = await call('resident', 'signup.cancel', { registrationId: soon.registrationId }, 'resident-901');
    expect(cancel.ok).toBe(false);
    expect(cancel.error?.code).toBe('CANCEL_CLOSED');
  });
});
