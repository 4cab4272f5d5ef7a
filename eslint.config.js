import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint.layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tap/', 'migrations/', 'openapi/', '.stryker-tmp/', 'reports/', 'clients/typescript/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Configuration is parsed once, by src/config.ts; everything else receives it.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  {
    files: ['src/config.ts', 'drizzle.config.ts', 'stryker.config.mjs', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...layerRules,
  {
    // Test apps come from test/helpers/app.ts, which gives each one the test defaults (no load
    // shedding, a quota no test trips by accident); an app built without them fails under load.
    files: ['test/**'],
    ignores: ['test/helpers/app.ts', 'test/lint/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)src/app\\.js$', message: 'Build test apps with build()/buildOn() from test/helpers/app.ts.' }] }],
    },
  },
);
