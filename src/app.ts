import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { CONTENT_REGISTRY, type Registry } from './content/registry.js';
import { AccessLogController } from './http/access-log.js';
import { sendProblem } from './http/problems.js';
import cacheControl from './plugins/app/cache-control.js';
import { traceOf, traceparentOf } from './http/trace-context.js';
import lifecycle from './plugins/app/lifecycle.js';
import metrics, { METRICS_PATH } from './plugins/external/metrics.js';
import contentPlugin from './plugins/app/content.js';
import problemCrisis from './plugins/app/problem-crisis.js';
import problemDetails from './plugins/app/problem-details.js';
import preparedAnswers from './plugins/app/prepared-answers.js';
import representation from './plugins/app/representation.js';
import cors from './plugins/external/cors.js';
import helmet from './plugins/external/helmet.js';
import underPressure from './plugins/external/under-pressure.js';
import { OPENAPI_OPTIONS } from './openapi/document.js';
import swagger from './plugins/external/swagger.js';
import swaggerUi from './plugins/external/swagger-ui.js';
import cdsHooksRoutes from './routes/cds-hooks.js';
import embedRoutes from './routes/embed.js';
import healthRoutes from './routes/health.js';
import oembedRoutes from './routes/oembed.js';
import openapiRoute from './routes/openapi.js';
import pageRoutes from './routes/pages.js';
import problemTypeRoutes from './routes/problem-types.js';
import v1 from './routes/v1/index.js';

const newRequestId = () => randomUUID();

export interface AppOptions {
  config: Config;
  /** The content types to serve (default: the app's); a test adds a throwaway one. */
  registry?: Registry;
}

/** Fastify's own options: shared by the server process and the tests so both behave alike. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    // /metrics is not traffic: scrapes every few seconds would drown the requests that matter.
    // Clinical routes keep their query strings (which can identify a patient) out of the logs.
    logController: new AccessLogController({ disableRequestLogging: (request) => request.url?.split('?')[0] === METRICS_PATH }),
    genReqId: newRequestId,
    // Every log line of a request carries its W3C trace id (the caller's traceparent, or a new one).
    childLoggerFactory: (logger, bindings, options, rawRequest) =>
      logger.child({ ...bindings, traceId: traceOf(rawRequest).traceId }, options),
    // Addresses/CIDRs, true, or a hop count already turned into a function (see config.ts).
    trustProxy: config.TRUST_PROXY,
    // A read-only API has no use for request bodies; a small limit stops abuse early.
    bodyLimit: 16 * 1024,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Requests arriving during shutdown get a problem+json 503 from the hook in app() instead.
    return503OnClosing: false,
    // Errors raised by the router before any route runs (malformed or oversized URLs).
    frameworkErrors: (error, request, reply) => {
      const detail =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is longer than 200 characters.' : 'The request URL is malformed.';
      // Sent at once; Fastify reads nothing back from this callback, so the reply's promise is not awaited.
      void sendProblem(request, reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400, detail);
    },
  };
}

/** The whole application as one plugin: external plugins, app services, then routes. */
async function app(fastify: FastifyInstance, { config, registry = CONTENT_REGISTRY }: AppOptions) {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.decorate('publicBaseOrigin', config.PUBLIC_BASE_URL ?? null);
  // Every answer carries its request id and the W3C trace context of its request (continued or
  // new): set as it is sent, so that answers made before routing (a malformed URL) carry them too.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    reply.header('traceparent', traceparentOf(traceOf(request.raw)));
    done(null, payload);
  });
  // First: from the shutdown signal on, every answer closes its connection.
  await fastify.register(lifecycle);
  await fastify.register(metrics, { token: config.METRICS_TOKEN });

  await fastify.register(helmet);
  await fastify.register(underPressure, { config });
  await fastify.register(cors, { origins: config.CORS_ORIGINS });
  await fastify.register(cacheControl, { maxAge: config.CACHE_MAX_AGE, staleWhileRevalidate: config.CACHE_STALE_WHILE_REVALIDATE });
  await fastify.register(problemCrisis);
  await fastify.register(representation);
  await fastify.register(swagger, OPENAPI_OPTIONS);
  await fastify.register(swaggerUi);

  await fastify.register(problemDetails);
  await fastify.register(contentPlugin, {
    storePath: config.STORE_PATH,
    registry,
    watch: config.STORE_WATCH,
    // Keys count as much as bodies: a flood of distinct URLs cannot grow memory past this.
    answers: { maxBytes: config.ANSWER_CACHE_MB * 1024 * 1024, maxEntryBytes: 1024 * 1024, maxPrepared: 1000 },
  });
  await fastify.register(preparedAnswers);
  const reportContent = () => fastify.metrics.contentVersion(fastify.content.version, fastify.content.builtAt);
  reportContent();
  fastify.onContentReload(reportContent);

  await fastify.register(healthRoutes);
  await fastify.register(openapiRoute);
  await fastify.register(v1, { prefix: '/v1', config, registry });
  await fastify.register(embedRoutes, { prefix: '/embed' });
  await fastify.register(pageRoutes);
  await fastify.register(problemTypeRoutes);
  await fastify.register(oembedRoutes, { cacheAge: config.CACHE_MAX_AGE });
  await fastify.register(cdsHooksRoutes, { issuers: config.CDS_HOOKS_ISSUERS });
}

export default fp(app, { name: 'app' });

/** Builds a ready-to-use instance: what the server listens with and what tests inject into. */
export async function buildApp(
  config: Config,
  overrides: Partial<FastifyServerOptions> = {},
  registry?: Registry,
): Promise<FastifyInstance> {
  const fastify = Fastify({ ...serverOptions(config), ...overrides });
  await fastify.register(fp(app), { config, registry });
  await fastify.ready();
  return fastify;
}
