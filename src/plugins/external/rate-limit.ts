import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { PARTNER_KEY_HEADER, PartnerKeys } from '../../http/partner-keys.js';
import { HttpProblem } from '../../http/problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner a valid X-API-Key belongs to; undefined for keyless callers. */
    partner?: string;
  }
}

export interface RateLimitOptions {
  config: Config;
}

// Per-client request quotas: a keyless tier by client address, a higher one for partners who
// send a configured API key. Registered inside the scope whose routes it limits (the content
// API, /v1): the router decides which route a request is for, so every spelling of a /v1 URL
// (percent-encoded, absolute-form) meets the same limiter, and nothing outside /v1 ever does.
export default fp<RateLimitOptions>(
  async function rateLimitPlugin(app: FastifyInstance, { config }) {
    const keys = new PartnerKeys(config.PARTNER_KEYS);
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    const maxFor = (request: FastifyRequest) => (request.partner ? config.PARTNER_RATE_LIMIT_MAX : config.RATE_LIMIT_MAX);

    app.addHook('onRequest', (request, _reply, done) => {
      const key = request.headers[PARTNER_KEY_HEADER];
      if (key === undefined) return done();
      const partner = typeof key === 'string' ? keys.identify(key) : undefined;
      if (!partner) return done(new HttpProblem(401, 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.'));
      request.partner = partner;
      done();
    });
    if (!config.RATE_LIMIT_ENABLED) return;

    await app.register(rateLimit, {
      global: true,
      timeWindow: window * 1000,
      max: (request) => maxFor(request),
      keyGenerator: (request) => (request.partner ? `partner:${request.partner}` : `ip:${request.ip}`),
      // IETF draft headers: RateLimit-Limit / -Remaining / -Reset, plus Retry-After on 429.
      enableDraftSpec: true,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(429, `Rate limit exceeded: ${context.max} requests per ${window} s. Retry after ${Math.ceil(context.ttl / 1000)} s, or use a partner key for a higher limit.`),
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      reply.header('ratelimit-policy', `${maxFor(request)};w=${window}`);
      done(null, payload);
    });
  },
  { name: 'rate-limit' },
);
