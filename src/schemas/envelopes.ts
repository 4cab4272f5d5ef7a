import { z } from 'zod';
import { ContentMeta, PageLinks, PageMeta, Problem, SelfLink } from './common.js';
import { CrisisNotice } from './crisis.js';

const META_EXAMPLE = {
  disclaimer: 'This content is for general education only. It is not a diagnosis and is not a substitute for advice, diagnosis or treatment from a qualified health professional.',
  crisis: z.globalRegistry.get(CrisisNotice)?.example,
  contentVersion: '6149d7b7b4cb0b21',
};

// Envelope examples reuse the example registered on the record's own component.
const exampleOf = (schema: z.ZodType) => z.globalRegistry.get(schema)?.example as { href?: string } | undefined;

export const itemEnvelope = <T extends z.ZodType>(data: T) => {
  const example = exampleOf(data);
  return z.object({ data, meta: ContentMeta, links: SelfLink }).meta({
    example: { data: example, meta: META_EXAMPLE, links: { self: example?.href ?? '/v1/…' } },
  });
};

/** A page of `data`; the example's links page through `path` (by default, the collection of the example's `href`). */
export const pageEnvelope = <T extends z.ZodType>(data: T, path?: string) => {
  const example = exampleOf(data);
  path ??= example?.href?.replace(/\/[^/]+$/, '') ?? '/v1/…';
  return z.object({ data: z.array(data), meta: PageMeta, links: PageLinks }).meta({
    example: {
      data: [example],
      meta: { ...META_EXAMPLE, total: 23, limit: 1, offset: 0 },
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
