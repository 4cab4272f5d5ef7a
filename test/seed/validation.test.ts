import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import t from 'tap';
import { loadSeed, SeedError } from '../../src/seed/load.js';
import { copySeed, SEED_DIR } from '../helpers/store.js';

const problemsOf = (seedDir: string) => {
  try {
    loadSeed(seedDir);
  } catch (error) {
    if (error instanceof SeedError) return error;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
};

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
// Changes front-matter fields through a YAML round trip, so tests do not depend on formatting.
const editData = (file: string, change: (data: Record<string, unknown>) => void) => {
  const parsed = matter(readFileSync(file, 'utf8'), {});
  change(parsed.data);
  writeFileSync(file, matter.stringify(parsed.content, parsed.data));
};

t.test('the real seed is valid', async (t) => {
  const content = loadSeed(SEED_DIR);
  t.equal(content.topics.length, 3);
  t.ok(content.records.signs.length > 10);
});

t.test('broken front-matter names the file', async (t) => {
  const seed = copySeed(t);
  edit(join(seed, 'signs/emotional-numbness.md'), (s) => s.replace('title:', 'title: [unclosed'));
  const error = problemsOf(seed);
  t.match(error.message, /seed\/signs\/emotional-numbness\.md: front-matter is not valid YAML/);
});

t.test('a missing or wrong field names the file and the field', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'strategies/journaling.md'), (d) => (d.category = 'astrology'));
  editData(join(seed, 'causes/medication-side-effects.md'), (d) => delete d.summary);
  const error = problemsOf(seed);
  t.match(error.message, /seed\/strategies\/journaling\.md → category: Invalid option/);
  t.match(error.message, /seed\/causes\/medication-side-effects\.md → summary:/);
  t.equal(error.problems.length, 2, 'only the two broken files are reported');
});

t.test('a link to an unknown topic or source names the file and the unknown slug', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'faqs/how-long-does-recovery-take.md'), (d) => (d.topics = ['emotional-loneliness']));
  editData(
    join(seed, 'contexts/workplace.md'),
    (d) =>
      (d.sources = [
        { slug: 'isolation-article', supports: 'A.' },
        { slug: 'no-such-source', supports: 'B.' },
      ]),
  );
  const error = problemsOf(seed);
  t.match(error.message, /seed\/faqs\/how-long-does-recovery-take\.md → topics\.0: unknown topic "emotional-loneliness"/);
  t.match(error.message, /seed\/contexts\/workplace\.md → sources\.1: unknown source "no-such-source"/);
});

t.test('a duplicate slug names both files', async (t) => {
  const seed = copySeed(t);
  writeFileSync(join(seed, 'signs/zz-copy.md'), readFileSync(join(seed, 'signs/reduced-affection.md')));
  editData(join(seed, 'signs/zz-copy.md'), (d) => (d.slug = 'emotional-numbness'));
  const error = problemsOf(seed);
  t.match(
    error.message,
    /seed\/signs\/zz-copy\.md → slug: duplicate slug "emotional-numbness": already used by seed\/signs\/emotional-numbness\.md/,
  );
});

t.test('a record without sources, an empty body, or a review date in the wrong order is rejected', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'signs/reduced-affection.md'), (d) => (d.sources = []));
  edit(join(seed, 'stories/new-city-story.md'), (s) => s.slice(0, s.indexOf('---', 4) + 4));
  editData(join(seed, 'impacts/long-term-risks.md'), (d) => (d.nextReviewAt = '2020-01-01'));
  appendFileSync(join(seed, 'therapies/README.txt'), 'notes');
  const error = problemsOf(seed);
  t.match(error.message, /reduced-affection\.md → sources: must cite at least one source/);
  t.match(error.message, /new-city-story\.md → body: the Markdown body is empty/);
  t.match(error.message, /long-term-risks\.md → nextReviewAt: must be after reviewedAt/);
  t.match(error.message, /therapies\/README\.txt: only Markdown/);
});

t.test('sources need a publisher, a bare DOI, and the date they were read when they can be followed', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'sources/gunther-2020.md'), (d) => delete d.publisher);
  editData(join(seed, 'sources/dvir-2014.md'), (d) => (d.doi = 'https://doi.org/10.1097/HRP.0000000000000014'));
  editData(join(seed, 'sources/withdrawal-article.md'), (d) => delete d.accessed);
  editData(join(seed, 'sources/isolation-article.md'), (d) => (d.authors = ['Jane Smith, PhD, MD']));
  const error = problemsOf(seed);
  t.match(error.message, /seed\/sources\/gunther-2020\.md → publisher:/);
  t.match(error.message, /seed\/sources\/dvir-2014\.md → doi: must be a bare DOI/);
  t.match(error.message, /seed\/sources\/withdrawal-article\.md → accessed: is required when url or doi is set/);
  t.match(error.message, /seed\/sources\/isolation-article\.md → authors\.0: must be "Surname, Given names"/);
  t.equal(
    error.problems.filter((p) => p.file.includes('/sources/')).length,
    4,
    'only the four broken sources are reported (records citing them are, as unknown links)',
  );
});

t.test('every record says what kind of review it had, and only editorial review exists', async (t) => {
  const seed = copySeed(t);
  editData(join(seed, 'faqs/how-long-does-recovery-take.md'), (d) => delete d.reviewType);
  editData(join(seed, 'topics/emotional-isolation.md'), (d) => (d.reviewType = 'clinical'));
  const error = problemsOf(seed);
  t.match(error.message, /seed\/faqs\/how-long-does-recovery-take\.md → reviewType: must be one of: editorial/);
  t.match(error.message, /seed\/topics\/emotional-isolation\.md → reviewType: must be one of: editorial/);
});
