import type { UserConfigExport } from '@tarojs/cli';

/** Watch / development builds: readable output, build statistics in the log. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
