import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';

export interface ResponseCacheOptions {
  /** Most bytes of response bodies kept; the least recently used are dropped beyond it. */
  maxBytes: number;
  /** Bodies larger than this are not kept (they are rare, and would crowd out the rest). */
  maxEntryBytes: number;
}

interface Entry {
  // Kept encoded: writing a Buffer skips re-encoding the same string on every request.
  body: Buffer;
  etag: string;
  contentType: string;
  bytes: number;
}

const HIT = Symbol('response-cache-hit');

declare module 'fastify' {
  interface FastifyRequest {
    [HIT]?: boolean;
  }
}

/**
 * The store is read-only while it is open, so a successful answer to a URL never changes until
 * the content version does. The serialised body and its ETag are kept per (version, URL) and
 * served without validation, querying or serialisation. It covers the routes registered after it
 * in the same scope, once their request checks (Accept, rate limits) have run.
 */
export default fp<ResponseCacheOptions>(
  async function responseCache(app: FastifyInstance, { maxBytes, maxEntryBytes }) {
    const entries = new Map<string, Entry>();
    let bytes = 0;
    const keyOf = (url: string) => `${app.content.version}\u0000${url}`;

    const lookup: onRequestAsyncHookHandler = async (request, reply) => {
      const key = keyOf(request.url);
      const entry = entries.get(key);
      if (!entry) return;
      // Re-insert: Map order is the recency order for eviction.
      entries.delete(key);
      entries.set(key, entry);
      request[HIT] = true;
      return reply.header('content-type', entry.contentType).header('etag', entry.etag).send(entry.body);
    };
    // A route-level hook, appended after those of plugins registered earlier (rate limits), so
    // a cached answer is still counted and checked like any other.
    app.addHook('onRoute', (route) => {
      if (route.method !== 'GET' && !(Array.isArray(route.method) && route.method.includes('GET'))) return;
      route.onRequest = [...(route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]), lookup];
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (request[HIT] || reply.statusCode !== 200 || request.method !== 'GET' || typeof payload !== 'string') return payload;
      const etag = reply.getHeader('etag');
      const body = Buffer.from(payload);
      const size = body.byteLength;
      if (typeof etag !== 'string' || size > maxEntryBytes) return payload;
      entries.set(keyOf(request.url), { body, etag, contentType: String(reply.getHeader('content-type')), bytes: size });
      bytes += size;
      for (const [key, old] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(key);
        bytes -= old.bytes;
      }
      return payload;
    });
  },
  { name: 'response-cache' },
);
