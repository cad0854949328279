/** What every twin of live (src/platform/live*.ts) shares. */

/** connecting: not yet (or again not) connected; live: changes arrive; offline: given up for now. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveOptions {
  /** The campaign whose figures the page shows (its summary document, on WeChat). */
  campaignId: string;
  /** Something may have changed: re-fetch. Bursts are coalesced (see debounceMs). */
  onChange: () => void;
  onStatus?: (status: LiveStatus) => void;
  /** Changes closer together than this call onChange once, at the end. Default 300 ms. */
  debounceMs?: number;
}

/** Stops watching; safe to call more than once. */
export type StopWatching = () => void;

export const DEFAULT_DEBOUNCE_MS = 300;

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounced(fn: () => void, ms: number): { fire(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    fire() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
