import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import { PARTNER_KEY_HEADER, PartnerKeys } from '../../http/partner-keys.js';
import { HttpProblem } from '../../http/problems.js';
import { isWarmUp } from '../app/cache-warmer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner a valid X-API-Key belongs to; undefined for keyless callers. */
    partner?: string;
  }
}

/** Whether a request URL is one the quotas apply to: the content API, /v1. */
export const countsTowardsQuota = (url: string) => url.startsWith('/v1/') || url === '/v1' || url.startsWith('/v1?');

export interface RateLimitOptions {
  config: Config;
}

// Per-client request quotas for the content API (/v1): a keyless tier by client address, a higher
// one for partners who send a configured API key. Docs, health checks and embeds are never
// counted. Registered at the root so the response cache can count cached answers through the
// same limiter (each request exactly once).
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
      if (!partner) throw new HttpProblem(401, 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.');
      request.partner = partner;
    });
    if (!config.RATE_LIMIT_ENABLED) return;

    await app.register(rateLimit, {
      global: true,
      // The app's own cache warm-up is not a client.
      allowList: (request) => !isApi(request) || isWarmUp(request.raw),
      timeWindow: window * 1000,
      max: (request) => maxFor(request),
      keyGenerator: (request) => (request.partner ? `partner:${request.partner}` : `ip:${request.ip}`),
      // IETF draft headers: RateLimit-Limit / -Remaining / -Reset, plus Retry-After on 429.
      enableDraftSpec: true,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(429, `Rate limit exceeded: ${context.max} requests per ${window} s. Retry after ${Math.ceil(context.ttl / 1000)} s, or use a partner key for a higher limit.`),
    });
    app.addHook('onSend', async (request, reply) => {
      if (isApi(request)) reply.header('ratelimit-policy', `${maxFor(request)};w=${window}`);
    });
  },
  { name: 'rate-limit' },
);
