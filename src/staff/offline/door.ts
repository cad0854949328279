/**
 * The door of one event: every scan, hand check-in and walk-in goes to the backend first; when
 * the backend cannot be reached (a transport failure or no answer within DOOR_TIMEOUT_MS) the
 * device judges it itself (judge.ts), shows the card marked offline, and queues an acceptance
 * under the same scanId, to be replayed by `checkin.sync` (sync.ts). The backend keys scans by
 * scanId, so a call that did arrive after all and its replay count once.
 */
import type { ApiError, QueuedScan, RosterEntry, ScanResult } from '../../../types/api';
import type { StaffCaller } from '../api';
import { DOOR_TIMEOUT_MS, SYNC_TIMEOUT_MS, callStaff, isUnreachable } from '../api';
import type { StoredRoster } from './cache';
import {
  addAccepted,
  loadAccepted,
  loadConfig,
  loadRoster,
  markCheckedIn,
  saveConfig,
  saveRoster,
  searchRoster,
} from './cache';
import { deviceIdOf, newScanId } from './ids';
import type { OfflineDoor, OfflineVerdict } from './judge';
import { judgeCodeOffline, judgeManualOffline } from './judge';
import { ScanQueue, queuedEvents } from './queue';
import type { KeyValueStore } from './storage';
import { taroStore } from './storage';
import type { SyncReport } from './sync';
import { syncQueue } from './sync';

export interface DoorDeps {
  store: KeyValueStore;
  call: StaffCaller;
  now: () => number;
  newScanId: () => string;
  deviceId: string;
}

/** A card to show: the backend's answer, or the device's own when offline. */
export interface DoorResult {
  result: ScanResult;
  offline: boolean;
}

export type DoorAnswer = { ok: true; value: DoorResult } | { ok: false; error: ApiError };

export const OFFLINE_WALKIN_MESSAGE = '现场登记成功（离线，待同步）';
export const OFFLINE_SHORT_CODE_MESSAGE = '已记录手工签到码（离线，联网后由服务器核验）';

let appDeps: DoorDeps | null = null;

/** The app's real dependencies: Taro storage, the staff function, the device clock. */
export function appDoorDeps(): DoorDeps {
  appDeps ??= { store: taroStore, call: callStaff, now: () => Date.now(), newScanId, deviceId: deviceIdOf(taroStore) };
  return appDeps;
}

export interface RosterAnswer {
  roster: StoredRoster | null;
  /** True when the roster came from the device because the backend could not be reached. */
  offline: boolean;
  error: ApiError | null;
}

export class Door {
  readonly queue: ScanQueue;

  constructor(
    readonly eventId: string,
    private readonly deps: DoorDeps = appDoorDeps(),
  ) {
    this.queue = new ScanQueue(deps.store, eventId);
  }

  get deviceId(): string {
    return this.deps.deviceId;
  }

  pending(): number {
    return this.queue.size();
  }

  cachedRoster(): StoredRoster | null {
    return loadRoster(this.deps.store, this.eventId);
  }

  /** registrationId → when this device let the person in offline (not necessarily synced yet). */
  acceptedOffline(): Record<string, number> {
    return loadAccepted(this.deps.store, this.eventId);
  }

  /** Fetches and keeps what offline work needs: the check-in config and the roster. */
  async prepare(): Promise<RosterAnswer> {
    const [config, roster] = await Promise.all([
      this.deps.call('checkin.config', {}, { timeoutMs: DOOR_TIMEOUT_MS }),
      this.refreshRoster(),
    ]);
    if (config.ok) saveConfig(this.deps.store, config.data, this.deps.now());
    return roster;
  }

  async refreshRoster(): Promise<RosterAnswer> {
    const res = await this.deps.call('checkin.roster', { eventId: this.eventId }, { timeoutMs: DOOR_TIMEOUT_MS });
    if (res.ok) {
      const roster: StoredRoster = {
        event: res.data.event,
        entries: res.data.entries,
        walkIns: res.data.walkIns ?? [],
        fetchedAt: this.deps.now(),
      };
      saveRoster(this.deps.store, roster);
      this.syncSoon();
      return { roster, offline: false, error: null };
    }
    if (isUnreachable(res.error)) return { roster: this.cachedRoster(), offline: true, error: res.error };
    return { roster: null, offline: false, error: res.error };
  }

