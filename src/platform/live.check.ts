/**
 * Never imported by the app: makes `tsc` prove that the twins of live and download export what
 * their neutral modules export, with the same types (as twins.check.ts does for the others).
 */
import type * as LiveNeutral from './live';
import type * as LiveH5 from './live.h5';
import type * as LiveWeapp from './live.weapp';
import type * as DownloadNeutral from './download';
import type * as DownloadH5 from './download.h5';
import type * as DownloadWeapp from './download.weapp';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const liveH5TwinMatches: Same<typeof LiveH5, typeof LiveNeutral> = true;
export const liveWeappTwinMatches: Same<typeof LiveWeapp, typeof LiveNeutral> = true;
export const downloadH5TwinMatches: Same<typeof DownloadH5, typeof DownloadNeutral> = true;
export const downloadWeappTwinMatches: Same<typeof DownloadWeapp, typeof DownloadNeutral> = true;
