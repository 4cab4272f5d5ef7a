import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CONTENT_REGISTRY, columnName, type ContentTypeDefinition, type Registry } from '../content/registry.js';
import { CHANGE_KINDS, REVIEW_TYPES, SOURCE_AUTHORITIES, SOURCE_KINDS } from '../content/vocabulary.js';
import type { SeedHelp, SignpostKind } from '../content/help-directory.js';

// Columns every published record shares (topics too); each content type adds its own facets.
const recordColumns = () => ({
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  keywords: text('keywords', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  sortOrder: integer('sort_order').notNull(),
  reviewedAt: text('reviewed_at').notNull(),
  nextReviewAt: text('next_review_at').notNull(),
  reviewType: text('review_type', { enum: REVIEW_TYPES }).notNull(),
  // Help the record points its readers to, by kind (each region's services come from the help directory).
  signposts: text('signposts', { mode: 'json' })
    .$type<SignpostKind[]>()
    .notNull()
    .default(sql`'[]'`),
  // Records to read next, as collection/slug.
  related: text('related', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
});

/** The names of the columns every record shares: the repository reads these as they are, and the rest of a row as the type's own fields. */
export const SHARED_RECORD_COLUMNS = Object.keys(recordColumns()) as (keyof ReturnType<typeof recordColumns>)[];

export const sources = sqliteTable('sources', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  publisher: text('publisher').notNull(),
  authors: text('authors', { mode: 'json' }).$type<string[]>().notNull(),
  editors: text('editors', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  url: text('url'),
  doi: text('doi'),
  accessed: text('accessed'),
  published: text('published'),
  updated: text('updated'),
  container: text('container'),
  volume: text('volume'),
  issue: text('issue'),
  pages: text('pages'),
  kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
  authority: text('authority', { enum: SOURCE_AUTHORITIES }).notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const topics = sqliteTable('topics', {
  ...recordColumns(),
  definition: text('definition').notNull(),
  keyPoints: text('key_points', { mode: 'json' }).$type<string[]>().notNull(),
});

// "How it differs": a topic compared with another topic or with a wider concept (loneliness).
export const topicComparisons = sqliteTable(
  'topic_comparisons',
  {
    topicSlug: text('topic_slug')
      .notNull()
      .references(() => topics.slug),
    position: integer('position').notNull(),
    otherTopicSlug: text('other_topic_slug').references(() => topics.slug),
    concept: text('concept'),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicSlug, t.position] })],
);

// A content type's table, from its registry entry: the shared columns, then a required column
// per facet and a text column per extra field, in the entry's order. Built once per entry, so
// every registry holding it (the app's, a test's) shares the one table object.
const recordTableCache = new WeakMap<ContentTypeDefinition, ReturnType<typeof buildRecordTable>>();
const buildRecordTable = (entry: ContentTypeDefinition) =>
  sqliteTable(entry.collection, {
    ...recordColumns(),
    ...Object.fromEntries(Object.entries(entry.facets).map(([name, f]) => [name, text(columnName(name), { enum: f.values }).notNull()])),
    ...Object.fromEntries(
      Object.entries(entry.extra).map(([name, x]) => [name, x.optional ? text(columnName(name)) : text(columnName(name)).notNull()]),
    ),
  });

export function recordTableOf(entry: ContentTypeDefinition) {
  let table = recordTableCache.get(entry);
  if (!table) recordTableCache.set(entry, (table = buildRecordTable(entry)));
  return table;
}

/** A registry's tables, by collection. */
export const recordTablesOf = <R extends Registry>(registry: R) =>
  Object.fromEntries(registry.map((t) => [t.collection, recordTableOf(t)])) as Record<
    R[number]['collection'],
    ReturnType<typeof recordTableOf>
  >;

export const RECORD_TABLES = recordTablesOf(CONTENT_REGISTRY);

// drizzle-kit finds tables among this module's named exports only (`npm run db:generate`), so
// each content type's table is named here too; test/db/registry-tables.test.ts checks none is missing.
export const { signs, causes, contexts, strategies, therapies, faqs, impacts, stories } = RECORD_TABLES;

// One link table each for topics and sources: a record is addressed by (type, slug), which is
// how the public API names it too. Topic and source ends are real foreign keys.
export const recordTopics = sqliteTable(
  'record_topics',
  {
    recordType: text('record_type').notNull(),
    recordSlug: text('record_slug').notNull(),
    topicSlug: text('topic_slug')
      .notNull()
      .references(() => topics.slug),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordSlug, t.topicSlug] }), index('record_topics_topic').on(t.topicSlug)],
);

