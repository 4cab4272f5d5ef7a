import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { PARTNER_KEY_HEADER, PartnerKeys } from '../../http/partner-keys.js';
import { HttpProblem } from '../../http/problems.js';
import { isWarmUp } from '../app/cache-warmer.js';
import { sharedCounters } from './redis.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner a valid X-API-Key belongs to; undefined for keyless callers. */
    partner?: string;
    /** The request sent an X-API-Key that is no partner's: it is counted as keyless, then refused. */
    badPartnerKey?: boolean;
  }
}

/** Whether a request URL is one the quotas apply to: the content API, /v1. */
export const countsTowardsQuota = (url: string) => url.startsWith('/v1/') || url === '/v1' || url.startsWith('/v1?');

export interface RateLimitOptions {
  config: Config;
}

// Per-client request quotas for the content API (/v1): a keyless tier by client address, a higher
// one for partners who send a configured API key. A wrong key is counted against the caller's
// keyless quota before it is refused, so guessing keys costs as much as any request and ends in
// 429. Docs, health checks, metrics and embeds are never counted. With REDIS_URL the counters
// live in Redis, so every replica enforces one quota. Registered at the root so the response
// cache can count cached answers through the same limiter (each request exactly once).
export default fp<RateLimitOptions>(
  async function rateLimitPlugin(app: FastifyInstance, { config }) {
    const keys = new PartnerKeys(config.PARTNER_KEYS);
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    const maxFor = (request: FastifyRequest) => (request.partner ? config.PARTNER_RATE_LIMIT_MAX : config.RATE_LIMIT_MAX);
    const isApi = (request: FastifyRequest) => countsTowardsQuota(request.url);

    app.addHook('onRequest', async (request) => {
      if (!isApi(request)) return;
      const key = request.headers[PARTNER_KEY_HEADER];
      if (key === undefined) return;
      const partner = typeof key === 'string' ? keys.identify(key) : undefined;
      if (partner) request.partner = partner;
      else request.badPartnerKey = true;
    });
    // After the limiter (a route-level onRequest hook), so a refused key has been counted first.
    app.addHook('preParsing', async (request) => {
      if (!request.badPartnerKey) return;
      // Never the key itself: a near-miss in the logs would help whoever is guessing.
      request.log.warn({ clientIp: request.ip }, 'refused an invalid partner key');
      throw new HttpProblem(401, 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.');
    });
    if (!config.RATE_LIMIT_ENABLED) return;

    const redis = config.REDIS_URL ? await sharedCounters(app, config.REDIS_URL) : undefined;
    await app.register(rateLimit, {
      global: true,
      // The app's own cache warm-up is not a client.
      allowList: (request) => !isApi(request) || isWarmUp(request.raw),
      timeWindow: window * 1000,
      max: (request) => maxFor(request),
      keyGenerator: (request) => (request.partner ? `partner:${request.partner}` : `ip:${request.ip}`),
      // Shared counters when configured; if Redis cannot be reached the request is answered
      // uncounted (see redis.ts, which logs and counts each such check) rather than failed.
      ...(redis ? { redis, skipOnError: true, nameSpace: 'content-api:rate-limit:' } : {}),
      onExceeded: (request) => app.metrics.rateLimited(request.partner ? 'partner' : 'keyless'),
      // IETF draft headers: RateLimit-Limit / -Remaining / -Reset, plus Retry-After on 429.
      enableDraftSpec: true,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(429, `Rate limit exceeded: ${context.max} requests per ${window} s. Retry after ${Math.ceil(context.ttl / 1000)} s, or use a partner key for a higher limit.`),
    });
    app.addHook('onSend', async (request, reply) => {
      if (isApi(request)) reply.header('ratelimit-policy', `${maxFor(request)};w=${window}`);
    });
  },
  { name: 'rate-limit', dependencies: ['metrics'] },
);
