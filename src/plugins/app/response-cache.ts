import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Entries, type Entry, PER_REQUEST_HEADERS } from '../../cache/entries.js';
import { replay } from '../../cache/replay.js';
import { accepts } from '../../http/accept.js';
import type { FrontDoor } from '../../http/front-door-server.js';
import { traceOf, traceparentOf } from '../../http/trace-context.js';
import { countsTowardsQuota } from '../external/rate-limit.js';

/**
 * The store is read-only while it is open, so a successful answer to a URL cannot change until
 * the content version does. Each such answer is kept whole — body, ETag and the headers the app's
 * plugins produced — and replayed for the next identical request without routing, validation,
 * querying, serialisation or per-request header building. The checks a cached answer must still
 * pass (rate limit, Accept, load shedding) apply to replays too; anything unusual (a partner
 * key, an unacceptable Accept, overload) takes the normal path, which answers it properly.
 *
 * Replays happen at one of two doors:
 * - the front door, in the HTTP server's request listener before Fastify sees the request, for
 *   answers that need nothing from Fastify: no rate limit applies to the URL and requests are not
 *   being logged one by one (Fastify's access log would miss them);
 * - otherwise the first request hook, after the rate limiter has counted the request.
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

export interface ResponseCacheOptions {
  /** Most bytes kept in all (bodies and their compressed forms); least recently used go first. */
  maxBytes: number;
  /** Larger answers are not kept (they are rare and would crowd out the rest). */
  maxEntryBytes: number;
  /** Fastify logs every request (level info or finer): replays must then go through it. */
  logsRequests: boolean;
  /** The request id a replay carries when the client sent none (Fastify's genReqId). */
  requestId: () => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    responseCacheEntries: Entries;
    responseCacheKey(request: FastifyRequest, route: CacheRouteOptions): string;
    responseCacheFrontDoor: FrontDoor;
  }
}

const REQUEST_ID_HEADER = 'x-request-id';

export default fp<ResponseCacheOptions>(
  async function responseCache(app: FastifyInstance, { maxBytes, maxEntryBytes, logsRequests, requestId }) {
    const entries = new Entries(maxBytes, maxEntryBytes);
    const key = (variant: string, origin: string | undefined, url: string) => `${app.content.version}\u0000${variant}\u0000${origin ?? ''}\u0000${url}`;
    const keyOf = (request: FastifyRequest, route: CacheRouteOptions) => key(route.variant?.(request) ?? '', request.headers.origin, request.url);

    // Looked up once, when the app is ready: the plugins these come from register after this one.
    let underPressure: (() => boolean) | undefined;
    let limiter: ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) | undefined;
    let frontDoorOpen = false;
    app.addHook('onReady', async () => {
      const decorated = app as unknown as { isUnderPressure?: () => boolean; rateLimit?: () => typeof limiter };
      underPressure = decorated.isUnderPressure;
      limiter = decorated.rateLimit?.();
      frontDoorOpen = !logsRequests;
    });
    // Requests arriving during shutdown must meet Fastify's closing handling.
    app.addHook('preClose', async () => {
      frontDoorOpen = false;
    });

    const frontDoor: FrontDoor = (req, res) => {
      const method = req.method;
      if (!frontDoorOpen || app.lifecycle.draining || (method !== 'GET' && method !== 'HEAD')) return false;
      const headers = req.headers;
      const url = req.url ?? '';
      if (headers['x-api-key'] !== undefined || (limiter && countsTowardsQuota(url))) return false;
      // Only routes without a variant are found here: their key has an empty variant.
      const entry = entries.get(key('', headers.origin, url));
      if (!entry || !accepts(headers.accept, [entry.mediaType]) || underPressure?.()) return false;
      app.metrics.cacheHit();
      const id = headers[REQUEST_ID_HEADER];
      replay(res, entries, entry, { method, headers, requestId: typeof id === 'string' && id !== '' ? id : requestId(), extra: { traceparent: traceparentOf(traceOf(req)) } });
      return true;
    };

    // A callback hook, not an async one: this runs for every request that reaches Fastify.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return done();
      const route = request.routeOptions.config.responseCache;
      if (!route || request.headers['x-api-key'] !== undefined) return done();
      const entry = entries.get(keyOf(request, route));
      if (!entry) app.metrics.cacheMiss();
      if (!entry || !accepts(request.headers.accept, [entry.mediaType]) || underPressure?.()) return done();
      app.metrics.cacheHit();
      const send = (extra?: OutgoingHttpHeaders) => {
        reply.hijack();
        replay(reply.raw, entries, entry, { method: request.method, headers: request.headers, requestId: request.id, extra });
      };
      // The headers earlier hooks set (Connection: close while draining) go out with the replay.
      if (!limiter) return send(reply.getHeaders() as OutgoingHttpHeaders);
      // Counted exactly once: the route's own limiter sees the request as already counted.
      limiter(request, reply).then(
        () => send(reply.getHeaders() as OutgoingHttpHeaders),
        (error: Error) => done(error),
      );
    });

    app.decorate('responseCacheEntries', entries);
    app.decorate('responseCacheKey', keyOf);
    app.decorate('responseCacheFrontDoor', frontDoor);
  },
  { name: 'response-cache', dependencies: ['metrics', 'lifecycle'] },
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
      const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([name, value]) => value !== undefined && !PER_REQUEST_HEADERS.has(name))) as Entry['headers'];
      const body = Buffer.from(payload);
      const mediaType = String(headers['content-type'] ?? 'application/json').split(';')[0]!.trim();
      scope.responseCacheEntries.set(scope.responseCacheKey(request, route), { headers, body, etag, mediaType, bytes: body.byteLength }, scope.content.version);
      return payload;
    });
  },
  { name: 'cache-routes', dependencies: ['response-cache'] },
);
