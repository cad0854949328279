/**
 * The door without the network: scans judged on the device with the backend's public key and the
 * cached roster, acceptances queued under their scanId, the queue synced in batches of at most
 * 100, only answered scans removed, and replays harmless.
 */
import type { QueuedScan } from '../../types/api';
import { WINDOW_MS } from '../../backend/core/checkin-code';
import { callFunction } from '../../src/platform/call';
import { DOOR_TIMEOUT_MS, callStaff } from '../../src/staff/api';
import { saveConfig, saveRoster } from '../../src/staff/offline/cache';
import { Door } from '../../src/staff/offline/door';
import { deviceIdOf, newScanId } from '../../src/staff/offline/ids';
import { OFFLINE_ACCEPTED_MESSAGE } from '../../src/staff/offline/judge';
import { ScanQueue, SYNC_BATCH, queuedEvents } from '../../src/staff/offline/queue';
import { memoryStore } from '../../src/staff/offline/storage';
import { rejectedScans } from '../../src/staff/offline/sync';
import {
  UNREACHABLE,
  aConfig,
  aScanResult,
  aStaffEvent,
  anEntry,
  answerAll,
  doorDeps,
  scriptedCaller,
  signedCode,
} from './door-fixtures';
import { ok } from './builders';

jest.mock('../../src/platform/call', () => ({ callFunction: jest.fn() }));

const NOW = 1_790_000_000_000;
let clock = NOW;
const now = () => clock;

beforeEach(() => {
  clock = NOW;
});

/** A door whose backend is gone, with config and roster cached while it was online. */
function offlineDoor(entries = [anEntry(), anEntry({ registrationId: 'e1_h2', name: '李*' })]) {
  const backend = scriptedCaller({});
  const { deps, store } = doorDeps(backend.call, now);
  saveConfig(store, aConfig(NOW), NOW);
  saveRoster(store, { event: aStaffEvent(), entries, fetchedAt: NOW });
  return { door: new Door('e1', deps), backend, store, deps };
}

