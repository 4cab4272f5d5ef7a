// Building a store from a tiny seed (src/seed/build.ts, src/seed/search-index.ts): every row the
// API later serves is written as the seed says, the build is atomic, and leftovers of killed
// builds are cleared without touching a build still running. Fast, so mutation testing can afford it.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { buildStore, removeStaleBuilds } from '../../src/seed/build.js';
import { SeedError } from '../../src/seed/load.js';
import { recordChanges } from '../../src/seed/record-changes.js';
import { changeLogHash, contentVersion } from '../../src/seed/version.js';
import { MIGRATIONS_DIR, scratchDir } from '../helpers/store.js';
import { helpData, markdown, recordData, signData, sourceData, tinySeed } from '../helpers/tiny-seed.js';

const GB_LINE = {
  name: 'A line',
  phone: '116 123',
  audience: 'Anyone',
  priority: true,
  sources: [{ title: 'T', publisher: 'P', url: 'https://example.org' }],
  reviewedAt: '2026-01-01',
};
const DIRECTORY = {
  name: 'A directory',
  url: 'https://example.org/d',
  text: 'Find help.',
  sources: GB_LINE.sources,
  reviewedAt: '2026-01-01',
};

/** A tiny seed with a little of everything, its log recorded twice (a creation and a rename), built once for the file. */
function buildTinyStore(t: Parameters<typeof tinySeed>[0]) {
  const seed = tinySeed(t);
  seed.write('sources/b-source.md', markdown(sourceData({ title: 'B', order: 5, authors: ['Smith, Jane'] }), 'About B.'));
  seed.write(
    'signs/numbness.md',
    markdown(
      signData({
        sources: [
          { slug: 'b-source', supports: 'B.' },
          { slug: 'a-source', supports: 'A.' },
        ],
        topics: [{ slug: 'emotional-withdrawal', note: 'Why here.' }, 'emotional-isolation'],
        keywords: ['numb'],
        peopleSay: ['feeling flat'],
      }),
      'Feelings can seem **muted**.',
    ),
  );
  seed.write('signs/ordered.md', markdown(signData({ order: 1, setting: 'romantic-relationship' }), 'Ordered.'));
  seed.write('faqs/a-question.md', markdown(recordData({ title: 'A question?' }), 'An answer.'));
  seed.write('help/gb.md', markdown(helpData({ region: 'GB', lines: [GB_LINE], directory: DIRECTORY }), 'See a GP.'));
  recordChanges(seed.root, MIGRATIONS_DIR, new Date('2026-11-01T10:00:00Z'));
  seed.remove('faqs/a-question.md');
  seed.write('faqs/the-question.md', markdown(recordData({ title: 'A question?', formerSlugs: ['a-question'] }), 'An answer.'));
  recordChanges(seed.root, MIGRATIONS_DIR, new Date('2026-11-02T10:00:00Z'));
  const storePath = join(scratchDir(t), 'content.db');
  const result = buildStore({ seedDir: seed.root, migrationsDir: MIGRATIONS_DIR, storePath });
  const db = new Database(storePath, { readonly: true });
  t.teardown(() => db.close());
  const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
  return { seed, storePath, result, all };
}

// Read-only tests share one store.
const built = buildTinyStore(t);

t.test('records, topics and sources are stored as written, in their order', async (t) => {
  const { seed, result, all } = built;
  t.equal(result.version, contentVersion(seed.root, MIGRATIONS_DIR));
  t.match(result.counts, { signs: 2, faqs: 1, causes: 0, topics: 3, sources: 2, help: 2 });
  t.same(
    all('select slug, sort_order, kind, setting, body, keywords from signs order by sort_order'),
    [
      { slug: 'ordered', sort_order: 1, kind: 'emotional', setting: 'romantic-relationship', body: 'Ordered.', keywords: '[]' },
      {
        slug: 'numbness',
        sort_order: 10,
        kind: 'emotional',
        setting: 'general',
        body: 'Feelings can seem **muted**.',
        keywords: '["numb"]',
      },
    ],
    'an order where given, else ten apart in file order',
  );
  t.same(all('select slug, title, summary, reviewed_at, next_review_at, review_type from faqs'), [
    {
      slug: 'the-question',
      title: 'A question?',
      summary: 'Feelings seem far away.',
      reviewed_at: '2026-01-01',
      next_review_at: '2027-01-01',
      review_type: 'editorial',
    },
  ]);
  t.same(all('select slug, sort_order, title, description, authors, kind, authority from sources order by slug'), [
    {
      slug: 'a-source',
      sort_order: 10,
      title: 'A source',
      description: 'What the source is.',
      authors: '[]',
      kind: 'article',
      authority: 'secondary',
    },
    {
      slug: 'b-source',
      sort_order: 5,
      title: 'B',
      description: 'About B.',
      authors: '["Smith, Jane"]',
      kind: 'article',
      authority: 'secondary',
    },
  ]);
  t.same(all('select slug, sort_order, definition, key_points from topics order by sort_order'), [
    { slug: 'emotional-detachment', sort_order: 10, definition: 'The definition of emotional-detachment.', key_points: '["One point."]' },
    { slug: 'emotional-isolation', sort_order: 20, definition: 'The definition of emotional-isolation.', key_points: '["One point."]' },
    { slug: 'emotional-withdrawal', sort_order: 30, definition: 'The definition of emotional-withdrawal.', key_points: '["One point."]' },
  ]);
  t.same(
    all(
      "select position, other_topic_slug, concept, text from topic_comparisons where topic_slug = 'emotional-isolation' order by position",
    ),
    [
      { position: 0, other_topic_slug: null, concept: 'Loneliness', text: 'How it differs.' },
      { position: 1, other_topic_slug: 'emotional-withdrawal', concept: null, text: 'Compared.' },
      { position: 2, other_topic_slug: 'emotional-detachment', concept: null, text: 'Compared.' },
    ],
  );
  t.same(all('select key, text from notices order by key'), [
    { key: 'crisis', text: 'Call for help now.' },
    { key: 'disclaimer', text: 'Not a diagnosis.' },
  ]);
});

