// One lint configuration for app, backend, tests and scripts. The core must stay pure:
// no SDK, database, UI or Node-platform imports (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { fileURLToPath } from 'node:url';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.temp/**',
      'data/**',
      'artifacts/**',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['backend/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cloudbase/*', 'wx-server-sdk', 'better-sqlite3', '@tarojs/*', 'react', 'node:*'],
              message: 'The core is pure: no SDK, database, UI or platform imports.',
            },
            { group: ['../store/*', '../usecases/*', '../api/*'], message: 'The core depends on nothing but types.' },
          ],
        },
      ],
    },
  },
  {
    files: ['backend/usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cloudbase/*', 'wx-server-sdk', 'better-sqlite3', '@tarojs/*', 'react', 'zod'],
              message: 'Use cases speak to ports, not to SDKs.',
            },
            {
              group: ['../store/sqlite*', '../store/cloudbase*', '../api/*'],
              message: 'Use cases depend on the store port only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app and the shared types see the call contract's schemas as types only: zod cannot
    // ship in the mini-program (BigInt), so a value import of zod or of the schemas is refused.
    files: ['src/**/*.{ts,tsx}', 'types/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/backend/api/**', '@backend/api/**'],
              allowTypeImports: true,
              message: 'The app may import the contract as types only (import type): zod cannot ship in weapp.',
            },
          ],
        },
      ],
    },
  },
  {
    // What ships to phones (the app and the core it imports) runs on old WeChat engines whose
    // Array has no `at` (ES2022; Taro's polyfills do not add it): tests/weapp/pages.test.ts caught it.
    files: ['src/**/*.{ts,tsx}', 'backend/core/**/*.ts', 'types/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='at']",
          message: 'Array.prototype.at is missing on older WeChat engines: use a[a.length - 1].',
        },
      ],
    },
  },
  {
    // One configuration module: backend code reads the environment only through it.
    files: ['backend/**/*.ts', 'cloudfunctions/**/*.ts', 'server/**/*.ts'],
    ignores: ['backend/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through backend/config.ts.' },
      ],
    },
  },
  {
    // No import cycles (scripts/check-cycles.ts reports the same graph in one list). Type-only
    // imports count too: a cycle of types is still a knot for the reader.
    files: ['backend/**/*.ts', 'src/**/*.{ts,tsx}', 'server/**/*.ts', 'types/**/*.ts', 'cloudfunctions/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['jest.config.js', 'babel.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
