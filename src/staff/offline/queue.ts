/**
 * Scans made while the backend could not be reached, kept per event on the device until the
 * backend has answered them. Every change reads storage afresh, so a sync that removes the
 * scans it sent never drops a scan queued meanwhile. A scanId is queued at most once.
 */
import type { QueuedScan } from '../../../types/api';
import type { KeyValueStore } from './storage';
import { KEYS } from './storage';

/** The backend takes at most this many scans per `checkin.sync`. */
export const SYNC_BATCH = 100;

type Listener = (eventId: string) => void;
const listeners = new Set<Listener>();

/** Called after every change of any event's queue; returns the unsubscribe function. */
export function onQueueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export class ScanQueue {
  constructor(
    private readonly store: KeyValueStore,
    readonly eventId: string,
  ) {}

  list(): QueuedScan[] {
    const raw = this.store.get<QueuedScan[]>(KEYS.queue(this.eventId));
    return Array.isArray(raw) ? raw : [];
  }

  size(): number {
    return this.list().length;
  }

  /** Adds a scan unless its scanId is already queued; true if added. */
  add(scan: QueuedScan): boolean {
    const scans = this.list();
    if (scans.some((s) => s.scanId === scan.scanId)) return false;
    this.write([...scans, scan]);
    return true;
  }

  /** Removes the scans with these ids (ids not queued are ignored); returns how many went. */
  remove(scanIds: Iterable<string>): number {
    const drop = new Set(scanIds);
    const scans = this.list();
    const kept = scans.filter((s) => !drop.has(s.scanId));
    if (kept.length !== scans.length) this.write(kept);
    return scans.length - kept.length;
  }

  /** The oldest scans first, at most `max`. */
  nextBatch(max = SYNC_BATCH): QueuedScan[] {
    return [...this.list()].sort((a, b) => a.scannedAt - b.scannedAt).slice(0, max);
  }

  private write(scans: QueuedScan[]): void {
    if (scans.length === 0) this.store.remove(KEYS.queue(this.eventId));
    else this.store.set(KEYS.queue(this.eventId), scans);
    const events = new Set(queuedEvents(this.store));
    if (scans.length === 0) events.delete(this.eventId);
    else events.add(this.eventId);
    this.store.set(KEYS.queuedEvents, [...events]);
    for (const listener of listeners) listener(this.eventId);
  }
}

/** Events that have scans waiting, on this device. */
export function queuedEvents(store: KeyValueStore): string[] {
  const raw = store.get<string[]>(KEYS.queuedEvents);
  return Array.isArray(raw) ? raw.filter((x) => typeof x === 'string') : [];
}
