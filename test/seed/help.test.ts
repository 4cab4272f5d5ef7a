import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import t from 'tap';
import { loadSeed, SeedError } from '../../src/seed/load.js';
import { copySeed, SEED_DIR } from '../helpers/store.js';

// seed/help/ is validated like the rest of the content: every problem names its file and field.
const problemsOf = (seedDir: string) => {
  try {
    loadSeed(seedDir);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
};
const editData = (file: string, change: (data: Record<string, unknown> & { lines: Record<string, unknown>[]; emergency: Record<string, unknown> }) => void) => {
  const parsed = matter(readFileSync(file, 'utf8'), {});
  change(parsed.data as never);
  writeFileSync(file, matter.stringify(parsed.content, parsed.data));
};

t.test('the real help entries load', async (t) => {
  const { help } = loadSeed(SEED_DIR);
  t.same(help.map((h) => h.slug).sort(), ['au', 'ca', 'gb', 'ie', 'international', 'nz', 'us']);
});

t.test('a region must mark exactly one priority line', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'help/gb.md'), (d) => d.lines.forEach((l) => (l.priority = true)));
  editData(join(seed, 'help/us.md'), (d) => d.lines.forEach((l) => (l.priority = false)));
  const problems = problemsOf(seed);
  t.match(problems, [
    { file: 'seed/help/gb.md', field: 'lines', message: /exactly one line priority: true \(found 3\)/ },
    { file: 'seed/help/us.md', field: 'lines', message: /found 0/ },
  ]);
});

t.test('every line and emergency number cites its source; a region is an ISO code; files are named after it', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'help/au.md'), (d) => {
    delete d.lines[0]!.sources;
    delete d.emergency.sources;
  });
  editData(join(seed, 'help/nz.md'), (d) => (d.region = 'UK'));
  editData(join(seed, 'help/ca.md'), (d) => {
    d.lines[0]!.sources = [{ title: 'x', publisher: 'y', url: 'not a url' }];
  });
  renameSync(join(seed, 'help/ie.md'), join(seed, 'help/fr.md'));
  const problems = problemsOf(seed);
  t.match(problems.find((p) => p.file === 'seed/help/au.md' && p.field === 'lines.0.sources'), { message: /.+/ }, 'a line without sources');
  t.match(problems.find((p) => p.file === 'seed/help/au.md' && p.field === 'emergency'), { message: /needs sources/ }, 'a number without sources');
  t.match(problems.find((p) => p.file === 'seed/help/nz.md' && p.field === 'region'), { message: /ISO 3166-1/ });
  t.match(problems.find((p) => p.file === 'seed/help/ca.md' && p.field === 'lines.0.sources.0.url'), { message: /URL/ });
  t.match(problems.find((p) => p.file === 'seed/help/fr.md'), { field: 'region', message: /must be named seed\/help\/ie\.md/ });
});

t.test('the international answer is required', async (t) => {
  const seed = copySeed(t);
  rmSync(join(seed, 'help/international.md'));
  t.match(problemsOf(seed), [{ file: 'seed/help/international.md', message: /missing/ }]);
});
