import { z } from 'zod';
import { CONTENT_REGISTRY, type ContentTypeDefinition, type RecordCollection, type Registry } from '../content/registry.js';
import { BodyFormat, RecordRef, ReviewType, Signposts, SourceRef, TopicRef } from './common.js';
import { namedEnum } from './enums.js';

const date = z.iso.date();

const recordFields = {
  slug: z.string().describe('Stable public id; never changes once published.'),
  title: z.string(),
  summary: z.string().describe('One or two plain-language sentences.'),
  body: z.string().describe('Full text in the requested `format`.'),
  bodyFormat: BodyFormat,
  topics: z.array(TopicRef),
  sources: z.array(SourceRef).min(1).describe('The works this record is based on.'),
  reviewedAt: date.describe('When the record was last reviewed (see `reviewType` for what kind of review).'),
  nextReviewAt: date.describe('When the record is next due for review.'),
  reviewType: ReviewType,
  signposts: Signposts,
  relatedRecords: z.array(RecordRef).describe('Records to read next, chosen by the editors.'),
  href: z.string().describe('This record in the API.'),
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A type's facets as API fields, one named enum each (`SignKind`, `StrategyCategory`); the list
 * endpoints filter on exactly these.
 */
export const facetsOf = (entry: ContentTypeDefinition): Record<string, z.ZodEnum<Record<string, string>>> =>
  Object.fromEntries(
    Object.entries(entry.facets).map(([name, f]) => [name, namedEnum(`${entry.api.id}${capitalise(name)}`, f.values, f.description)]),
  );

/** A type's own text fields: a string, or null where the seed may leave it out. */
const extraOf = (entry: ContentTypeDefinition): Record<string, z.ZodType> =>
  Object.fromEntries(
    Object.entries(entry.extra).map(([name, x]) => [name, (x.optional ? z.string().nullable() : z.string()).describe(x.description)]),
  );

const ref = (collection: string, slug: string, title: string) => ({ slug, title, note: null, href: `/v1/${collection}/${slug}` });
const exampleBase = (collection: string, type: string, slug: string, title: string, summary: string) => ({
  type,
  slug,
  title,
  summary,
  body: `${summary}\n\n- …`,
  bodyFormat: 'markdown',
  topics: [ref('topics', 'emotional-withdrawal', 'Emotional withdrawal')],
  sources: [
    {
      slug: 'withdrawal-article',
      title: 'Recovering from Emotional Withdrawal',
      publisher: 'TalkToAngel',
      url: 'https://www.talktoangel.com/blog/recovering-from-emotional-withdrawal',
      doi: null,
      authority: 'secondary',
      supports: 'The steps toward reconnecting described in the body.',
      citation:
        'Tete, S. (n.d.). Recovering from emotional withdrawal. TalkToAngel. https://www.talktoangel.com/blog/recovering-from-emotional-withdrawal',
      href: '/v1/sources/withdrawal-article',
    },
  ],
  reviewedAt: '2026-11-22',
  nextReviewAt: '2027-11-22',
  reviewType: 'editorial',
  signposts: [],
  relatedRecords: [],
  href: `/v1/${collection}/${slug}`,
});

// One schema object per entry (memoised), so a test's registry that reuses an entry reuses its
// schema rather than registering a second component of the same name.
const schemaCache = new WeakMap<ContentTypeDefinition, ReturnType<typeof buildRecordSchema>>();
const buildRecordSchema = (entry: ContentTypeDefinition) => {
  const { slug, title, summary, ...own } = entry.api.example;
  return z.object({ type: z.literal(entry.type), ...recordFields, ...facetsOf(entry), ...extraOf(entry) }).meta({
    id: entry.api.id,
    description: entry.api.description,
    example: { ...exampleBase(entry.collection, entry.type, slug, title, summary), ...own },
  });
};

/** A content type's API shape, with its component name, description and example. */
export function recordSchemaOf(entry: ContentTypeDefinition) {
  let schema = schemaCache.get(entry);
  if (!schema) schemaCache.set(entry, (schema = buildRecordSchema(entry)));
  return schema;
}

/** The names of a type's fields, as the enum its `fields` parameter takes (`SignField`). */
export const recordFieldOf = (entry: ContentTypeDefinition) =>
  namedEnum(
    `${entry.api.id}Field`,
    Object.keys(recordSchemaOf(entry).shape) as [string, ...string[]],
    `A field of a ${entry.type} record, as \`fields\` names it.`,
  );

/** A registry's API shapes, by collection. */
export const recordSchemasOf = <R extends Registry>(registry: R) =>
  Object.fromEntries(registry.map((t) => [t.collection, recordSchemaOf(t)])) as Record<
    R[number]['collection'],
    ReturnType<typeof recordSchemaOf>
  >;

export const RECORD_SCHEMAS = recordSchemasOf(CONTENT_REGISTRY);
export type RecordSchemas = typeof RECORD_SCHEMAS;

/** Each type's facet fields, by collection (the list filters and the vocabulary test read them). */
export const FACETS = Object.fromEntries(CONTENT_REGISTRY.map((t) => [t.collection, facetsOf(t)])) as Record<
  RecordCollection,
  ReturnType<typeof facetsOf>
>;

/** A record as the API sends it: one of the per-type shapes above. */
export type RecordPayload = z.input<RecordSchemas[RecordCollection]>;
