import { z } from 'zod';
import { SLUG_PATTERN, SORT_KEYS, SOURCE_KINDS } from '../content/vocabulary.js';
import { CONTENT_REGISTRY, collectionsOf, type ContentTypeDefinition } from '../content/registry.js';
import { region } from './crisis.js';
import { commaList } from './lists.js';
import { facetsOf, recordSchemaOf } from './records.js';
import { Source } from './sources.js';
import { INCLUDE_LIMIT, Topic } from './topics.js';

/**
 * A comma list of names from a fixed set (`include`, `fields`). Unknown names make one issue that
 * names each of them and lists the allowed ones. The spec shows an array of the enum, so a
 * generated client types it (and rejects a misspelt name); `src/openapi/comma-lists.ts` marks it
 * as sent comma-separated.
 */
export const nameList = <const N extends string>(allowed: readonly N[], noun: string) =>
  commaList(z.string())
    .superRefine((names, ctx) => {
      const unknown = names.filter((n) => !(allowed as readonly string[]).includes(n));
      if (unknown.length === 0) return;
      const named =
        unknown
          .slice(0, 10)
          .map((n) => `"${n.slice(0, 40)}"`)
          .join(', ') + (unknown.length > 10 ? ', …' : '');
      ctx.addIssue({
        code: 'custom',
        message: `names unknown ${noun}${unknown.length > 1 ? 's' : ''} ${named}; must be one of ${allowed.join(', ')}`,
      });
    })
    .pipe(z.array(z.enum(allowed as readonly [N, ...N[]])))
    .meta({ type: 'array', items: { type: 'string', enum: [...allowed] } });

/** Names a `fields` parameter accepts for items of this shape: its keys, one source of truth. */
const fieldNames = <S extends z.ZodObject>(schema: S) => Object.keys(schema.shape) as (keyof S['shape'] & string)[];

/** A sparse fieldset over `names`: `what` is trimmed, and `note` says anything particular to it. */
export const fieldsParam = <const N extends string>(names: readonly N[], what = 'each item', note = '') =>
  nameList(names, 'field')
    .optional()
    .describe(
      `Sparse fieldset (comma-separated): ${what} carries only these fields, plus \`type\`, \`slug\` and \`href\`; the envelope (\`meta\`, \`links\`) is unchanged. Without it, every field.${note} Unknown names are a 400 naming them.`,
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

const slugValue = z.string().regex(SLUG_PATTERN, 'must be a slug');

export const limit = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int('must be a whole number from 1 to 100')
  .min(1, 'must be a whole number from 1 to 100')
  .max(100, 'must be a whole number from 1 to 100')
  .default(20)
  .describe('Page size, 1–100.');

export const offset = z.coerce
  .number({ error: 'must be a whole number, 0 or more' })
  .int('must be a whole number, 0 or more')
  .min(0, 'must be a whole number, 0 or more')
  .max(1_000_000, 'must be at most 1000000')
  .default(0)
  .describe('Index of the first record to return.');

export const format = z
  .enum(['markdown', 'html', 'text'], { error: 'must be one of markdown, html, text' })
  .default('markdown')
  .describe('How bodies are returned: `markdown` (source), `html` (rendered, sanitised) or `text` (plain).');

export const topicFilter = commaList(slugValue)
  .optional()
  .describe('Only records linked to any of these topics (comma-separated slugs, e.g. `emotional-isolation,emotional-withdrawal`).');

/** `key` or `-key` (descending) from a fixed set, parsed once into `{ key, descending }`. */
const sortParam = <K extends string>(keys: readonly K[], description: string) => {
  const values = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z
    .enum(values, { error: `must be one of ${values.join(', ')}` })
    .default('order')
    .describe(description)
    .transform((value) => ({ key: value.replace(/^-/, '') as K, descending: value.startsWith('-') }));
};

export const sort = sortParam(SORT_KEYS, 'Sort key; prefix with `-` for descending. `order` is the editorial order.');

const facetFilters = (entry: ContentTypeDefinition) =>
  Object.fromEntries(
    Object.entries(facetsOf(entry)).map(([name, values]) => [
      name,
      commaList(values)
        .optional()
        .describe(`Only records whose ${name} is any of (comma-separated): ${values.options.join(', ')}.`),
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
    fields: fieldsParam(fieldNames(recordSchemaOf(entry))),
  });

export const itemQuery = (entry: ContentTypeDefinition) =>
  z.strictObject({ format, region, fields: fieldsParam(fieldNames(recordSchemaOf(entry)), 'the record') });

export const INCLUDABLE = collectionsOf(CONTENT_REGISTRY);
export const topicQuery = z.strictObject({
  include: nameList(INCLUDABLE, 'collection')
    .optional()
    .describe(
      `Related collections to expand (comma-separated): ${INCLUDABLE.join(', ')}. Each one named gets \`related.<collection>.items\` (the first ${INCLUDE_LIMIT} records in editorial order, an empty array when \`count\` is 0); a collection not named has no \`items\`. Unknown names are a 400 naming them.`,
    ),
  format,
  region,
  fields: fieldsParam(
    fieldNames(Topic),
    'each topic',
    ' It trims topics only: records expanded by `include` are whole, and show only when `related` is among the fields.',
  ),
});
export const topicListQuery = topicQuery.extend({ limit, offset });

export const sourceListQuery = z.strictObject({
  kind: commaList(z.enum(SOURCE_KINDS)).optional().describe('Only sources of these kinds: article, reference.'),
  sort: sortParam(['order', 'title', 'slug'] as const, 'Sort key; prefix with `-` for descending.'),
  limit,
  offset,
  region,
  fields: fieldsParam(fieldNames(Source)),
});

export const sourceItemQuery = z.strictObject({ region, fields: fieldsParam(fieldNames(Source), 'the source') });

export const slugParams = z.strictObject({ slug: z.string().max(200).describe("The record's stable slug.") });
