import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Registry } from '../../content/registry.js';
import { negotiate } from '../../http/accept.js';
import { JSON_MEDIA } from '../../http/answer.js';
import { withoutTrailingSlash } from '../../http/canonical.js';
import { HttpProblem } from '../../http/problems.js';
import { settleRegion } from '../../http/region.js';
import { addVary } from '../../http/vary.js';
import { publicRoutes } from '../../plugins/app/cache-control.js';
import rateLimit from '../../plugins/external/rate-limit.js';
import changeRoutes from './changes.js';
import codeRoutes from './codes.js';
import infobuttonRoutes from './infobutton.js';
import helpRoutes from './help.js';
import recordRoutes from './records.js';
import searchRoutes from './search.js';
import sourceRoutes from './sources.js';
import topicRoutes from './topics.js';
import vocabularyRoutes from './vocabulary.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The media type Accept chose among those the route produces (`schema.produces`, else JSON). */
    representation: string;
  }
  interface FastifyContextConfig {
    /**
     * The query parameter that picks the route's media type (the infobutton's
     * `knowledgeResponseType`, as the HL7 guide has it): Accept is not consulted.
     */
    mediaTypeParameter?: string;
  }
}

const JSON_ONLY = [JSON_MEDIA] as const;

export interface V1Options {
  config: Config;
  /** The content types to serve (default: the app's). */
  registry?: Registry;
}

/** The versioned partner API: JSON only, rate-limited, cacheable, every payload with the disclaimer. */
export default async function v1(app: FastifyInstance, { config, registry }: V1Options) {
  app.decorateRequest('representation', '');
  app.addHook('onRequest', (request, reply, done) => {
    // Fastify builds a new routeOptions object at each read: read it once.
    const route = request.routeOptions;
    if (route.config?.mediaTypeParameter) return done();
    // Accept decides between the representations a route offers (the documented `produces`:
    // JSON, and JSON-LD for topics, records and the FAQ list) and a 406, so shared caches key on it.
    addVary(reply, 'accept');
    const offered = route.schema?.produces ?? JSON_ONLY;
    const chosen = negotiate(request.headers.accept, offered);
    if (chosen) {
      request.representation = chosen;
      return done();
    }
    done(
      new HttpProblem(
        406,
        offered.length === 1
          ? 'This API answers with application/json only; send Accept: application/json (or omit Accept).'
          : `This resource answers with ${offered.join(' or ')} only; send one of them in Accept (or omit Accept).`,
      ),
    );
  });
  await app.register(rateLimit, { config });
  // One address per resource. The router ignores a trailing slash, so `/v1/signs/` would answer
  // the list where `/v1/signs/{slug}` promises a record; every such URL redirects to its
  // canonical form instead (query kept). After the limiter and the key check (a redirect counts
  // like any request), before validation (the target's parameters are the target's to check).
  app.addHook('preValidation', (request, reply, done) => {
    const canonical = withoutTrailingSlash(request.url);
    if (canonical === undefined) return done();
    reply.redirect(canonical, 308);
  });
  // Whose crisis lines the answer carries: the request's `region`, the partner key's default, or
  // Accept-Language's region (src/http/region.ts). After validation, which parses `region`.
  app.decorateRequest('region', null);
  app.addHook('preHandler', (request, reply, done) => {
    settleRegion(request, reply, (request.query as { region?: string } | undefined)?.region);
    done();
  });
  await app.register(publicRoutes);
  await app.register(topicRoutes);
  await app.register(recordRoutes, { registry });
  await app.register(sourceRoutes);
  await app.register(searchRoutes);
  await app.register(helpRoutes);
  await app.register(changeRoutes);
  await app.register(vocabularyRoutes);
  await app.register(codeRoutes);
  await app.register(infobuttonRoutes);
}
