/** Never imported by the app: makes `tsc` prove the organizer's platform twins match their neutral modules. */
import type * as PickNeutral from './spreadsheet-file';
import type * as PickH5 from './spreadsheet-file.h5';
import type * as PickWeapp from './spreadsheet-file.weapp';
import type * as TextAreaNeutral from '../components/text-area';
import type * as TextAreaH5 from '../components/text-area.h5';
import type * as PosterNeutral from './poster-output';
import type * as MediaNeutral from './report-media';
import type * as MediaH5 from './report-media.h5';
import type * as MediaWeapp from './report-media.weapp';
import type * as PosterH5 from './poster-output.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const pickH5TwinMatches: Same<typeof PickH5, typeof PickNeutral> = true;
export const pickWeappTwinMatches: Same<typeof PickWeapp, typeof PickNeutral> = true;
export const textAreaH5TwinMatches: Same<typeof TextAreaH5, typeof TextAreaNeutral> = true;
export const posterH5TwinMatches: Same<typeof PosterH5, typeof PosterNeutral> = true;
export const mediaH5TwinMatches: Same<typeof MediaH5, typeof MediaNeutral> = true;
export const mediaWeappTwinMatches: Same<typeof MediaWeapp, typeof MediaNeutral> = true;
