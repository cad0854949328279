import type { UserConfigExport } from '@tarojs/cli';

/** Production builds (the default of `taro build`): minified, no source maps. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
