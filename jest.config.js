/** Two projects: backend and core under Node, app pages under jsdom with DOM stand-ins for Taro. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/tests/e2e/', '<rootDir>/tests/app/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      // @noble packages ship ES modules only: let swc turn them into CommonJS too.
      transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
      moduleNameMapper: { '^@backend/(.*)$': '<rootDir>/backend/$1' },
    },
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/app'],
      testMatch: ['<rootDir>/tests/app/**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
      moduleNameMapper: {
        '^@backend/(.*)$': '<rootDir>/backend/$1',
        '^@tarojs/components$': '<rootDir>/tests/app/stand-ins/components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/app/stand-ins/taro.ts',
        '\\.(css|scss)$': '<rootDir>/tests/app/stand-ins/style.ts',
      },
    },
  ],
};
