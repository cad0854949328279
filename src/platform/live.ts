/**
 * Live updates of the dashboard, neutral twin: none (status offline). Taro's build resolves
 * `../platform/live` to live.weapp.ts (a CloudBase realtime watch on the campaign's summary
 * document) or live.h5.ts (server-sent events of the local server) by TARO_ENV; jest sees this
 * file and tests replace it with jest.mock. live.check.ts makes tsc prove the twins match.
 */
import type { LiveOptions, StopWatching } from './live.types';

export type { LiveOptions, LiveStatus, StopWatching } from './live.types';

export function watchLive({ onStatus }: LiveOptions): StopWatching {
  onStatus?.('offline');
  return () => undefined;
}