describe('offline judging', () => {
  test('a valid code is accepted offline and queued; the same person again says 已签到', async () => {
    const { door, backend } = offlineDoor();
    const answer = await door.scanCode(signedCode('e1', 'h1', clock));
    expect(answer).toEqual({
      ok: true,
      value: {
        offline: true,
        result: expect.objectContaining({
          outcome: 'checked_in',
          message: OFFLINE_ACCEPTED_MESSAGE,
          attendee: { registrationId: 'e1_h1', name: '王*明', companions: 1, party: 2 },
        }),
      },
    });
    expect(backend.calls.map((c) => c.action)).toEqual(['checkin.scan']);
    expect(door.queue.list()).toEqual([
      { scanId: 'scan0001', kind: 'code', code: signedCode('e1', 'h1', NOW), scannedAt: NOW },
    ]);

    clock += WINDOW_MS; // a new code of the same person
    const again = await door.scanCode(signedCode('e1', 'h1', clock));
    expect(again.ok && again.value.result).toMatchObject({ outcome: 'already_checked_in', firstCheckedInAt: NOW });
    expect(door.pending()).toBe(1);
  });

  test('forged, foreign and old codes are refused offline and not queued', async () => {
    const { door } = offlineDoor();
    const good = signedCode('e1', 'h1', clock);
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const outcomes: string[] = [];
    for (const text of [
      forged,
      'hello',
      signedCode('e2', 'h1', clock),
      signedCode('e1', 'h1', clock - 10 * WINDOW_MS),
    ]) {
      const a = await door.scanCode(text);
      outcomes.push(a.ok ? a.value.result.outcome : 'error');
    }
    expect(outcomes).toEqual(['invalid', 'invalid', 'wrong_event', 'expired']);
    expect(door.pending()).toBe(0);
  });

  test('the cached roster refuses waitlisted and cancelled sign-ups, and knows who is already in', async () => {
    const { door } = offlineDoor([
      anEntry({ registrationId: 'e1_w', status: 'waitlisted' }),
      anEntry({ registrationId: 'e1_c', status: 'cancelled' }),
      anEntry({ registrationId: 'e1_in', checkedInAt: NOW - 60_000 }),
    ]);
    const outcome = async (holder: string) => {
      const a = await door.scanCode(signedCode('e1', holder, clock));
      return a.ok ? a.value.result.outcome : 'error';
    };
    expect(await outcome('w')).toBe('waitlisted');
    expect(await outcome('c')).toBe('cancelled');
    expect(await outcome('in')).toBe('already_checked_in');
    expect(door.pending()).toBe(0);
  });

  test('a code of someone the cached roster does not know yet is accepted (the backend decides at sync)', async () => {
    const { door } = offlineDoor([]);
    const a = await door.scanCode(signedCode('e1', 'newcomer', clock));
    expect(a.ok && a.value.result).toMatchObject({ outcome: 'checked_in', attendee: { name: '（名单未缓存）' } });
    expect(door.pending()).toBe(1);
  });

  test('without a cached config nothing can be verified: refused with the reason', async () => {
    const backend = scriptedCaller({});
    const { deps } = doorDeps(backend.call, now);
    const a = await new Door('e1', deps).scanCode(signedCode('e1', 'h1', clock));
    expect(a.ok && a.value.result).toMatchObject({
      outcome: 'invalid',
      message: expect.stringContaining('无法离线核验'),
    });
  });

  test('a short code typed offline is queued with its time for the server to judge; it is never looked up locally', async () => {
    const { door } = offlineDoor();
    expect(await door.find('654321')).toEqual({ ok: true, offline: true, entries: [] });
    const typed = await door.shortCode('654321');
    expect(typed).toMatchObject({ ok: true, entries: null, queued: { offline: true, result: { attendee: null } } });
    expect(typed.ok && typed.queued?.result.message).toContain('联网后由服务器核验');
    expect(door.queue.list()).toEqual([{ scanId: 'scan0001', kind: 'short', code: '654321', scannedAt: NOW }]);
  });

  test('hand check-in and walk-in work offline too', async () => {
    const { door } = offlineDoor();
    const byHand = await door.checkInByHand('e1_h2');
    expect(byHand.ok && byHand.value.result.outcome).toBe('checked_in');
    const walkIn = await door.walkIn({ name: '张三', companions: 2 });
    expect(walkIn.ok && walkIn.value.result).toMatchObject({ outcome: 'checked_in', attendee: { party: 3 } });
    expect(door.queue.list().map((s) => s.kind)).toEqual(['manual', 'walkin']);
    expect(door.queue.list()[1]).toEqual({
      scanId: 'scan0002',
      kind: 'walkin',
      name: '张三',
      companions: 2,
      scannedAt: NOW,
    });
  });

  test('a refusal that is not a network failure is shown as it is, never judged offline', async () => {
    const backend = scriptedCaller({
      'checkin.scan': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您不负责该活动', retryable: false } }),
    });
    const { deps, store } = doorDeps(backend.call, now);
    saveConfig(store, aConfig(NOW), NOW);
    const a = await new Door('e1', deps).scanCode(signedCode('e1', 'h1', clock));
    expect(a).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(new ScanQueue(store, 'e1').size()).toBe(0);
  });
});

