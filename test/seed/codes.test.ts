// The code map (src/seed/codes.ts): every clinical code a record, topic or the help-first list
// names is in the vendored lines of the official ICD-10-CM release, with its official title; the
// build refuses anything else and says which file and field to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { dottedIcd10cm, ICD10CM_FILE, officialTitles } from '../../src/seed/codes.js';
import { loadSeed, SeedError, type SeedProblem } from '../../src/seed/load.js';
import { markdown, signData, tinySeed } from '../helpers/tiny-seed.js';
import { SEED_DIR } from '../helpers/store.js';

const problemsOf = (root: string): SeedProblem[] => {
  try {
    loadSeed(root);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  return [];
};

t.test('the vendored file is lines of the official order file, read by their fixed columns', async (t) => {
  const lines = readFileSync(join(SEED_DIR, ICD10CM_FILE), 'utf8').trimEnd().split('\n');
  t.ok(lines.length > 100, `${lines.length} lines`);
  for (const line of lines) t.match(line, /^\d{5} [A-Z][0-9A-Z]{2,6} +[01] .{60} \S/, `official layout: ${line.slice(0, 20)}`);
  const orders = lines.map((l) => Number(l.slice(0, 5)));
  t.same(
    orders,
    [...orders].sort((a, b) => a - b),
    'kept in the file’s own order',
  );
  const titles = officialTitles(SEED_DIR);
  t.equal(titles.get('Z60.2'), 'Problems related to living alone');
  t.equal(titles.get('R45.84'), 'Anhedonia');
  t.equal(titles.get('F43.21'), 'Adjustment disorder with depressed mood');
  t.equal(titles.get('T14.91XA'), 'Suicide attempt, initial encounter', 'the long title of a seven-character code');
  t.equal(
    titles.get('Z63'),
    'Other problems related to primary support group, including family circumstances',
    'the long title, not the short one',
  );
  t.equal(dottedIcd10cm('F4321'), 'F43.21');
  t.equal(dottedIcd10cm('Z63'), 'Z63', 'a category has no dot');
});

t.test('the real seed: every code is official and correctly titled, and the help-first list is there', async (t) => {
  const seed = loadSeed(SEED_DIR);
  const titles = officialTitles(SEED_DIR);
  const mapped = [...seed.topics, ...Object.values(seed.records).flat()].flatMap((e) => e.data.codes.map((c) => ({ file: e.file, ...c })));
  t.ok(mapped.length >= 40, `${mapped.length} mappings`);
  for (const c of mapped) t.equal(titles.get(c.code), c.title, `${c.file}: ${c.code} ${c.title}`);
  t.same(
    seed.helpFirst.map((c) => c.code).sort(),
    ['R45.85', 'R45.851', 'R45.88', 'T14.91', 'T14.91XA', 'T14.91XD', 'T14.91XS', 'Z91.5', 'Z91.51', 'Z91.52'],
    'suicidal ideation, self-harm and suicide attempts answer with help first',
  );
  const helpFirst = new Set(seed.helpFirst.map((c) => c.code));
  t.same(
    mapped.filter((c) => helpFirst.has(c.code) || [...helpFirst].some((h) => c.code.startsWith(h))),
    [],
    'and no record is mapped to them: they never answer with content',
  );
  const perCode = new Map<string, number>();
  for (const c of mapped) perCode.set(c.code, (perCode.get(c.code) ?? 0) + 1);
  t.ok(
    [...perCode.values()].every((n) => n <= 5),
    'fewer, right mappings: at most five records per code',
  );
});

t.test('a code missing from the official lines, or titled otherwise, is refused with the file and field', async (t) => {
  const seed = tinySeed(t);
  seed.write(
    ICD10CM_FILE,
    '31050 R4584   1 Anhedonia                                                    Anhedonia\n97206 Z602    1 Problems related to living alone                             Problems related to living alone\n',
  );
  seed.write(
    'signs/numbness.md',
    markdown(
      signData({
        codes: [
          { system: 'ICD-10-CM', code: 'R45.84', title: 'Anhedonia', reason: 'Loss of pleasure.' },
          { system: 'ICD-10-CM', code: 'Z60.2', title: 'Living alone', reason: 'Living alone.' },
          { system: 'ICD-10-CM', code: 'F48.1', title: 'Depersonalization-derealization syndrome', reason: 'Detachment.' },
          { system: 'SNOMED CT', code: '73595000', title: 'Stress', reason: 'Stress.' },
        ],
      }),
    ),
  );
  t.same(problemsOf(seed.root), [
    {
      file: 'seed/signs/numbness.md',
      field: 'codes.1.title',
      message: 'the official title of Z60.2 is "Problems related to living alone"',
    },
    {
      file: 'seed/signs/numbness.md',
      field: 'codes.2.code',
      message: `F48.1 is not in seed/${ICD10CM_FILE} (copy its line from the official order file)`,
    },
    {
      file: 'seed/signs/numbness.md',
      field: 'codes.3.system',
      message: 'no SNOMED CT release is vendored in seed/codes/, so its codes cannot be checked',
    },
  ]);
});

t.test('the help-first list is checked the same way, and must not be empty', async (t) => {
  const seed = tinySeed(t);
  seed.write(ICD10CM_FILE, '31053 R45851  1 Suicidal ideations                                           Suicidal ideations\n');
  seed.write('codes/help-first.md', markdown({ codes: [{ system: 'ICD-10-CM', code: 'R45.851', title: 'Suicidal thoughts' }] }));
  t.same(problemsOf(seed.root), [
    { file: 'seed/codes/help-first.md', field: 'codes.0.title', message: 'the official title of R45.851 is "Suicidal ideations"' },
  ]);
  seed.write('codes/help-first.md', markdown({ codes: [] }));
  t.match(problemsOf(seed.root), [{ file: 'seed/codes/help-first.md', field: 'codes' }]);
  seed.write('codes/help-first.md', markdown({ codes: [{ system: 'ICD-10-CM', code: 'R45.851', title: 'Suicidal ideations' }] }));
  t.same(loadSeed(seed.root).helpFirst, [{ system: 'ICD-10-CM', code: 'R45.851', title: 'Suicidal ideations' }]);
});
