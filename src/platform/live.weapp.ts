/**
 * Live updates on WeChat: a CloudBase realtime watch on the campaign's summary document
 * (`summaries/<campaignId>`), whose version moves with every change of a figure (see
 * docs/architecture.md). The first snapshot only says the watch is up; later ones trigger a
 * re-fetch, coalesced. A failed watch is opened again after a growing pause (5 s … 60 s).
 * wx.cloud is initialised by the first cloud call (call.weapp.ts): watch after the page's
 * first successful load. Needs a read rule on `summaries` for the signed-in roles.
 */
import Taro from '@tarojs/taro';
import { DEFAULT_DEBOUNCE_MS, debounced, type LiveOptions, type StopWatching } from './live.types';

export type { LiveOptions, LiveStatus, StopWatching } from './live.types';

const SUMMARY_COLLECTION = 'summaries';

interface Watcher {
  close(): Promise<unknown> | void;
}

/** wx.cloud's document watch (Taro's typings leave it out). */
interface WatchableDocument {
  watch(options: { onChange: (snapshot: { type?: string }) => void; onError: (error: unknown) => void }): Watcher;
}

export function watchLive({
  campaignId,
  onChange,
  onStatus,
  debounceMs = DEFAULT_DEBOUNCE_MS,
}: LiveOptions): StopWatching {
  const change = debounced(onChange, debounceMs);
  let stopped = false;
  let watcher: Watcher | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let pause = 5_000;
  let dropped = false;

  const open = () => {
    if (stopped) return;
    onStatus?.('connecting');
    try {
      const doc = Taro.cloud.database().collection(SUMMARY_COLLECTION).doc(campaignId) as unknown as WatchableDocument;
      watcher = doc.watch({
        onChange: (snapshot) => {
          if (stopped) return;
          pause = 5_000;
          onStatus?.('live');
          // The first snapshot is the document as it is: nothing changed, unless we were cut off.
          if (snapshot.type !== 'init' || dropped) change.fire();
          dropped = false;
        },
        onError: () => reopenLater(),
      });
    } catch {
      reopenLater();
    }
  };

  const reopenLater = () => {
    if (stopped) return;
    dropped = true;
    onStatus?.('offline');
    void Promise.resolve(watcher?.close()).catch(() => undefined);
    watcher = null;
    if (retry) clearTimeout(retry);
    retry = setTimeout(open, pause);
    pause = Math.min(pause * 2, 60_000);
  };

  open();
  return () => {
    if (stopped) return;
    stopped = true;
    change.cancel();
    if (retry) clearTimeout(retry);
    void Promise.resolve(watcher?.close()).catch(() => undefined);
    watcher = null;
  };
}
