import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      '.tap/',
      'migrations/',
      'openapi/',
      '.stryker-tmp/',
      'reports/',
      'clients/typescript/dist/',
      // Compiled against generated clients by test/client/generated-clients.test.ts.
      'test/client/flows/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // The project service finds each file's nearest tsconfig.json: the root one for src/, test/,
      // scripts/ and drizzle.config.ts, clients/typescript/tsconfig.json for the client.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // A `!` hides the case it asserts away; write the code so it is not needed, or say why next to it.
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Configuration is parsed once, by src/config.ts; everything else receives it.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  {
    // Plain JavaScript config and build files are in no tsconfig: lint them without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Fastify's contract: an async plugin, hook or handler signals completion by its promise, so
    // `async` without `await` is how one says "done when this returns", not a forgotten await.
    files: ['src/plugins/**', 'src/routes/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      // tap tracks its subtests itself: the promise t.test() returns may be left alone. Every other
      // floating promise (an un-awaited app.inject, say) is still an error.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafePromises: [{ from: 'package', name: 'PromiseWithSubtest', package: '@tapjs/core' }] },
      ],
      // tap takes a sync or an async callback alike; an async one without await is harmless, and
      // the mistake that matters (a missing await) is what no-floating-promises catches.
      '@typescript-eslint/require-await': 'off',
      // Response bodies are JSON parsed as `any` by design: the tests check their shape at run
      // time (t.same, t.match, t.equal), and typing each one would restate the API's schemas.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // A wrong guess in a test fails the test, which is what the test wants.
      '@typescript-eslint/no-non-null-assertion': 'off',
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
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)src/app\\.js$', message: 'Build test apps with build()/buildOn() from test/helpers/app.ts.' }] },
      ],
    },
  },
);
