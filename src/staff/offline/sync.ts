/**
 * Sends an event's queued scans to `checkin.sync` in batches of at most SYNC_BATCH, oldest
 * first, and removes only the scans the backend answered: a batch that fails stays queued in
 * full, and a scan left out of an answer is sent again next time. Replaying a batch is
 * harmless on both sides (the backend keys scans by scanId; removing a gone scan does nothing).
 *
 * The backend refuses a whole batch when one scan in it is malformed (VALIDATION_FAILED, e.g. a
 * scan time the device's clock got badly wrong). Such a batch is halved until the one scan is
 * alone; that scan is then set aside (kept under `rejected`, not retried) so it cannot block
 * the queue. Any other refusal (no permission, event gone) concerns every scan: all stay queued.
 * One sync per event at a time: a second call joins the one running.
 */
import type { ApiError, ApiResult, QueuedScan, ScanResult } from '../../../types/api';
import type { ScanQueue } from './queue';
import { SYNC_BATCH } from './queue';
import type { KeyValueStore } from './storage';
import { KEYS } from './storage';

export type SendBatch = (scans: QueuedScan[]) => Promise<ApiResult<{ results: ScanResult[] }>>;

export interface RejectedScan {
  scan: QueuedScan;
  error: ApiError;
}

export interface SyncReport {
  /** Scans the backend answered (and that left the queue). */
  answered: ScanResult[];
  /** Scans the backend refused as malformed, set aside for good. */
  rejected: RejectedScan[];
  /** Still queued afterwards. */
  remaining: number;
  /** Set when a batch failed for all its scans; they wait for the next sync. */
  error: ApiError | null;
}

const running = new Map<string, Promise<SyncReport>>();

export function syncQueue(queue: ScanQueue, send: SendBatch, store: KeyValueStore): Promise<SyncReport> {
  const current = running.get(queue.eventId);
  if (current) return current;
  const job = drain(queue, send, store).finally(() => running.delete(queue.eventId));
  running.set(queue.eventId, job);
  return job;
}

/** Scans set aside on this device for an event, with the backend's reason. */
export function rejectedScans(store: KeyValueStore, eventId: string): RejectedScan[] {
  const raw = store.get<RejectedScan[]>(KEYS.rejected(eventId));
  return Array.isArray(raw) ? raw : [];
}

async function drain(queue: ScanQueue, send: SendBatch, store: KeyValueStore): Promise<SyncReport> {
  const answered: ScanResult[] = [];
  const rejected: RejectedScan[] = [];
  let error: ApiError | null = null;
  let size = SYNC_BATCH;
  for (;;) {
    const batch = queue.nextBatch(size);
    if (batch.length === 0) break;
    const res = await send(batch);
    if (!res.ok) {
      if (res.error.code !== 'VALIDATION_FAILED') {
        error = res.error;
        break;
      }
      if (batch.length > 1) {
        size = Math.ceil(batch.length / 2);
        continue;
      }
      const setAside: RejectedScan = { scan: batch[0], error: res.error };
      rejected.push(setAside);
      store.set(KEYS.rejected(queue.eventId), [...rejectedScans(store, queue.eventId), setAside]);
      queue.remove([batch[0].scanId]);
      size = SYNC_BATCH;
      continue;
    }
    const sent = new Set(batch.map((s) => s.scanId));
    const results = res.data.results.filter((r) => sent.has(r.scanId));
    queue.remove(results.map((r) => r.scanId));
    answered.push(...results);
    // An answer that settles none of the batch would loop for ever: try again later instead.
    if (results.length === 0) break;
  }
  return { answered, rejected, remaining: queue.size(), error };
}
