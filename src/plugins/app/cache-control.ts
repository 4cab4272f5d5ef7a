import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// The one Cache-Control rule: routes marked public (content, embeds, oEmbed) say how long shared
// caches may keep their successful answers; an error is never stored (no-store), whatever route
// or plugin produced it, so a CDN never serves one client's 4xx to another.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Successful answers may be kept by browsers and shared caches. */
    publicCache?: boolean;
  }
}

export interface CacheControlOptions {
  maxAge: number;
  staleWhileRevalidate: number;
}

export default fp<CacheControlOptions>(
  async function cacheControl(app: FastifyInstance, { maxAge, staleWhileRevalidate }) {
    const publicValue = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
      else if (request.routeOptions.config?.publicCache) reply.header('cache-control', publicValue);
      done(null, payload);
    });
  },
  { name: 'cache-control' },
);

/** Marks every route registered after it in the same scope as publicly cacheable. */
export const publicRoutes = fp(
  async function publicRoutes(scope: FastifyInstance) {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, publicCache: true };
    });
  },
  { name: 'public-routes', dependencies: ['cache-control'] },
);
