import { z } from 'zod';
import { SLUG_PATTERN, SOURCE_KINDS } from '../content/vocabulary.js';
import { RECORD_COLLECTIONS, type RecordCollection } from '../seed/schemas.js';
import { region } from './crisis.js';
import { FACETS } from './records.js';

// Multi-valued filters are comma-separated (topic=a,b); a repeated parameter is an error. Each
// names a set ("any of"), so the parsed list is sorted and without repeats: one spelling per
// meaning for cache keys and links.
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))].sort())
    .pipe(z.array(item).min(1, 'must name at least one value'));

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

export const SORT_KEYS = ['order', 'title', 'slug', 'reviewedAt', 'nextReviewAt'] as const;

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

const facetFilters = (collection: RecordCollection) =>
  Object.fromEntries(
    Object.entries(FACETS[collection]).map(([name, values]) => [
      name,
      commaList(values)
        .optional()
        .describe(`Only records whose ${name} is any of (comma-separated): ${values.options.join(', ')}.`),
    ]),
  ) as Record<string, z.ZodOptional>;

export const listQuery = (collection: RecordCollection) =>
  z.strictObject({ topic: topicFilter, ...facetFilters(collection), sort, limit, offset, format, region });

export const LIST_QUERIES = Object.fromEntries(RECORD_COLLECTIONS.map((c) => [c, listQuery(c)])) as Record<
  RecordCollection,
  ReturnType<typeof listQuery>
>;

export const itemQuery = z.strictObject({ format, region });

export const INCLUDABLE = RECORD_COLLECTIONS;
/** Most records expanded per related collection by `include` (the default page size); `href` pages through all of them. */
export const INCLUDE_LIMIT = 20;
export const topicQuery = z.strictObject({
  include: commaList(z.enum(INCLUDABLE, { error: `must be one of ${INCLUDABLE.join(', ')}` }))
    .optional()
    .describe(`Related collections to expand in full (comma-separated): ${INCLUDABLE.join(', ')}.`),
  format,
  region,
});
export const topicListQuery = topicQuery.extend({ limit, offset });

export const sourceListQuery = z.strictObject({
  kind: commaList(z.enum(SOURCE_KINDS)).optional().describe('Only sources of these kinds: article, reference.'),
  sort: sortParam(['order', 'title', 'slug'] as const, 'Sort key; prefix with `-` for descending.'),
  limit,
  offset,
  region,
});

export const slugParams = z.strictObject({ slug: z.string().max(200).describe('The record\'s stable slug.') });
