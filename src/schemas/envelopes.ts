import { z } from 'zod';
import { CONTENT_META_EXAMPLE, ContentMeta, ItemLinks, PageLinks, PageMeta, Problem } from './common.js';

// Envelope examples reuse the example registered on the item's own component.
const exampleOf = (schema: z.ZodType): { href?: string } | undefined =>
  z.globalRegistry.get(schema)?.example as { href?: string } | undefined;

// Items are declared whole: every field required, as a client that does not use `fields` gets
// them. An answer trimmed by `fields` is the same schema with the fields not named left out; the
// OpenAPI document says so on each such response (`x-sparse-fieldset`, src/openapi/sparse-fieldsets.ts)
// rather than making every field optional for every client (docs/generated-clients.md).

// `description` becomes the 200 response's description in the OpenAPI document (routes give one;
// test/openapi.test.ts checks that none is left at the default).
export const itemEnvelope = <T extends z.ZodType>(data: T, description?: string) => {
  const example = exampleOf(data);
  const self = example?.href ?? '/v1/…';
  return z.object({ data, meta: ContentMeta, links: ItemLinks }).meta({
    ...(description ? { description } : {}),
    example: { data: example, meta: CONTENT_META_EXAMPLE, links: { self, html: self.replace(/^\/v1/, '') } },
  });
};

/**
 * A page of `data`. `description` becomes the 200 response's; the example's links page through
 * `path` (by default, the collection of the example's `href`).
 */
export const pageEnvelope = <T extends z.ZodType>(data: T, description?: string, path?: string) => {
  const example = exampleOf(data);
  path ??= example?.href?.replace(/\/[^/]+$/, '') ?? '/v1/…';
  return z.object({ data: z.array(data), meta: PageMeta, links: PageLinks }).meta({
    ...(description ? { description } : {}),
    example: {
      data: [example],
      meta: { ...CONTENT_META_EXAMPLE, total: 23, limit: 1, offset: 0 },
      links: {
        self: `${path}?limit=1&offset=0`,
        first: `${path}?limit=1&offset=0`,
        last: `${path}?limit=1&offset=22`,
        prev: null,
        next: `${path}?limit=1&offset=1`,
      },
    },
  });
};

/** A documented error response in the spec's own words (oEmbed's, whose 200 is not a zod schema). */
export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/**
 * The error responses every content operation documents. They are the zod `Problem` itself, so
 * the type provider checks each handler's return against the 200 schema (a described response
 * object would widen it to `unknown`); the OpenAPI document gets their media type, description and
 * example per status from `describeProblems`.
 */
export const problemResponses = { 400: Problem, 401: Problem, 406: Problem, 429: Problem } as const;
/** The same for operations on one item, which also answer 404, and 410 for a removed record's
 * slug (or a renamed one's after its sunset; until then it answers 301, documented by
 * src/openapi/moved.ts). (One literal type each: a 404 spread in conditionally would be
 * optional, and an optional schema turns the reply type into `unknown`, unchecking every handler.) */
export const itemProblemResponses = { ...problemResponses, 404: Problem, 410: Problem } as const;