describe('syncing the queue', () => {
  function queueOf(n: number) {
    const store = memoryStore();
    const queue = new ScanQueue(store, 'e1');
    for (let i = 0; i < n; i++) {
      queue.add({
        scanId: `s${String(i).padStart(4, '0')}`,
        kind: 'manual',
        registrationId: `e1_${i}`,
        scannedAt: NOW + i,
      });
    }
    return { store, queue };
  }

  function syncingDoor(store: ReturnType<typeof memoryStore>, sync: (scans: QueuedScan[]) => ReturnType<typeof ok>) {
    const backend = scriptedCaller({ 'checkin.sync': (data) => sync(data.scans as QueuedScan[]) });
    const door = new Door('e1', {
      store,
      call: backend.call,
      now,
      newScanId: () => 'x',
      deviceId: 'devtest0001',
    });
    return { door, backend };
  }

  test('sends batches of at most 100, oldest first, and empties the queue when all are answered', async () => {
    const { store } = queueOf(250);
    const { door, backend } = syncingDoor(store, (scans) => ok({ results: answerAll(scans) }));
    const report = await door.sync();
    const batches = backend.calls.map((c) => c.data.scans as QueuedScan[]);
    expect(batches.map((b) => b.length)).toEqual([SYNC_BATCH, SYNC_BATCH, 50]);
    expect(batches[0][0].scanId).toBe('s0000');
    expect(backend.calls[0].data).toMatchObject({ eventId: 'e1', deviceId: 'devtest0001' });
    expect(report).toMatchObject({ remaining: 0, error: null });
    expect(report.answered).toHaveLength(250);
    expect(door.pending()).toBe(0);
    expect(queuedEvents(store)).toEqual([]);
  });

  test('removes only the scans the backend answered; a failed batch stays queued in full', async () => {
    const { store } = queueOf(150);
    let round = 0;
    const { door } = syncingDoor(store, (scans) => {
      round += 1;
      if (round === 1) return ok({ results: answerAll(scans.filter((_, i) => i % 2 === 0)) }); // half of batch 1
      return UNREACHABLE as never;
    });
    const report = await door.sync();
    expect(report.answered).toHaveLength(50);
    expect(report.error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(door.pending()).toBe(100);
    const left = door.queue.list().map((s) => s.scanId);
    expect(left).toContain('s0001'); // unanswered in batch 1
    expect(left).not.toContain('s0000');
    expect(left).toContain('s0149'); // never sent
  });

  test('a scan queued while a sync is under way survives it', async () => {
    const { store, queue } = queueOf(2);
    const releases: (() => void)[] = [];
    const sent: string[][] = [];
    const { door } = syncingDoor(store, (scans) => {
      sent.push(scans.map((s) => s.scanId));
      const answer = ok({ results: answerAll(scans) });
      return new Promise((resolve) => releases.push(() => resolve(answer))) as never;
    });
    const running = door.sync();
    while (releases.length === 0) await new Promise((r) => setTimeout(r, 0));
    queue.add({ scanId: 'late', kind: 'manual', registrationId: 'e1_late', scannedAt: NOW + 5 });
    releases[0]();
    // The late scan is still queued after the first batch's answer, and goes in the next round.
    while (releases.length === 1) await new Promise((r) => setTimeout(r, 0));
    expect(door.queue.list().map((s) => s.scanId)).toEqual(['late']);
    releases[1]();
    await running;
    expect(sent).toEqual([['s0000', 's0001'], ['late']]);
    expect(door.pending()).toBe(0);
  });

  test('replaying a batch is harmless: answers for scans already gone change nothing', async () => {
    const { store } = queueOf(3);
    const sent: QueuedScan[][] = [];
    const { door } = syncingDoor(store, (scans) => {
      sent.push(scans);
      // The backend answers the batch twice over and with an unknown scanId: all tolerated.
      return ok({
        results: [...answerAll(scans), ...answerAll(scans), aScanResult('checked_in', { scanId: 'unknown' })],
      });
    });
    const first = await door.sync();
    expect(first.answered.map((r) => r.scanId).sort()).toEqual(['s0000', 's0000', 's0001', 's0001', 's0002', 's0002']);
    expect(door.pending()).toBe(0);

    // The same batch queued again (e.g. restored from an old copy) and synced again.
    for (const s of sent[0]) door.queue.add(s);
    expect(door.queue.add(sent[0][0])).toBe(false); // a scanId is queued once
    const second = await door.sync();
    expect(second.error).toBeNull();
    expect(door.pending()).toBe(0);
  });

  test('a malformed scan that makes the backend refuse its batch is set aside; the others sync', async () => {
    const { store } = queueOf(7);
    const { door, backend } = syncingDoor(store, (scans) =>
      scans.some((s) => s.scanId === 's0004')
        ? ({
            ok: false,
            error: { code: 'VALIDATION_FAILED', message: '离线扫码时间不合理，请检查设备时间', retryable: false },
          } as never)
        : ok({ results: answerAll(scans) }),
    );
    const report = await door.sync();
    expect(report.rejected.map((r) => r.scan.scanId)).toEqual(['s0004']);
    expect(report.answered).toHaveLength(6);
    expect(door.pending()).toBe(0);
    expect(rejectedScans(store, 'e1')).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }),
    ]);
    expect(backend.calls.length).toBeLessThan(10);
  });

  test('a refusal of the whole batch (no permission) keeps every scan queued', async () => {
    const { store } = queueOf(3);
    const { door } = syncingDoor(
      store,
      () => ({ ok: false, error: { code: 'FORBIDDEN', message: '只能管理本单位的活动', retryable: false } }) as never,
    );
    const report = await door.sync();
    expect(report).toMatchObject({ remaining: 3, rejected: [], error: { code: 'FORBIDDEN' } });
  });

  test('two syncs at once send once', async () => {
    const { store } = queueOf(5);
    const { door, backend } = syncingDoor(store, (scans) => ok({ results: answerAll(scans) }));
    await Promise.all([door.sync(), door.sync()]);
    expect(backend.calls).toHaveLength(1);
  });

  test('an answer that settles none of the batch does not loop', async () => {
    const { store } = queueOf(3);
    const { door, backend } = syncingDoor(store, () => ok({ results: [] }));
    const report = await door.sync();
    expect(backend.calls).toHaveLength(1);
    expect(report.remaining).toBe(3);
  });

  test('a call that succeeds again triggers the sync of the waiting scans', async () => {
    const { door, backend, store } = offlineDoor();
    await door.scanCode(signedCode('e1', 'h1', clock));
    expect(door.pending()).toBe(1);

    backend.handlers['checkin.scan'] = () => ok(aScanResult('checked_in', { scanId: 'scan0002' }));
    backend.handlers['checkin.sync'] = (data) => ok({ results: answerAll(data.scans as QueuedScan[]) });
    await door.scanCode(signedCode('e1', 'h2', clock));
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.calls.map((c) => c.action)).toEqual(['checkin.scan', 'checkin.scan', 'checkin.sync']);
    expect(backend.calls[2].data.scans).toEqual([expect.objectContaining({ scanId: 'scan0001', kind: 'code' })]);
    expect(new ScanQueue(store, 'e1').size()).toBe(0);
  });
});

describe('ids and the time limit', () => {
  test('scanIds are 16 hex digits and fresh; the deviceId is made once and kept', () => {
    const a = newScanId();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(newScanId()).not.toBe(a);
    const store = memoryStore();
    const device = deviceIdOf(store);
    expect(device).toMatch(/^dev[0-9a-f]{16}$/);
    expect(deviceIdOf(store)).toBe(device);
  });

  test('a staff call that does not answer within 4 s counts as unreachable', async () => {
    jest.useFakeTimers();
    try {
      (callFunction as jest.Mock).mockReturnValue(new Promise(() => undefined));
      const pending = callStaff('checkin.config', {}, { timeoutMs: DOOR_TIMEOUT_MS });
      jest.advanceTimersByTime(DOOR_TIMEOUT_MS);
      await expect(pending).resolves.toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'STORE_UNAVAILABLE', retryable: true }),
      });
      expect(callFunction).toHaveBeenCalledWith('staff', 'checkin.config', {});
    } finally {
      jest.useRealTimers();
    }
  });
});
