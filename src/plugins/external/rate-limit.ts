import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { PARTNER_KEY_HEADER, PartnerKeys } from '../../http/partner-keys.js';
import { HttpProblem } from '../../http/problems.js';
import { sharedCounters } from './redis.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner a valid X-API-Key belongs to; undefined for keyless callers. */
    partner?: string;
    /** The request sent an X-API-Key that is no partner's: it is counted as keyless, then refused. */
    badPartnerKey?: boolean;
  }
}

export interface RateLimitOptions {
  config: Config;
}

const BAD_KEY = 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.';

// Per-client request quotas: a keyless tier by client address, a higher one for partners who
// send a configured API key. Registered inside the scope whose routes it limits (the content
// API, /v1): the router decides which route a request is for, so every spelling of a /v1 URL
// (percent-encoded, absolute-form) meets the same limiter, and nothing outside /v1 ever does.
// A wrong key is counted against the caller's keyless quota before it is refused, so guessing
// keys costs as much as any request and ends in 429. With REDIS_URL the counters live in Redis,
// so every replica enforces one quota.
export default fp<RateLimitOptions>(
  async function rateLimitPlugin(app: FastifyInstance, { config }) {
    const keys = new PartnerKeys(config.PARTNER_KEYS);
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    const maxFor = (request: FastifyRequest) => (request.partner ? config.PARTNER_RATE_LIMIT_MAX : config.RATE_LIMIT_MAX);

    app.addHook('onRequest', (request, _reply, done) => {
      const key = request.headers[PARTNER_KEY_HEADER];
      if (key === undefined) return done();
      const partner = typeof key === 'string' ? keys.identify(key) : undefined;
      if (partner) {
        request.partner = partner.name;
        if (partner.region) request.partnerRegion = partner.region;
      } else request.badPartnerKey = true;
      done();
    });
    // After the limiter (a route-level onRequest hook), so a refused key has been counted first.
    app.addHook('preParsing', (request, _reply, payload, done) => {
      if (!request.badPartnerKey) return done(null, payload);
      // Never the key itself: a near-miss in the logs would help whoever is guessing.
      request.log.warn({ clientIp: request.ip }, 'refused an invalid partner key');
      done(new HttpProblem(401, BAD_KEY));
    });
    if (!config.RATE_LIMIT_ENABLED) return;

    const redis = config.REDIS_URL ? await sharedCounters(app, config.REDIS_URL) : undefined;
    await app.register(rateLimit, {
      global: true,
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
        new HttpProblem(
          429,
          `Rate limit exceeded: ${context.max} requests per ${window} s. Retry after ${Math.ceil(context.ttl / 1000)} s, or use a partner key for a higher limit.`,
        ),
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      reply.header('ratelimit-policy', `${maxFor(request)};w=${window}`);
      done(null, payload);
    });
  },
  { name: 'rate-limit', dependencies: ['metrics'] },
);