t.test('links keep their position and notes', async (t) => {
  const { all } = built;
  t.same(
    all("select source_slug, position from record_sources where record_type = 'sign' and record_slug = 'numbness' order by position"),
    [
      { source_slug: 'b-source', position: 0 },
      { source_slug: 'a-source', position: 1 },
    ],
  );
  t.same(
    all(
      "select record_type, record_slug, source_slug from record_sources where record_type in ('topic', 'faq') and record_slug in ('emotional-isolation', 'the-question') order by record_type",
    ),
    [
      { record_type: 'faq', record_slug: 'the-question', source_slug: 'a-source' },
      { record_type: 'topic', record_slug: 'emotional-isolation', source_slug: 'a-source' },
    ],
  );
  t.same(all("select topic_slug, note from record_topics where record_type = 'sign' and record_slug = 'numbness' order by topic_slug"), [
    { topic_slug: 'emotional-isolation', note: null },
    { topic_slug: 'emotional-withdrawal', note: 'Why here.' },
  ]);
});

t.test('help: the region, its lines and directory, and the body as the doctor text', async (t) => {
  const { all } = built;
  const rows = all(
    'select slug, region, name, emergency, lines, directory, doctor, reviewed_at, next_review_at from help_regions order by slug',
  );
  t.same(
    rows.map((r) => [r.slug, r.region, r.name, r.reviewed_at, r.next_review_at]),
    [
      ['gb', 'GB', 'Anywhere else', '2026-01-01', '2027-01-01'],
      ['international', null, 'Anywhere else', '2026-01-01', '2027-01-01'],
    ],
  );
  t.same(JSON.parse(rows[0]!.lines as string), [GB_LINE]);
  t.same(JSON.parse(rows[0]!.directory as string), DIRECTORY);
  t.equal(rows[1]!.directory, null);
  t.same(JSON.parse(rows[0]!.emergency as string), { text: 'Call your local emergency number.' });
  t.same(JSON.parse(rows[0]!.doctor as string), { ...(helpData().doctor as object), text: 'See a GP.' });
});

t.test('search documents: plain text of each record, a topic with its definition first', async (t) => {
  const { all } = built;
  const docs = all('select type, slug, title, keywords, people_say, summary, body from search_documents order by type, slug');
  t.same(
    docs.map((d) => `${String(d.type)}:${String(d.slug)}`),
    [
      'faq:the-question',
      'sign:numbness',
      'sign:ordered',
      'topic:emotional-detachment',
      'topic:emotional-isolation',
      'topic:emotional-withdrawal',
    ],
  );
  t.same(docs[1], {
    type: 'sign',
    slug: 'numbness',
    title: 'Numbness',
    keywords: '["numb"]',
    people_say: '["feeling flat"]',
    summary: 'Feelings seem far away.',
    body: 'Feelings can seem muted.',
  });
  t.match(docs[4], { title: 'Topic emotional-isolation', body: 'The definition of emotional-isolation.\nAbout emotional-isolation.' });
});

