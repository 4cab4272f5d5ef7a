import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { accepts } from '../../http/accept.js';
import { COMPRESS_THRESHOLD } from '../external/compress.js';

/**
 * The store is read-only while it is open, so a successful answer to a URL cannot change until
 * the content version does. Each such answer is kept whole — body, ETag and the headers the app's
 * plugins produced — and replayed for the next identical request straight from the first
 * request hook: no routing work, validation, querying, serialisation or per-request header
 * building. The checks a cached answer must still pass (rate limit, Accept, load shedding) run
 * here too; anything unusual (a partner key, an unacceptable Accept, overload) takes the normal
 * path, which answers it properly.
 */

export interface CacheRouteOptions {
  /** What else besides the URL the answer depends on (e.g. the public origin in absolute links). */
  variant?: (request: FastifyRequest) => string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    responseCache?: CacheRouteOptions;
  }
}

interface Entry {
  headers: Record<string, string | number | string[]>;
  body: Buffer;
  etag: string;
  mediaType: string;
  br?: Buffer;
  gzip?: Buffer;
  bytes: number;
}

// Per-request headers never replayed from another response.
const PER_REQUEST = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding', 'x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']);

/** The coding to send, honouring q-values: brotli if acceptable, else gzip, else none. */
function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), weight === undefined ? 1 : Number(weight.slice(2)));
  }
  const acceptable = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  return acceptable('br') ? 'br' : acceptable('gzip') ? 'gzip' : undefined;
}

const matchesEtag = (header: string | undefined, etag: string) =>
  header !== undefined && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

export class Entries {
  private readonly map = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntryBytes: number,
  ) {}

  get(key: string): Entry | undefined {
    const entry = this.map.get(key);
    if (entry) {
      // Re-insert: Map order is the recency order for eviction.
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.bytes > this.maxEntryBytes || this.map.has(key)) return;
    this.map.set(key, entry);
    this.bytes += entry.bytes;
    for (const [old, value] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(old);
      this.bytes -= value.bytes;
    }
  }

  grow(entry: Entry, extra: number): void {
    entry.bytes += extra;
    this.bytes += extra;
  }
}

export interface ResponseCacheOptions {
  /** Most bytes kept in all (bodies and their compressed forms); least recently used go first. */
  maxBytes: number;
  /** Larger answers are not kept (they are rare and would crowd out the rest). */
  maxEntryBytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    responseCacheEntries: Entries;
    responseCacheKey(request: FastifyRequest, route: CacheRouteOptions): string;
  }
}

export default fp<ResponseCacheOptions>(
  async function responseCache(app: FastifyInstance, { maxBytes, maxEntryBytes }) {
    const entries = new Entries(maxBytes, maxEntryBytes);
    const keyOf = (request: FastifyRequest, route: CacheRouteOptions) =>
      `${app.content.version}\u0000${route.variant?.(request) ?? ''}\u0000${request.headers.origin ?? ''}\u0000${request.url}`;

    const replay = (request: FastifyRequest, reply: FastifyReply, entry: Entry, limited: boolean) => {
      // Only a limiter adds headers to the reply before this point; skip the merge otherwise.
      const headers: Record<string, string | number | string[]> = limited
        ? { ...entry.headers, ...(reply.getHeaders() as Record<string, string>), 'x-request-id': request.id }
        : { ...entry.headers, 'x-request-id': request.id };
      let status = 200;
      let body: Buffer | undefined = entry.body;
      if (matchesEtag(request.headers['if-none-match'], entry.etag)) {
        status = 304;
        body = undefined;
      } else {
        const compressible = entry.body.byteLength >= COMPRESS_THRESHOLD;
        const encoding = compressible ? preferredEncoding(request.headers['accept-encoding']) : undefined;
        if (encoding) {
          body = entry[encoding] ??= compress(entry, encoding);
          headers['content-encoding'] = encoding;
        }
        headers['content-length'] = body.byteLength;
        if (request.method === 'HEAD') body = undefined;
      }
      reply.hijack();
      reply.raw.writeHead(status, headers);
      reply.raw.end(body);
    };

    const compress = (entry: Entry, encoding: 'br' | 'gzip') => {
      const out =
        encoding === 'br'
          ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } })
          : gzipSync(entry.body, { level: 6 });
      entries.grow(entry, out.byteLength);
      return out;
    };

    // Looked up once, when the app is ready: the plugins these come from register after this one.
    let underPressure: (() => boolean) | undefined;
    let limiter: ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) | undefined;
    app.addHook('onReady', async () => {
      const decorated = app as unknown as { isUnderPressure?: () => boolean; rateLimit?: () => typeof limiter };
      underPressure = decorated.isUnderPressure;
      limiter = decorated.rateLimit?.();
    });

    // A callback hook, not an async one: this runs for every request, and most are hits.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return done();
      const route = request.routeOptions.config.responseCache;
      if (!route || request.headers['x-api-key'] !== undefined) return done();
      const entry = entries.get(keyOf(request, route));
      if (!entry || !accepts(request.headers.accept, [entry.mediaType]) || underPressure?.()) return done();
      if (!limiter) return replay(request, reply, entry, false);
      // Counted exactly once: the route's own limiter sees the request as already counted.
      limiter(request, reply).then(
        () => replay(request, reply, entry, true),
        (error: Error) => done(error),
      );
    });

    app.decorate('responseCacheEntries', entries);
    app.decorate('responseCacheKey', keyOf);
  },
  { name: 'response-cache' },
);

/**
 * Makes the GET routes registered after it in the same scope cacheable: their successful,
 * uncompressed answers to keyless requests are recorded once their own hooks have all run.
 */
export const cacheRoutes = fp<CacheRouteOptions>(
  async function cacheRoutes(scope: FastifyInstance, options) {
    scope.addHook('onRoute', (route) => {
      if (route.method === 'GET' || (Array.isArray(route.method) && route.method.includes('GET'))) route.config = { ...route.config, responseCache: { variant: options.variant } };
    });
    scope.addHook('onSend', async (request, reply, payload) => {
      const route = request.routeOptions.config.responseCache;
      if (!route || reply.statusCode !== 200 || request.method !== 'GET' || typeof payload !== 'string') return payload;
      if (request.headers['x-api-key'] !== undefined || reply.hasHeader('content-encoding')) return payload;
      const etag = reply.getHeader('etag');
      if (typeof etag !== 'string') return payload;
      const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([name, value]) => value !== undefined && !PER_REQUEST.has(name))) as Entry['headers'];
      const body = Buffer.from(payload);
      const mediaType = String(headers['content-type'] ?? 'application/json').split(';')[0]!.trim();
      scope.responseCacheEntries.set(scope.responseCacheKey(request, route), { headers, body, etag, mediaType, bytes: body.byteLength });
      return payload;
    });
  },
  { name: 'cache-routes', dependencies: ['response-cache'] },
);
