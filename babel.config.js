// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Used by the Taro builds only; jest transforms with @swc/jest (see jest.config.js).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
