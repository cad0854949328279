/**
 * Counting calls per identity and window, in the memory of one process: exact for the local
 * server; per instance in the cloud (CloudBase runs several instances, so there a limit holds
 * per instance: a brake on runaway clients, not an accounting).
 */
import { windowStart } from '../core/rate-limits';

export interface Limiter {
  /** Counts one call under `key` in the window of `now`; returns the count so far. */
  hit(key: string, windowMs: number, now: number): number;
}

export function memoryLimiter(maxKeys = 100_000): Limiter {
  const counts = new Map<string, number>();
  let window = 0;
  return {
    hit(key, windowMs, now) {
      const start = windowStart(now, windowMs);
      if (start !== window || counts.size > maxKeys) {
        counts.clear();
        window = start;
      }
      const slot = `${windowMs}|${key}`;
      const count = (counts.get(slot) ?? 0) + 1;
      counts.set(slot, count);
      return count;
    },
  };
}
