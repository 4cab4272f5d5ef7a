import { z } from 'zod';
import { CONTENT_META_EXAMPLE, ContentMeta, PageLinks, PageMeta, Problem, SelfLink } from './common.js';

// Envelope examples reuse the example registered on the record's own component.
const exampleOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.example as { href?: string } | undefined;

// `description` becomes the 200 response's description in the OpenAPI document (routes give one;
// test/openapi.test.ts checks that none is left at the default).
export const itemEnvelope = <T extends z.ZodType>(data: T, description?: string) => {
  const example = exampleOf(data);
  return z.object({ data, meta: ContentMeta, links: SelfLink }).meta({
    ...(description ? { description } : {}),
    example: { data: example, meta: CONTENT_META_EXAMPLE, links: { self: example?.href ?? '/v1/…' } },
  });
};

export const pageEnvelope = <T extends z.ZodType>(data: T, description?: string) => {
  const example = exampleOf(data);
  const path = example?.href?.replace(/\/[^/]+$/, '') ?? '/v1/…';
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
/** The same for operations on one item, which also answer 404. (One literal type each: a 404
 * spread in conditionally would be optional, and an optional schema turns the reply type into
 * `unknown`, unchecking every handler.) */
export const itemProblemResponses = { ...problemResponses, 404: Problem } as const;
