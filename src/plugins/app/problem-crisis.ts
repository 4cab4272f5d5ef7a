import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { regionCodeOf } from '../../content/regions.js';
import { PROBLEM_CONTENT_TYPE } from '../../http/problems.js';
import { chooseRegion } from '../../http/region.js';
import { detectCrisis } from '../../safety/crisis-detection.js';

/**
 * Registered before representation.ts: the guidance is part of the body, so it must be in place
 * before the body is hashed and compressed (a compressed problem would otherwise go without it).
 */
export default fp(
  async function problemCrisis(app: FastifyInstance) {
    // No error leaves a reader without help: every problem under /v1 carries the crisis guidance
    // for the reader's region (as far as the request tells it), with all the region's lines when
    // the request was for help or a search suggests the reader may be at risk. Whatever produced
    // the problem (validation, the router, the limiter, load shedding), it passes here.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode < 400 || typeof payload !== 'string' || reply.getHeader('content-type') !== PROBLEM_CONTENT_TYPE)
        return done(null, payload);
      const path = request.url.split('?', 1)[0] ?? '';
      if (path !== '/v1' && !path.startsWith('/v1/')) return done(null, payload);
      const query = (request.query ?? {}) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const given = text(query.region);
      const region = chooseRegion(
        given === undefined ? undefined : regionCodeOf(given),
        request.partnerRegion,
        request.headers['accept-language'],
      );
      const route = request.routeOptions.url;
      const q = text(query.q);
      const atRisk = route === '/v1/help' || (route === '/v1/search' && q !== undefined && detectCrisis(q).detected);
      const body = JSON.parse(payload) as Record<string, unknown>;
      done(null, JSON.stringify({ ...body, crisis: app.present.crisis(region, atRisk) }));
    });
  },
  { name: 'problem-crisis' },
);
