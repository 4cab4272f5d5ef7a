import { z } from 'zod';
import { SORT_KEYS, TOPIC_SLUGS } from '../content/vocabulary.js';
import { CONTENT_REGISTRY, collectionsOf, type ContentTypeDefinition, type RecordCollection } from '../content/registry.js';
import { BodyFormat } from './common.js';
import { region } from './crisis.js';
import { componentRef, namedEnum } from './enums.js';
import { commaList } from './lists.js';
import { withExample } from './parameters.js';
import { facetsOf, recordFieldOf } from './records.js';
import { SourceField, SourceKind } from './sources.js';
import { INCLUDE_LIMIT, TopicField } from './topics.js';

/**
 * A list of names from a fixed set, the named enum `allowed` (`include`, `fields`, the filters):
 * comma-separated or the key repeated (src/schemas/lists.ts). Unknown names make one issue that
 * names each of them and lists the allowed ones. The document shows an array of the enum's
 * component, so a generated client types it (and rejects a misspelt name);
 * src/openapi/parameters.ts marks it as sent comma-separated.
 */
export const nameList = <E extends z.ZodEnum<Readonly<Record<string, string>>>>(allowed: E, noun: string) => {
  const names = allowed.options as readonly string[];
  return commaList(z.string())
    .superRefine((given, ctx) => {
      const unknown = given.filter((n) => !names.includes(n));
      if (unknown.length === 0) return;
      const named =
        unknown
          .slice(0, 10)
          .map((n) => `"${n.slice(0, 40)}"`)
          .join(', ') + (unknown.length > 10 ? ', …' : '');
      ctx.addIssue({
        code: 'custom',
        message: `names unknown ${noun}${unknown.length > 1 ? 's' : ''} ${named}; must be one of ${names.join(', ')}`,
      });
    })
    .pipe(z.array(allowed))
    .meta({ type: 'array', items: componentRef(allowed) });
};

/** A sparse fieldset over the names of `fields`: `what` is trimmed, and `note` says anything particular to it. */
export const fieldsParam = <E extends z.ZodEnum<Readonly<Record<string, string>>>>(fields: E, what = 'each item', note = '') =>
  withExample(
    nameList(fields, 'field')
      .optional()
      .describe(
        `Sparse fieldset (comma-separated, or the parameter repeated): ${what} carries only these fields, plus \`type\`, \`slug\` and \`href\`; the envelope (\`meta\`, \`links\`) is unchanged. Without it, every field.${note} Unknown names are a 400 naming them. A trimmed item is the same schema with the other fields left out, so a client typed from this document must not read them (see \`x-sparse-fieldset\` on the response).`,
      ),
    // Two fields every item of the kind has, for the docs' example.
    ['title', 'summary', 'citation'].filter((name) => (fields.options as readonly string[]).includes(name)).slice(0, 2),
  );

/** What a query schema fills in for a parameter that is not given (canonical URLs leave those out). */
export function defaultsOf(schema: z.ZodObject): Readonly<Record<string, unknown>> {
  const defaults: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[name] = parsed.data;
  }
  return Object.freeze(defaults);
}

export const limit = withExample(
  z.coerce
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1, 'must be a whole number from 1 to 100')
    .max(100, 'must be a whole number from 1 to 100')
    .default(20)
    .describe('Page size, 1–100.'),
  50,
);

export const offset = withExample(
  z.coerce
    .number({ error: 'must be a whole number, 0 or more' })
    .int('must be a whole number, 0 or more')
    .min(0, 'must be a whole number, 0 or more')
    .max(1_000_000, 'must be at most 1000000')
    .default(0)
    .describe('Index of the first record to return.'),
  20,
);

export const format = withExample(
  BodyFormat.default('markdown').describe('How bodies are returned: `markdown` (source), `html` (rendered, sanitised) or `text` (plain).'),
  'html',
);

/** The topics' slugs: topics are content, but their slugs are fixed (the seed must have exactly these). */
export const TopicSlug = namedEnum('TopicSlug', TOPIC_SLUGS, 'The slug of one of the three topics.');