export const recordSources = sqliteTable(
  'record_sources',
  {
    recordType: text('record_type').notNull(),
    recordSlug: text('record_slug').notNull(),
    sourceSlug: text('source_slug')
      .notNull()
      .references(() => sources.slug),
    position: integer('position').notNull(),
    // What the source supports in this record, in the editors' words.
    supports: text('supports'),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordSlug, t.sourceSlug] })],
);

// Texts stored once and served with every content response (disclaimer, crisis guidance).
export const notices = sqliteTable('notices', {
  key: text('key').primaryKey(),
  text: text('text').notNull(),
});

// Help in a crisis by region (seed/help/). The structured parts are JSON validated at build time
// by src/seed/help.ts and read whole: they are only ever served together.
export const helpRegions = sqliteTable('help_regions', {
  slug: text('slug').primaryKey(),
  region: text('region').unique(),
  name: text('name').notNull(),
  emergency: text('emergency', { mode: 'json' }).$type<SeedHelp['emergency']>().notNull(),
  lines: text('lines', { mode: 'json' }).$type<SeedHelp['lines']>().notNull(),
  // Support that is not crisis help (domestic abuse, child protection, talking therapy), by kind.
  services: text('services', { mode: 'json' })
    .$type<SeedHelp['services']>()
    .notNull()
    .default(sql`'[]'`),
  directory: text('directory', { mode: 'json' }).$type<NonNullable<SeedHelp['directory']>>(),
  doctor: text('doctor', { mode: 'json' }).$type<SeedHelp['doctor'] & { text: string }>().notNull(),
  reviewedAt: text('reviewed_at').notNull(),
  nextReviewAt: text('next_review_at').notNull(),
});

export const storeMeta = sqliteTable('store_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// What search indexes, one row per record: its text as plain prose plus the words people use for
// it (`peopleSay`, editorial vocabulary that is searched but never shown). The search repository
// builds its in-memory index from this table when the store opens.
export const searchDocuments = sqliteTable(
  'search_documents',
  {
    type: text('type').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    peopleSay: text('people_say', { mode: 'json' }).$type<string[]>().notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.slug] })],
);

// The content's history from seed/changes.json: each content version in the order it was logged
// (a reverted seed can log a version id again, so the id is not unique), and what each changed.
// GET /v1/changes pages through it; removed and renamed slugs answer 410 and 301 from it.
export const contentVersions = sqliteTable('content_versions', {
  position: integer('position').primaryKey(),
  version: text('version').notNull(),
  at: text('at').notNull(),
});

export const contentChanges = sqliteTable(
  'content_changes',
  {
    versionPosition: integer('version_position')
      .notNull()
      .references(() => contentVersions.position),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    slug: text('slug').notNull(),
    change: text('change', { enum: CHANGE_KINDS }).notNull(),
    newSlug: text('new_slug'),
  },
  (t) => [primaryKey({ columns: [t.versionPosition, t.position] })],
);

// The code map (seed front-matter `codes:`): which clinical codes each topic and record serves,
// ranked per code, with the official title and the editors' one-line reason.
export const recordCodes = sqliteTable(
  'record_codes',
  {
    system: text('system').notNull(),
    code: text('code').notNull(),
    recordType: text('record_type').notNull(),
    recordSlug: text('record_slug').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.code, t.recordType, t.recordSlug] })],
);

// Codes answered with the help directory first, never with content alone (seed/codes/help-first.md).
export const helpFirstCodes = sqliteTable(
  'help_first_codes',
  {
    system: text('system').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.code] })],
);