  /** A scanned (or pasted) code. */
  scanCode(code: string): Promise<DoorAnswer> {
    const scanId = this.deps.newScanId();
    const text = code.trim();
    return this.attempt(
      () =>
        this.deps.call(
          'checkin.scan',
          { eventId: this.eventId, deviceId: this.deviceId, scanId, code: text },
          { timeoutMs: DOOR_TIMEOUT_MS },
        ),
      (door) => {
        const verdict = judgeCodeOffline(text, scanId, door);
        return this.keep(verdict, { scanId, kind: 'code', code: text, scannedAt: door.at });
      },
    );
  }

  /** A person picked from the roster or found by short code, checked in by hand. */
  checkInByHand(registrationId: string): Promise<DoorAnswer> {
    const scanId = this.deps.newScanId();
    return this.attempt(
      () =>
        this.deps.call(
          'checkin.manual',
          { eventId: this.eventId, deviceId: this.deviceId, scanId, registrationId },
          { timeoutMs: DOOR_TIMEOUT_MS },
        ),
      (door) => {
        const verdict = judgeManualOffline(registrationId, scanId, door);
        return this.keep(verdict, { scanId, kind: 'manual', registrationId, scannedAt: door.at });
      },
    );
  }

  /** Someone who came without signing up. */
  walkIn(input: {
    name?: string;
    phone?: string;
    companions: number;
    answers?: { questionId: string; value: string }[];
  }): Promise<DoorAnswer> {
    const scanId = this.deps.newScanId();
    const details = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      companions: input.companions,
      ...(input.answers?.length ? { answers: input.answers } : {}),
    };
    return this.attempt(
      () =>
        this.deps.call(
          'checkin.walkin',
          { eventId: this.eventId, deviceId: this.deviceId, scanId, ...details },
          { timeoutMs: DOOR_TIMEOUT_MS },
        ),
      (door) => {
        this.queue.add({ scanId, kind: 'walkin', ...details, scannedAt: door.at });
        const result: ScanResult = {
          scanId,
          outcome: 'checked_in',
          message: OFFLINE_WALKIN_MESSAGE,
          attendee: {
            registrationId: null,
            name: input.name || '现场登记',
            companions: input.companions,
            party: 1 + input.companions,
          },
          firstCheckedInAt: null,
          conflict: false,
        };
        return result;
      },
    );
  }

  /** By short code, name part or phone tail: the backend's search, or the cached roster's. */
  async find(
    query: string,
  ): Promise<{ ok: true; entries: RosterEntry[]; offline: boolean } | { ok: false; error: ApiError }> {
    const res = await this.deps.call('checkin.find', { eventId: this.eventId, query }, { timeoutMs: DOOR_TIMEOUT_MS });
    if (res.ok) {
      this.syncSoon();
      return { ok: true, entries: res.data.entries, offline: false };
    }
    if (!isUnreachable(res.error)) return { ok: false, error: res.error };
    const roster = this.cachedRoster();
    if (!roster) return { ok: false, error: { ...res.error, message: '网络不可用，本机也没有保存名单' } };
    return { ok: true, entries: searchRoster(roster.entries, query), offline: true };
  }

  /**
   * A typed six-digit short code: the backend says whose it is (the current window's, or one of
   * the last few). Offline the device cannot check it (the digits come from the backend's
   * secret key), so it queues the code with the time it was typed, for the server to judge on sync.
   */
  async shortCode(
    code: string,
  ): Promise<
    | { ok: true; entries: RosterEntry[]; queued: null }
    | { ok: true; entries: null; queued: DoorResult }
    | { ok: false; error: ApiError }
  > {
    const res = await this.deps.call(
      'checkin.find',
      { eventId: this.eventId, query: code },
      { timeoutMs: DOOR_TIMEOUT_MS },
    );
    if (res.ok) {
      this.syncSoon();
      return { ok: true, entries: res.data.entries, queued: null };
    }
    if (!isUnreachable(res.error)) return { ok: false, error: res.error };
    const scanId = this.deps.newScanId();
    this.queue.add({ scanId, kind: 'short', code, scannedAt: this.offlineDoor().at });
    const result: ScanResult = {
      scanId,
      outcome: 'checked_in',
      message: OFFLINE_SHORT_CODE_MESSAGE,
      attendee: null,
      firstCheckedInAt: null,
      conflict: false,
    };
    return { ok: true, entries: null, queued: { result, offline: true } };
  }

  /** Undoing needs the backend (and a supervisor): there is no offline undo. */
  async undo(registrationId: string, reason: string): Promise<{ ok: true } | { ok: false; error: ApiError }> {
    const res = await this.deps.call(
      'checkin.undo',
      { eventId: this.eventId, registrationId, reason, deviceId: this.deviceId, scanId: this.deps.newScanId() },
      { timeoutMs: DOOR_TIMEOUT_MS },
    );
    if (res.ok) return { ok: true };
    if (isUnreachable(res.error))
      return { ok: false, error: { ...res.error, message: '网络不可用，撤销签到需要联网' } };
    return { ok: false, error: res.error };
  }

  /** Cancelling a sign-up (with a reason, audited) needs the backend: there is no offline cancel. */
  async cancelSignup(registrationId: string, reason: string): Promise<{ ok: true } | { ok: false; error: ApiError }> {
    const res = await this.deps.call(
      'signup.staffCancel',
      { eventId: this.eventId, registrationId, reason, deviceId: this.deviceId, scanId: this.deps.newScanId() },
      { timeoutMs: DOOR_TIMEOUT_MS },
    );
    if (res.ok) return { ok: true };
    if (isUnreachable(res.error))
      return { ok: false, error: { ...res.error, message: '网络不可用，取消报名需要联网' } };
    return { ok: false, error: res.error };
  }

  /** Replays the queue (see sync.ts); answered check-ins also mark the cached roster. */
  async sync(): Promise<SyncReport> {
    const report = await syncQueue(
      this.queue,
      (scans) =>
        this.deps.call(
          'checkin.sync',
          { eventId: this.eventId, deviceId: this.deviceId, scans },
          { timeoutMs: SYNC_TIMEOUT_MS },
        ),
      this.deps.store,
    );
    for (const r of report.answered) this.remember(r);
    return report;
  }

  private syncSoon(): void {
    if (this.queue.size() > 0) void this.sync();
  }

  private remember(result: ScanResult): void {
    const id = result.attendee?.registrationId;
    if (id && result.outcome === 'checked_in') markCheckedIn(this.deps.store, this.eventId, id, this.deps.now());
  }

  private offlineDoor(): OfflineDoor {
    const stored = loadConfig(this.deps.store);
    return {
      eventId: this.eventId,
      at: this.deps.now() + (stored?.skew ?? 0),
      publicKey: stored?.config.publicKey ?? null,
      roster: this.cachedRoster()?.entries ?? null,
      accepted: loadAccepted(this.deps.store, this.eventId),
    };
  }

  private keep(verdict: OfflineVerdict, scan: QueuedScan): ScanResult {
    if (verdict.accept) {
      this.queue.add(scan);
      if (verdict.registrationId) addAccepted(this.deps.store, this.eventId, verdict.registrationId, scan.scannedAt);
    }
    return verdict.result;
  }

  private async attempt(
    online: () => Promise<{ ok: true; data: ScanResult } | { ok: false; error: ApiError }>,
    offline: (door: OfflineDoor) => ScanResult,
  ): Promise<DoorAnswer> {
    const res = await online();
    if (res.ok) {
      this.remember(res.data);
      this.syncSoon();
      return { ok: true, value: { result: res.data, offline: false } };
    }
    if (!isUnreachable(res.error)) return { ok: false, error: res.error };
    return { ok: true, value: { result: offline(this.offlineDoor()), offline: true } };
  }
}

/** Replays every event's queue on this device (the events page does this when shown). */
export async function syncAllQueued(deps: DoorDeps = appDoorDeps()): Promise<void> {
  for (const eventId of queuedEvents(deps.store)) {
    const report = await new Door(eventId, deps).sync();
    if (report.error) return; // still offline: try again later
  }
}
