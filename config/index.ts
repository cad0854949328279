/**
 * Taro build configuration, written by hand (no `taro init`). One source tree builds the
 * WeChat mini-program (`taro build --type weapp` → dist/) and the H5 web app
 * (`taro build --type h5` → dist-h5/). Platform differences in code live in src/platform/.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * A release build of the mini-program (`npm run build:weapp:release`, WEAPP_RELEASE=1) must name its
 * CloudBase environment: without one, wx.cloud.init falls back to whichever environment the WeChat
 * account marks as default, and a second (test) environment would silently receive production calls.
 * (wx.cloud.DYNAMIC_CURRENT_ENV exists only for cloud functions, not for the mini-program side.)
 */
if (!isH5 && process.env.WEAPP_RELEASE === '1' && !process.env.TARO_APP_CLOUD_ENV) {
  throw new Error('A release weapp build needs TARO_APP_CLOUD_ENV=<CloudBase env id> (see README, "Deploy")');
}

/**
 * Shared code outside src/ that the app imports: the pure Asia/Shanghai day helpers and sign-up
 * limits (backend/core) and the contract (types/). Taro transpiles only src/ unless told.
 */
const sharedSources = [path.resolve(__dirname, '..', 'backend', 'core'), path.resolve(__dirname, '..', 'types')];

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'lifelong-learning-week',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // The app imports the pure core as `@backend/core/...` (tsconfig `paths`, jest moduleNameMapper).
    alias: { '@backend': path.resolve(__dirname, '..', 'backend') },
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    // The CLI registers @tarojs/plugin-platform-weapp / -h5 (by --type) and
    // @tarojs/plugin-framework-react (by `framework`) itself; listing them again would register twice.
    plugins: [],
    defineConstants: {
      /** The local demo identity switcher: only in an H5 build made by the local demo server. */
      DEMO_IDENTITIES: JSON.stringify(process.env.LOCAL_DEMO === '1' && isH5),
      /** CloudBase environment id for wx.cloud.init; empty means the account's default environment. */
      CLOUD_ENV_ID: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: sharedSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]' } },
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: sharedSources },
      staticDirectory: 'static',
      // Hash routing: every page is served by index.html, so any static file server works
      // (no history fallback needed). URLs look like /#/pages/event/index?id=...
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      devServer: { host: '127.0.0.1' },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy
        // of the shared components and helpers; split async chunks too.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      postcss: {
        // The root font size follows the screen width up to 24px (phone ≈ 20.8px at 390 wide), so
        // on a laptop the app stays a readable phone-sized column instead of a 2× magnified one.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
