// Loading and validating a seed folder (src/seed/load.ts), on tiny seeds written to a scratch
// folder: every problem an editor can make is reported with the file and field to fix, all of
// them at once, and a valid seed loads exactly as written. Fast, so mutation testing can afford it.
import t from 'tap';
import { loadSeed, SeedError, type SeedProblem } from '../../src/seed/load.js';
import { helpData, markdown, recordData, signData, sourceData, tinySeed, topicData } from '../helpers/tiny-seed.js';

const problemsOf = (root: string): SeedProblem[] => {
  try {
    loadSeed(root);
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
};

t.test('a valid tiny seed loads as written: slugs from file names, bodies trimmed, files named from the seed folder', async (t) => {
  const seed = tinySeed(t);
  seed.write('signs/hidden.md', markdown(signData({ slug: 'shown-slug', title: 'Hidden' }), '  \n\nBody with space around.  \n\n'));
  const content = loadSeed(seed.root);
  t.same(content.site, { disclaimer: 'Not a diagnosis.', crisis: 'Call for help now.' });
  t.same(
    content.sources.map((s) => [s.slug, s.file, s.body]),
    [['a-source', 'seed/sources/a-source.md', 'What the source is.']],
  );
  t.same(
    content.topics.map((x) => x.slug),
    ['emotional-detachment', 'emotional-isolation', 'emotional-withdrawal'],
    'in file-name order',
  );
  t.same(
    content.records.signs.map((s) => [s.slug, s.file, s.body]),
    [
      ['shown-slug', 'seed/signs/hidden.md', 'Body with space around.'],
      ['numbness', 'seed/signs/numbness.md', 'Feelings can seem muted.'],
    ],
    'a declared slug wins over the file name',
  );
  t.same(content.records.faqs, [], 'an empty collection is fine');
  t.same(
    content.help.map((h) => [h.slug, h.file]),
    [['international', 'seed/help/international.md']],
  );
});

t.test('files are read in name order, so the first of two files claiming a slug keeps it', async (t) => {
  const seed = tinySeed(t);
  // Written in reverse, so the folder's own order is not the name order. A duplicate is skipped,
  // so its empty body is not reported as well.
  for (const name of ['zz', 'mm', 'aa']) seed.write(`signs/${name}.md`, markdown(signData({ slug: 'twin' }), name === 'zz' ? '' : 'Text.'));
  const problems = problemsOf(seed.root);
  t.same(problems, [
    { file: 'seed/signs/mm.md', field: 'slug', message: 'duplicate slug "twin": already used by seed/signs/aa.md' },
    { file: 'seed/signs/zz.md', field: 'slug', message: 'duplicate slug "twin": already used by seed/signs/aa.md' },
  ]);
});

t.test('the error lists every problem, one line each, naming file and field', async (t) => {
  const seed = tinySeed(t);
  seed.write('signs/numbness.md', markdown(signData({ kind: 'astrology' })));
  seed.write(
    'faqs/a-question.md',
    markdown(recordData({ kind: 'emotional', title: '', topics: [{ slug: 'emotional-isolation', note: ' ' }] })),
  );
  const error = t.throws(() => loadSeed(seed.root)) as SeedError;
  t.equal(error.name, 'SeedError');
  t.match(error.message, /^The content in seed\/ is invalid \(4 problems\):\n/);
  t.match(error.message, /\n {2}seed\/signs\/numbness\.md → kind: Invalid option/);
  t.match(error.message, /\n {2}seed\/faqs\/a-question\.md → title: must not be empty/);
  t.match(error.message, /\n {2}seed\/faqs\/a-question\.md → topics\.0\.note: must not be empty/, 'a nested field is named by its path');
  t.match(error.message, /\n {2}seed\/faqs\/a-question\.md: Unrecognized key: "kind"/, 'a problem with the whole file names no field');
  t.same(
    error.problems.find((p) => p.message.startsWith('Unrecognized')),
    { file: 'seed/faqs/a-question.md', field: undefined, message: 'Unrecognized key: "kind"' },
  );

  const one = tinySeed(t);
  one.remove('site.md');
  t.equal(
    (t.throws(() => loadSeed(one.root)) as Error).message,
    'The content in seed/ is invalid (1 problem):\n  seed/site.md: file is missing (disclaimer and crisis guidance)',
  );
});

t.test('broken YAML names the file and the first line of the parser error', async (t) => {
  const seed = tinySeed(t);
  seed.write('signs/numbness.md', '---\ntitle: [unclosed\nsummary: x\n---\nBody.\n');
  const [problem, ...rest] = problemsOf(seed.root);
  t.same(rest, [], 'no other problem: the file is skipped');
  t.equal(problem!.file, 'seed/signs/numbness.md');
  t.equal(problem!.field, undefined);
  t.match(problem!.message, /^front-matter is not valid YAML: \w+ \w+/, "the parser's own words");
  t.notMatch(problem!.message, /\n/, 'one line');
});

t.test('a site.md with a missing notice names the field', async (t) => {
  const seed = tinySeed(t);
  seed.write('site.md', markdown({ disclaimer: 'Not a diagnosis.' }, ''));
  t.same(problemsOf(seed.root), [{ file: 'seed/site.md', field: 'crisis', message: 'Invalid input: expected string, received undefined' }]);
  seed.write('site.md', '---\ndisclaimer: [\n---\n');
  t.match(problemsOf(seed.root), [{ file: 'seed/site.md', message: /^front-matter is not valid YAML/ }]);
});

t.test('a missing folder, a file that is not Markdown and a file name that is not a slug', async (t) => {
  const seed = tinySeed(t);
  seed.remove('causes');
  seed.write('signs/notes.txt', 'editor notes');
  seed.write('signs/Bad_Name.md', markdown(signData(), '')); // skipped: its empty body is not reported
  const problems = problemsOf(seed.root);
  t.same(problems, [
    { file: 'seed/signs/Bad_Name.md', field: 'slug', message: 'file name "Bad_Name.md" is not a valid slug; rename it or set slug:' },
    { file: 'seed/signs/notes.txt', message: 'only Markdown (.md) files belong here' },
    { file: 'seed/causes', message: 'folder is missing' },
  ]);
});

t.test('an empty body and review dates out of order are reported; equal dates are out of order too', async (t) => {
  const seed = tinySeed(t);
  seed.write('signs/numbness.md', markdown(signData(), '   '));
  seed.write('signs/same-day.md', markdown(signData({ nextReviewAt: '2026-01-01' })));
  seed.write('signs/earlier.md', markdown(signData({ nextReviewAt: '2025-12-31' })));
  seed.write('signs/next-day.md', markdown(signData({ nextReviewAt: '2026-01-02' })));
  t.same(problemsOf(seed.root), [
    { file: 'seed/signs/earlier.md', field: 'nextReviewAt', message: 'must be after reviewedAt' },
    { file: 'seed/signs/numbness.md', field: 'body', message: 'the Markdown body is empty' },
    { file: 'seed/signs/same-day.md', field: 'nextReviewAt', message: 'must be after reviewedAt' },
  ]);
  // Unquoted YAML dates arrive as Date objects and are compared as the same YYYY-MM-DD text.
  seed.write(
    'signs/numbness.md',
    '---\ntitle: N\nsummary: S\nsources: [{ slug: a-source, supports: The sign. }]\ntopics: [emotional-isolation]\nreviewedAt: 2026-03-01\nnextReviewAt: 2026-03-01\nreviewType: editorial\nkind: emotional\n---\nBody.\n',
  );
  seed.remove('signs/same-day.md');
  seed.remove('signs/earlier.md');
  t.same(problemsOf(seed.root), [{ file: 'seed/signs/numbness.md', field: 'nextReviewAt', message: 'must be after reviewedAt' }]);
});

t.test('links to unknown topics and sources name the file, the position and the slug', async (t) => {
  const seed = tinySeed(t);
  seed.write(
    'signs/numbness.md',
    markdown(
      signData({
        sources: [
          { slug: 'a-source', supports: 'A.' },
          { slug: 'no-such-source', supports: 'B.' },
        ],
        topics: ['emotional-isolation', { slug: 'emotional-loneliness', note: 'x' }],
      }),
    ),
  );
  const topic = topicData('emotional-isolation');
  seed.write(
    'topics/emotional-isolation.md',
    markdown({
      ...topic,
      sources: [{ slug: 'gone', supports: 'A.' }],
      comparisons: [
        { concept: 'Loneliness', text: 'x' },
        { topic: 'emotional-withdrawal', text: 'y' },
        { topic: 'emotional-sadness', text: 'z' },
      ],
    }),
  );
  t.same(problemsOf(seed.root), [
    { file: 'seed/topics/emotional-isolation.md', field: 'sources.0', message: 'unknown source "gone" (no seed/sources/gone.md)' },
    {
      file: 'seed/topics/emotional-isolation.md',
      field: 'comparisons.2.topic',
      message: 'unknown topic "emotional-sadness" (no seed/topics/emotional-sadness.md)',
    },
    { file: 'seed/signs/numbness.md', field: 'sources.1', message: 'unknown source "no-such-source" (no seed/sources/no-such-source.md)' },
    {
      file: 'seed/signs/numbness.md',
      field: 'topics.1',
      message: 'unknown topic "emotional-loneliness" (no seed/topics/emotional-loneliness.md)',
    },
  ]);
});

t.test('each required topic must exist', async (t) => {
  const seed = tinySeed(t);
  seed.remove('topics/emotional-withdrawal.md');
  const problems = problemsOf(seed.root);
  t.same(
    problems.filter((p) => !p.field),
    [{ file: 'seed/topics/emotional-withdrawal.md', message: 'required topic is missing' }],
  );
  t.ok(
    problems.every((p) => !p.field || p.message.includes('"emotional-withdrawal"')),
    'the comparisons naming it are the other problems',
  );
});

t.test('a former slug still in use is refused, naming its position and the file that uses it', async (t) => {
  const seed = tinySeed(t);
  seed.write('signs/other.md', markdown(signData({ formerSlugs: ['old-name', 'numbness'] })));
  t.same(problemsOf(seed.root), [
    {
      file: 'seed/signs/other.md',
      field: 'formerSlugs.1',
      message: '"numbness" is the slug of seed/signs/numbness.md; a former slug must no longer be in use',
    },
  ]);
  seed.write('signs/other.md', markdown(signData({ formerSlugs: ['old-name'] })));
  t.same(
    loadSeed(seed.root).records.signs.map((s) => s.slug),
    ['numbness', 'other'],
    'a former slug nobody uses is fine',
  );
  // A slug in another collection is no clash: addresses are per collection.
  seed.write('faqs/q.md', markdown(recordData({ formerSlugs: ['numbness'] })));
  t.same(
    loadSeed(seed.root).records.faqs.map((s) => s.slug),
    ['q'],
  );
});

t.test('help files: named after their region, and the international answer is required', async (t) => {
  const seed = tinySeed(t);
  const gb = helpData({
    region: 'GB',
    lines: [
      {
        name: 'A line',
        phone: '116 123',
        audience: 'Anyone',
        priority: true,
        sources: [{ title: 'T', publisher: 'P', url: 'https://example.org' }],
        reviewedAt: '2026-01-01',
      },
    ],
  });
  seed.write('help/gb.md', markdown(gb));
  t.same(
    loadSeed(seed.root).help.map((h) => h.slug),
    ['gb', 'international'],
    'a region in upper case, its file in lower case',
  );
  seed.remove('help/gb.md');
  seed.write('help/uk.md', markdown(gb));
  seed.remove('help/international.md');
  t.same(problemsOf(seed.root), [
    { file: 'seed/help/uk.md', field: 'region', message: 'the file for this region must be named seed/help/gb.md' },
    { file: 'seed/help/international.md', message: 'file is missing (the answer for regions not covered)' },
  ]);
  seed.write('help/elsewhere.md', markdown(helpData()));
  t.same(problemsOf(seed.root), [
    { file: 'seed/help/elsewhere.md', field: 'region', message: 'the file for this region must be named seed/help/international.md' },
    { file: 'seed/help/uk.md', field: 'region', message: 'the file for this region must be named seed/help/gb.md' },
    { file: 'seed/help/international.md', message: 'file is missing (the answer for regions not covered)' },
  ]);
});

t.test('a source can be cited by several records; only its own problems are its', async (t) => {
  const seed = tinySeed(t);
  seed.write('sources/b-source.md', markdown(sourceData({ order: -1 })));
  t.same(problemsOf(seed.root), [{ file: 'seed/sources/b-source.md', field: 'order', message: 'Too small: expected number to be >=0' }]);
});

// Equivalent mutants, left: sorting the folder listing (libuv already lists a folder in byte
// order on every platform Node supports, so the sort only guards the promise), reading a file
// without 'utf8' (gray-matter takes the Buffer as well), `?? []` for formerSlugs replaced by a
// list (a made-up former slug is nobody's), `|| !site` in loadSeed (a site.md that is missing or invalid has
// always added a problem, so the problem count alone already throws), and dropping either
// `dates.reviewedAt &&` or `dates.nextReviewAt &&` (only sources and help lack the dates, and a
// comparison with undefined is false, so no problem is added either way).

t.test('related records must exist and not be the record itself; a source is cited once per record', async (t) => {
  const seed = tinySeed(t);
  seed.write(
    'signs/numbness.md',
    markdown(
      signData({
        related: ['signs/numbness', 'strategies/nowhere', 'topics/emotional-isolation'],
        sources: [
          { slug: 'a-source', supports: 'The sign.' },
          { slug: 'a-source', supports: 'Again.' },
        ],
      }),
    ),
  );
  t.same(problemsOf(seed.root), [
    { file: 'seed/signs/numbness.md', field: 'related.0', message: 'a record is not related to itself' },
    { file: 'seed/signs/numbness.md', field: 'related.1', message: 'unknown record "strategies/nowhere" (no seed/strategies/nowhere.md)' },
    { file: 'seed/signs/numbness.md', field: 'sources.1', message: 'source "a-source" is cited twice' },
  ]);
});