export const topicFilter = withExample(
  nameList(TopicSlug, 'topic')
    .optional()
    .describe(`Only records linked to any of these topics (comma-separated, or the parameter repeated): ${TOPIC_SLUGS.join(', ')}.`),
  ['emotional-isolation', 'emotional-withdrawal'],
);

/**
 * `key` or `-key` (descending) from a fixed set, as the named enum `id`, parsed once into
 * `{ key, descending }`. The first key is the default.
 */
const sortParam = <const K extends string>(id: string, keys: readonly [K, ...K[]], description: string, example: `-${K}`) => {
  const values = keys.flatMap((k) => [k, `-${k}`]) as [K | `-${K}`, ...(K | `-${K}`)[]];
  const named = namedEnum(id, values, 'A sort key, or `-` and a sort key for descending.', `must be one of ${values.join(', ')}`);
  const [first] = named.options;
  if (first === undefined) throw new Error(`The sort ${id} has no keys.`);
  return withExample(
    named
      .default(first)
      .describe(description)
      .transform((value) => ({ key: value.replace(/^-/, '') as K, descending: value.startsWith('-') })),
    example,
  );
};

export const sort = sortParam(
  'RecordSort',
  SORT_KEYS,
  'Sort key; prefix with `-` for descending. `order` is the editorial order.',
  '-reviewedAt',
);

const facetFilters = (entry: ContentTypeDefinition) =>
  Object.fromEntries(
    Object.entries(facetsOf(entry)).map(([name, values]) => [
      name,
      withExample(
        nameList(values, `${name} value`)
          .optional()
          .describe(`Only records whose ${name} is any of (comma-separated, or the parameter repeated): ${values.options.join(', ')}.`),
        values.options.slice(0, 1),
      ),
    ]),
  ) as Record<string, z.ZodOptional>;

/** A content type's list query: topic, its facets, then paging, format and fields. */
export const listQuery = (entry: ContentTypeDefinition) =>
  z.strictObject({
    topic: topicFilter,
    ...facetFilters(entry),
    sort,
    limit,
    offset,
    format,
    region,
    fields: fieldsParam(recordFieldOf(entry)),
  });

export const itemQuery = (entry: ContentTypeDefinition) =>
  z.strictObject({ format, region, fields: fieldsParam(recordFieldOf(entry), 'the record') });

export const INCLUDABLE = collectionsOf(CONTENT_REGISTRY);
export const Collection = namedEnum(
  'Collection',
  INCLUDABLE as [RecordCollection, ...RecordCollection[]],
  'A collection of records under /v1.',
);
export const topicQuery = z.strictObject({
  include: withExample(
    nameList(Collection, 'collection')
      .optional()
      .describe(
        `Related collections to expand (comma-separated, or the parameter repeated): ${INCLUDABLE.join(', ')}. Each one named gets \`related.<collection>.items\` (the first ${INCLUDE_LIMIT} records in editorial order, an empty array when \`count\` is 0); a collection not named has no \`items\`. Unknown names are a 400 naming them.`,
      ),
    ['signs', 'strategies'],
  ),
  format,
  region,
  fields: fieldsParam(
    TopicField,
    'each topic',
    ' It trims topics only: records expanded by `include` are whole, and show only when `related` is among the fields.',
  ),
});
export const topicListQuery = topicQuery.extend({ limit, offset });

export const sourceListQuery = z.strictObject({
  kind: withExample(
    nameList(SourceKind, 'kind')
      .optional()
      .describe('Only sources of these kinds (comma-separated, or the parameter repeated): article, reference.'),
    ['article'],
  ),
  sort: sortParam('SourceSort', ['order', 'title', 'slug'], 'Sort key; prefix with `-` for descending.', '-title'),
  limit,
  offset,
  region,
  fields: fieldsParam(SourceField),
});

export const sourceItemQuery = z.strictObject({ region, fields: fieldsParam(SourceField, 'the source') });

/** The `slug` path parameter, with an example of the collection's own. */
export const slugParams = (example: string) =>
  z.strictObject({ slug: withExample(z.string().max(200).describe("The record's stable slug."), example) });