t.test('the change log and what the store was built from are stored', async (t) => {
  const { seed, result, all } = built;
  t.match(all('select position, version, at from content_versions order by position'), [
    { position: 0, version: /^[0-9a-f]{16}$/, at: '2026-11-01T10:00:00Z' },
    { position: 1, version: result.version, at: '2026-11-02T10:00:00Z' },
  ]);
  const changes = all(
    'select version_position, position, type, slug, change, new_slug from content_changes order by version_position, position',
  );
  t.same(changes.slice(-1), [
    { version_position: 1, position: 0, type: 'faq', slug: 'a-question', change: 'renamed', new_slug: 'the-question' },
  ]);
  t.same(changes.slice(0, 2), [
    { version_position: 0, position: 0, type: 'topic', slug: 'emotional-detachment', change: 'created', new_slug: null },
    { version_position: 0, position: 1, type: 'topic', slug: 'emotional-isolation', change: 'created', new_slug: null },
  ]);
  const meta = Object.fromEntries(all('select key, value from store_meta').map((r) => [r.key, r.value]));
  t.equal(meta.content_version, result.version);
  t.equal(meta.change_log, changeLogHash(seed.root));
  t.ok(Math.abs(Date.parse(meta.built_at as string) - Date.now()) < 60_000, 'built_at is now');
});

t.test('a failed build leaves the old store and no temporary files', async (t) => {
  // A store of its own: this test rebuilds it.
  const { seed, storePath, all } = buildTinyStore(t);
  const dir = join(storePath, '..');
  seed.write('signs/numbness.md', markdown(signData({ kind: 'astrology' })));
  t.throws(() => buildStore({ seedDir: seed.root, migrationsDir: MIGRATIONS_DIR, storePath }), SeedError);
  seed.write('signs/numbness.md', markdown(signData()));
  t.throws(
    () => buildStore({ seedDir: seed.root, migrationsDir: join(dir, 'no-migrations'), storePath }),
    { message: /_journal\.json/ },
    'a build failing while writing reports why, not its clean-up',
  );
  t.same(readdirSync(dir), ['content.db']);
  t.equal(all('select count(*) as n from signs')[0]!.n, 2, 'the old store still answers');
});

t.test("leftovers of killed builds are removed; a running build's and other files are kept", async (t) => {
  const dir = scratchDir(t);
  const storePath = join(dir, 'content.db');
  t.same(removeStaleBuilds(join(dir, 'missing', 'content.db')), [], 'no folder yet: nothing to do');
  // pid 1 always runs; a pid above the kernel's maximum never does; this process's own are left from an earlier failed attempt.
  const dead = 2 ** 22 + 1;
  const names = {
    removed: [`content.db.building-${dead}`, `content.db.building-${dead}-journal`, `content.db.building-${process.pid}`],
    kept: [
      'content.db.building-1',
      'content.db.building-1-journal',
      `contentXdb.building-${dead}`,
      `content.db.building-${dead}.bak`,
      `old-content.db.building-${dead}`,
      'content.db.building-',
      'content.db',
    ],
  };
  for (const name of [...names.removed, ...names.kept]) writeFileSync(join(dir, name), 'partial');
  t.same(removeStaleBuilds(storePath).sort(), [...names.removed].sort());
  t.same(readdirSync(dir).sort(), [...names.kept].sort());
});

t.test('a build run by another user is kept: its pid exists but cannot be signalled (EPERM)', async (t) => {
  const dir = scratchDir(t);
  const otherUsers = 2 ** 22 + 2;
  const dead = 2 ** 22 + 3;
  const kill = process.kill.bind(process);
  t.intercept(process, 'kill', {
    value: (pid: number, signal?: string | number) => {
      if (pid === otherUsers) throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
      return kill(pid, signal);
    },
  });
  for (const pid of [otherUsers, dead]) writeFileSync(join(dir, `content.db.building-${pid}`), 'partial');
  t.same(removeStaleBuilds(join(dir, 'content.db')), [`content.db.building-${dead}`]);
  t.same(readdirSync(dir), [`content.db.building-${otherUsers}`]);
});

t.test('a build clears leftovers of killed builds beside its store', async (t) => {
  const seed = tinySeed(t);
  const dir = scratchDir(t);
  const leftover = join(dir, `content.db.building-${2 ** 22 + 1}`);
  writeFileSync(leftover, 'partial');
  buildStore({ seedDir: seed.root, migrationsDir: MIGRATIONS_DIR, storePath: join(dir, 'store', 'content.db') });
  t.ok(existsSync(leftover), 'not beside this store');
  buildStore({ seedDir: seed.root, migrationsDir: MIGRATIONS_DIR, storePath: join(dir, 'content.db') });
  t.same(readdirSync(dir).sort(), ['content.db', 'store']);
});

// Equivalent mutants, left: `force` on the removals of a file just listed or just created (it
// exists), closing the database only when open (closing twice is allowed, and an open handle to a
// removed file is invisible on Linux), drizzle's `{ schema }` (inserts do not use it), `newSlug`
// taken from every change (a created or updated change has none, stored as null all the same), the
// foreign-key check after the transaction (loadSeed refuses every
// unknown topic and source before anything is written, so no seed can reach it), and the pragmas
// (journal_mode only changes the temporary journal's name; foreign keys are checked again after).
