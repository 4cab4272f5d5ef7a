// Mutation testing (npm run test:mutation): StrykerJS runs each test file that covers a mutant
// under tsx. Browser, fuzz and benchmark tests are left out: they are slow and test other things.
// Narrow a run with `npm run test:mutation -- --mutate 'src/http/**/*.ts'`, and its test files
// with STRYKER_TESTS='test/http/*.test.ts' (comma-separated globs).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    testFiles: process.env.STRYKER_TESTS?.split(',') ?? [
      'test/**/*.test.ts',
      '!test/embed/browser-*.test.ts',
      '!test/fuzz.test.ts',
      '!test/bench-smoke.test.ts',
    ],
    nodeArgs: ['--import', 'tsx', '--require', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  mutate: [
    'src/http/**/*.ts',
    // The HTTP rules that are hooks: the representation (ETag/304, content coding, Vary) and
    // Cache-Control; the snapshot that makes answers.
    'src/plugins/app/representation.ts',
    'src/plugins/app/cache-control.ts',
    'src/snapshot/**/*.ts',
    'src/repositories/**/*.ts',
    'src/search/**/*.ts',
    // Data, not logic: its mutants blank one phrase or empty one group (test/search/thesaurus.test.ts
    // checks every entry has words and each kind expands as documented).
    '!src/search/thesaurus.ts',
    'src/seed/**/*.ts',
    '!src/seed/cli.ts',
    // Crisis detection (its phrases are its logic: an emptied one is dropped, so the tests must
    // miss it) and the one HTML escaper.
    'src/safety/**/*.ts',
    'src/render/escape.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: process.env.STRYKER_REPORT ?? 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
