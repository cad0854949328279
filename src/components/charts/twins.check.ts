/**
 * Never imported by the app: it only makes `tsc` prove that the H5 twin of echart exports what
 * the neutral (WeChat) module exports, with the same types. See src/platform/twins.check.ts.
 */
import type * as EChartNeutral from './echart';
import type * as EChartH5 from './echart.h5';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const echartH5TwinMatches: Same<typeof EChartH5, typeof EChartNeutral> = true;
