/**
 * Live updates on the web: the local server's `GET /api/_live` stream sends `event: changed`
 * after every committed change (server/live.ts); each burst triggers one re-fetch. EventSource
 * reconnects by itself (the server asks for 2 s); after a reconnection the page re-fetches once,
 * since changes may have been missed meanwhile.
 */
import { DEFAULT_DEBOUNCE_MS, debounced, type LiveOptions, type StopWatching } from './live.types';

export type { LiveOptions, LiveStatus, StopWatching } from './live.types';

const LIVE_PATH = '/api/_live';

export function watchLive({ onChange, onStatus, debounceMs = DEFAULT_DEBOUNCE_MS }: LiveOptions): StopWatching {
  if (typeof EventSource === 'undefined') {
    onStatus?.('offline');
    return () => undefined;
  }
  const change = debounced(onChange, debounceMs);
  const source = new EventSource(LIVE_PATH);
  let stopped = false;
  let dropped = false;
  onStatus?.('connecting');
  source.addEventListener('open', () => {
    if (stopped) return;
    onStatus?.('live');
    if (dropped) change.fire();
    dropped = false;
  });
  source.addEventListener('changed', () => {
    if (!stopped) change.fire();
  });
  source.addEventListener('error', () => {
    if (stopped) return;
    dropped = true;
    onStatus?.(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
  });
  return () => {
    if (stopped) return;
    stopped = true;
    change.cancel();
    source.close();
  };
}
