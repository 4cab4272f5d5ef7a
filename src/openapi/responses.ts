// The HTTP behaviour every client meets, written into the operations it applies to: validators
// and caching on publicly cacheable routes (with their 304), the rate-limit headers and the
// partner key on /v1, where the limiter is registered (src/routes/v1/index.ts). Routes marked
// public carry PUBLIC_CACHE, set from their config by `markPublicCache` when the document is built.

export const PUBLIC_CACHE = 'x-public-cache';

const header = (description: string, schema: object = { type: 'string' }) => ({ description, schema });

export const HEADERS = {
  ETag: header('Strong validator of this representation; send it back in If-None-Match to revalidate (a match is a 304).', {
    type: 'string',
    example: '"pZ0H3xk2mVv8c1y0oQm0bQ"',
  }),
  'Cache-Control': header(
    'How long browsers and shared caches may keep the answer: `public, max-age=300, stale-while-revalidate=86400` by default (errors are `no-store`).',
    { type: 'string', example: 'public, max-age=300, stale-while-revalidate=86400' },
  ),
  Vary: header(
    "Request headers the answer depends on: `Accept` and `Accept-Encoding` (embeds built from the request's origin add `Host, X-Forwarded-Host, X-Forwarded-Proto`).",
    { type: 'string', example: 'Accept, Accept-Encoding' },
  ),
  'RateLimit-Limit': header(
    'Requests allowed per window for this client (its tier: keyless, or partner with a key). Sent while rate limiting is on.',
    { type: 'integer', example: 300 },
  ),
  'RateLimit-Remaining': header('Requests left in the current window.', { type: 'integer', example: 299 }),
  'RateLimit-Reset': header('Seconds until the window resets.', { type: 'integer', example: 42 }),
  'RateLimit-Policy': header('The quota as `limit;w=window-seconds`.', { type: 'string', example: '300;w=60' }),
  'Retry-After': header('Seconds to wait before retrying.', { type: 'integer', example: 42 }),
} as const;

type HeaderName = keyof typeof HEADERS;
const refs = (names: readonly HeaderName[]) => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));

const CACHING: readonly HeaderName[] = ['ETag', 'Cache-Control', 'Vary'];
const QUOTA: readonly HeaderName[] = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'];

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  responses?: Record<string, Response>;
  security?: unknown[];
  [PUBLIC_CACHE]?: boolean;
}
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { description?: string }>; [key: string]: unknown };
};

// @fastify/swagger's placeholder when a response schema names no description of its own.
const PLACEHOLDER = 'Default Response';

/** A response whose schema is a named component takes that component's description. */
function describeByComponent(response: Response, doc: Document): void {
  if (response.description !== PLACEHOLDER) return;
  const ref = Object.values(response.content ?? {})[0]?.schema?.$ref;
  const described = ref && doc.components?.schemas?.[ref.slice(ref.lastIndexOf('/') + 1)]?.description;
  if (described) response.description = described;
}

/** Anonymous, or with a partner key: the key only raises the rate limit. */
const OPTIONAL_KEY = [{}, { partnerKey: [] }];

const NOT_MODIFIED = 'Not modified: the If-None-Match header matches the current ETag. No body; use the representation you have.';

/** Marks an operation whose route is publicly cacheable (a `transform` step of @fastify/swagger). */
export function markPublicCache<T extends { schema: object }>(transformed: T, routeConfig: { publicCache?: boolean } | undefined): T {
  if (!routeConfig?.publicCache) return transformed;
  return { ...transformed, schema: { ...transformed.schema, [PUBLIC_CACHE]: true } };
}

export function describeResponses<T>(document: T): T {
  const doc = document as Document;
  doc.components = { ...doc.components, headers: HEADERS };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    const limited = path.startsWith('/v1/');
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ??= {});
      for (const response of Object.values(responses)) describeByComponent(response, doc);
      // The key is optional under /v1, where the limiter reads it (said on each operation, for
      // generators that read only an operation's own security); elsewhere no operation takes it.
      operation.security = limited ? OPTIONAL_KEY : [];
      if (operation[PUBLIC_CACHE]) {
        delete operation[PUBLIC_CACHE];
        const ok = responses['200'];
        if (ok) ok.headers = { ...ok.headers, ...refs(CACHING), ...(limited ? refs(QUOTA) : {}) };
        responses['304'] = { description: NOT_MODIFIED, headers: refs(limited ? [...CACHING, ...QUOTA] : CACHING) };
      }
      const tooMany = responses['429'];
      if (tooMany) tooMany.headers = { ...tooMany.headers, ...refs(['Retry-After', ...QUOTA]) };
      const unavailable = responses['503'];
      if (unavailable) unavailable.headers = { ...unavailable.headers, ...refs(['Retry-After']) };
    }
  }
  return document;
}
