/**
 * The local server killed with SIGKILL in the middle of a sign-up burst and of a check-in
 * burst, then restarted: every acknowledged sign-up and check-in is there, no seat is
 * oversold, and every counter equals a recount from the raw records.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recountAttendance } from '../../backend/core/checkin';
import { recountCounters } from '../../backend/core/dashboard';
import { recountSeats } from '../../backend/core/seats';
import { addDays, dayOf } from '../../backend/core/time';
import { openSqliteStore } from '../../backend/store/sqlite';
import { aCampaign, anEvent, anOrg } from '../support/builders';

const SEED = 'ab'.repeat(32);
const CAPACITY = 120;

interface Server {
  child: ChildProcess;
  port: number;
}

function startServer(file: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        DEMO: '0',
        // Callers are told apart by the development identity header.
        DEV_IDENTITIES: '1',
        DATA_FILE: file,
        CHECKIN_SIGNING_SEED: SEED,
        LOCAL_RATE_LIMITS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

function post(
  port: number,
  fn: string,
  action: string,
  data: unknown,
  identity: string,
): Promise<{ ok: boolean; data?: never; error?: { code: string } }> {
  const body = JSON.stringify({ action, data });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${fn}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-demo-identity': identity },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

async function recount(file: string) {
  const store = openSqliteStore({ file });
  try {
    const event = await store.getEvent('e1');
    const regs = await store.listRegistrationsOfEvent('e1');
    const checkins = await store.listCheckinsOfEvent('e1');
    const { version: _v, ...counters } = await store.readCounters('c1');
    return {
      event,
      regs,
      checkins,
      counters,
      truth: recountCounters(checkins, [], (await store.getCampaign('c1'))!).counters,
    };
  } finally {
    store.close();
  }
}

describe('a server killed mid-burst', () => {
  let dir: string;
  let file: string;
  let server: Server | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'llw-kill-'));
    file = join(dir, 'store.sqlite');
    const store = openSqliteStore({ file });
    // The event starts in half an hour: sign-ups are open and the door's check-in window too (#11).
    const startAt = Date.now() + 30 * 60_000;
    const today = dayOf(startAt);
    await store.putCampaign(aCampaign({ weekStart: addDays(today, -1), weekEnd: addDays(today, 6) }));
    await store.putOrg(anOrg({ id: 'u1', parentId: 's1' }));
    await store.putEvent(
      anEvent({ id: 'e1', capacity: CAPACITY, startAt, endAt: startAt + 2 * 3_600_000, day: today }),
    );
    await store.putMember({
      openid: 'demo-openid-staff-yaotang',
      role: 'staff',
      districtId: 'd1',
      unitIds: ['u1'],
      name: '张',
    });
    store.close();
  });
  afterAll(async () => {
    if (server) await kill(server);
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged sign-up and check-in, oversells nothing, and counts exactly', async () => {
    // Sign-up burst: 300 residents for 120 seats; killed after about 100 answers.
    server = await startServer(file);
    const acked: { resident: string; id: string; outcome: string }[] = [];
    let killing: Promise<void> | null = null;
    const port = server.port;
    const burst = Array.from({ length: 300 }, (_, i) =>
      post(
        port,
        'resident',
        'signup.create',
        {
          eventId: 'e1',
          name: '王小明',
          phone: `1391${String(i).padStart(7, '0')}`,
          companions: i % 3 === 0 ? 1 : 0,
          consent: true,
        },
        `resident-${i}`,
      )
        .then((r) => {
          const data = r.data as unknown as { registration: { id: string }; outcome: string } | undefined;
          if (r.ok && data) acked.push({ resident: `resident-${i}`, id: data.registration.id, outcome: data.outcome });
          if (acked.length >= 100 && !killing && server) killing = kill(server);
        })
        .catch(() => undefined),
    );
    await Promise.all(burst);
    await killing;
    expect(acked.length).toBeGreaterThanOrEqual(100);
    expect(acked.length).toBeLessThan(300);

    let state = await recount(file);
    for (const a of acked) {
      expect(state.regs.find((r) => r.id === a.id)?.status).toBe(a.outcome);
    }
    const seats = recountSeats(CAPACITY, state.regs);
    expect(state.event).toMatchObject({ seatsTaken: seats.seatsTaken, waitingCount: seats.waitingCount });
    expect(state.event!.seatsTaken).toBeLessThanOrEqual(CAPACITY);
    expect(state.regs.filter((r) => r.status === 'pending')).toEqual([]);

    // Check-in burst on the restarted server, killed again halfway.
    server = await startServer(file);
    const confirmed = acked.filter((a) => a.outcome === 'confirmed');
    const codes: string[] = [];
    for (const a of confirmed) {
      const r = await post(server.port, 'resident', 'checkin.codes', { registrationId: a.id }, a.resident);
      codes.push((r.data as unknown as { codes: { code: string }[] }).codes[0].code);
    }
    const checkedAcked: string[] = [];
    killing = null;
    const port2 = server.port;
    const scans = codes.flatMap((code, i) => [code, i % 4 === 0 ? code : null]).filter((c): c is string => c !== null);
    await Promise.all(
      scans.map((code, i) =>
        post(
          port2,
          'staff',
          'checkin.scan',
          { eventId: 'e1', deviceId: 'device-1', scanId: `kill-scan-${String(i).padStart(5, '0')}`, code },
          'staff',
        )
          .then((r) => {
            const data = r.data as unknown as { outcome: string; attendee: { registrationId: string } } | undefined;
            if (r.ok && data?.outcome === 'checked_in') checkedAcked.push(data.attendee.registrationId);
            if (checkedAcked.length >= Math.floor(confirmed.length / 2) && !killing && server) killing = kill(server);
          })
          .catch(() => undefined),
      ),
    );
    await killing;
    expect(checkedAcked.length).toBeGreaterThan(0);

    server = await startServer(file);
    state = await recount(file);
    for (const id of checkedAcked) expect(state.checkins.find((c) => c.id === id)?.status).toBe('active');
    expect({ checkedIn: state.event?.checkedIn, walkIns: state.event?.walkIns }).toEqual(
      recountAttendance(state.checkins),
    );
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));
    expect(nonZero(state.counters)).toEqual(nonZero(state.truth));
    // The restarted server answers from the same state.
    const roster = await post(server.port, 'staff', 'checkin.roster', { eventId: 'e1' }, 'staff');
    expect((roster.data as unknown as { event: { checkedIn: number } }).event.checkedIn).toBe(state.event?.checkedIn);
    await kill(server);
    server = null;
  }, 90_000);
});
