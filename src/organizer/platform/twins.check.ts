/** Never imported by the app: makes `tsc` prove the organizer's platform twins match their neutral modules. */
import type * as PickNeutral from './spreadsheet-file';
import type * as PickH5 from './spreadsheet-file.h5';
import type * as PickWeapp from './spreadsheet-file.weapp';
import type * as TextAreaNeutral from '../components/text-area';
import type * as TextAreaH5 from '../components/text-area.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const pickH5TwinMatches: Same<typeof PickH5, typeof PickNeutral> = true;
export const pickWeappTwinMatches: Same<typeof PickWeapp, typeof PickNeutral> = true;
export const textAreaH5TwinMatches: Same<typeof TextAreaH5, typeof TextAreaNeutral> = true;
