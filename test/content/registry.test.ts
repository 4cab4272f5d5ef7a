import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import t from 'tap';
import { CONTENT_REGISTRY, defineContentType, facet } from '../../src/content/registry.js';
import * as schema from '../../src/db/schema.js';
import { buildStore } from '../../src/seed/build.js';
import { seedSchemaOf } from '../../src/seed/schemas.js';
import { recordSchemaOf } from '../../src/schemas/records.js';
import { topicRelatedOf } from '../../src/schemas/topics.js';
import { copySeed, MIGRATIONS_DIR, scratchDir } from '../helpers/store.js';
import { buildOn } from '../helpers/app.js';

// Adding a content type is one registry entry, its seed folder and a generated migration: this
// builds a throwaway type through a test-only registry, end to end, with nothing patched.
const tips = defineContentType({
  collection: 'tips',
  type: 'tip',
  label: 'Tips',
  itemLabel: 'Tip',
  description: 'Test-only tips.',
  embed: false,
  facets: { pace: facet(['quick', 'slow'], { quick: 'Quick', slow: 'Slow' }, 'How long the tip takes.', 'quick') },
  extra: {
    timeNeeded: { description: 'How much time to set aside.', optional: false },
    note: { description: 'An aside.', optional: true },
  },
  api: {
    id: 'TestTip',
    description: 'A test-only tip.',
    example: { slug: 'a-tip', title: 'A tip', summary: 'A test tip.', pace: 'slow', timeNeeded: 'A minute', note: 'None' },
  },
});
const registry = [...CONTENT_REGISTRY, tips];

t.test('every derivation takes the entry: seed schema, table and API schema', async (t) => {
  const seed = seedSchemaOf(tips);
  const parsed = seed.parse({
    title: 'T',
    summary: 'S',
    sources: [{ slug: 'x', supports: 'A.' }],
    topics: ['emotional-withdrawal'],
    reviewedAt: '2026-01-01',
    nextReviewAt: '2027-01-01',
    reviewType: 'editorial',
    timeNeeded: 'A minute',
  });
  t.equal((parsed as Record<string, unknown>).pace, 'quick', 'the facet default fills in');
  t.notOk(seed.safeParse({ ...parsed, pace: 'fast' }).success, 'a value outside the facet is refused');
  t.notOk(seed.safeParse({ ...parsed, timeNeeded: undefined }).success, 'a required extra field is required');

  const columns = getTableConfig(schema.recordTableOf(tips)).columns.map((c) => `${c.name}${c.notNull ? '!' : ''}`);
  t.same(columns.slice(-3), ['pace!', 'time_needed!', 'note'], 'facet and extra columns follow the shared ones');

  const api = recordSchemaOf(tips);
  t.same(Object.keys(api.shape).slice(-3), ['pace', 'timeNeeded', 'note']);
  t.equal(recordSchemaOf(tips), api, 'one schema object per entry (one OpenAPI component)');
  t.match(api.meta()?.example, { type: 'tip', slug: 'a-tip', href: '/v1/tips/a-tip', pace: 'slow', note: 'None' });
  t.ok('tips' in topicRelatedOf(registry).shape, 'the topic `related` block gains the type');
});

t.test('drizzle-kit sees every table of the app registry (src/db/schema.ts names each one)', async (t) => {
  const exported = schema as unknown as Record<string, unknown>;
  for (const entry of CONTENT_REGISTRY) t.equal(exported[entry.collection], schema.recordTableOf(entry), entry.collection);
});

t.test('a throwaway type is built into a store and served', async (t) => {
  // The migration drizzle-kit generates for the new table (what `npm run db:generate` writes).
  const migrations = join(scratchDir(t), 'migrations');
  cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
  const before = await generateSQLiteDrizzleJson(schema);
  const after = await generateSQLiteDrizzleJson({ ...schema, tips: schema.recordTableOf(tips) });
  const statements = await generateSQLiteMigration(before, after);
  t.match(statements.join('\n'), /CREATE TABLE `tips`[^]*`time_needed` text NOT NULL/);
  writeFileSync(join(migrations, '9999_tips.sql'), statements.join('\n--> statement-breakpoint\n'));
  const journalPath = join(migrations, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: object[] };
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: '9999_tips', breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));

  const seedDir = copySeed(t);
  mkdirSync(join(seedDir, 'tips'));
  const source = 'withdrawal-article';
  writeFileSync(
    join(seedDir, 'tips/slow-tip.md'),
    `---\ntitle: A slow tip\nsummary: A tip that takes a while.\ntopics: [emotional-withdrawal]\nsources: [{ slug: ${source}, supports: The tip. }]\npace: slow\ntimeNeeded: An afternoon\nreviewedAt: 2026-11-22\nnextReviewAt: 2027-11-22\nreviewType: editorial\n---\nThe body of the tip.\n`,
  );
  writeFileSync(
    join(seedDir, 'tips/quick-tip.md'),
    `---\ntitle: A quick tip\nsummary: A tip that takes a minute.\ntopics: [emotional-isolation]\nsources: [{ slug: ${source}, supports: The tip. }]\ntimeNeeded: A minute\nnote: An aside\nreviewedAt: 2026-11-22\nnextReviewAt: 2027-11-22\nreviewType: editorial\n---\nThe body.\n`,
  );
  const storePath = join(scratchDir(t), 'content.db');
  const { counts } = buildStore({ seedDir, migrationsDir: migrations, storePath, registry });
  t.equal(counts.tips, 2);

  const app = await buildOn(t, storePath, {}, {}, registry);

  const list = await app.inject('/v1/tips');
  t.equal(list.statusCode, 200);
  const items = list.json().data as Record<string, unknown>[];
  t.same(
    items.map((i) => [i.slug, i.pace, i.timeNeeded, i.note]),
    [
      ['quick-tip', 'quick', 'A minute', 'An aside'],
      ['slow-tip', 'slow', 'An afternoon', null],
    ],
  );
  t.ok(list.json().meta.disclaimer, 'with the disclaimer');

  const filtered = await app.inject('/v1/tips?pace=slow&fields=title');
  t.same(
    filtered.json().data,
    [{ type: 'tip', slug: 'slow-tip', title: 'A slow tip', href: '/v1/tips/slow-tip' }],
    'its facet filters and its fields are derived',
  );
  const bad = await app.inject('/v1/tips?pace=fast');
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors, [{ name: 'pace' }]);

  const item = await app.inject('/v1/tips/slow-tip?format=text');
  t.equal(item.statusCode, 200);
  t.match(item.json().data, {
    type: 'tip',
    title: 'A slow tip',
    body: 'The body of the tip.',
    pace: 'slow',
    topics: [{ slug: 'emotional-withdrawal' }],
    sources: [{ slug: source }],
  });
  t.equal((await app.inject('/v1/tips/no-such-tip')).statusCode, 404);

  const spec = (await app.inject('/openapi.json')).json();
  t.ok(spec.paths['/v1/tips'] && spec.paths['/v1/tips/{slug}'], 'the operations are documented');
  t.ok(spec.components.schemas.TestTip, 'with the type as a component');
});
