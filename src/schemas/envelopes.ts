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

export const pageEnvelope = <T extends z.ZodType>(data: T) => {
  const example = exampleOf(data);
  const path = example?.href?.replace(/\/[^/]+$/, '') ?? '/v1/…';
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

/** A documented error response: RFC 9457 problem+json. */
export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const problem = problemResponse;

/** The error responses every content operation documents. */
export const problemResponses = (options: { notFound?: boolean } = {}) => ({
  400: problem('A parameter is invalid, unknown or repeated; `errors` lists each one.'),
  401: problem('The X-API-Key header holds no valid partner key (omit it for the keyless tier).'),
  ...(options.notFound ? { 404: problem('No record has this slug.') } : {}),
  406: problem('The Accept header does not allow JSON.'),
  429: problem('Rate limit exceeded; retry after the number of seconds in Retry-After. RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset and RateLimit-Policy describe the quota on every response.'),
});
