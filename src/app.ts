import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { frontDoorServer } from './http/front-door-server.js';
import { sendProblem } from './http/problems.js';
import { traceOf, traceparentOf } from './http/trace-context.js';
import lifecycle from './plugins/app/lifecycle.js';
import metrics, { METRICS_PATH } from './plugins/external/metrics.js';
import cacheWarmer, { isWarmUp } from './plugins/app/cache-warmer.js';
import contentPlugin from './plugins/app/content.js';
import problemDetails from './plugins/app/problem-details.js';
import responseCache from './plugins/app/response-cache.js';
import compress from './plugins/external/compress.js';
import cors from './plugins/external/cors.js';
import helmet from './plugins/external/helmet.js';
import rateLimit from './plugins/external/rate-limit.js';
import underPressure from './plugins/external/under-pressure.js';
import etag from './plugins/external/etag.js';
import swagger from './plugins/external/swagger.js';
import swaggerUi from './plugins/external/swagger-ui.js';
import embedRoutes from './routes/embed.js';
import healthRoutes from './routes/health.js';
import oembedRoutes from './routes/oembed.js';
import openapiRoute from './routes/openapi.js';
import v1 from './routes/v1/index.js';

const newRequestId = () => randomUUID();

export interface AppOptions {
  config: Config;
}

/** Fastify's own options: shared by the server process and the tests so both behave alike. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    // The app's own cache warm-up is not traffic: its requests stay out of the access log.
    // Neither is /metrics: scrapes every few seconds would drown the requests that matter.
    logController: new LogController({ disableRequestLogging: (request) => isWarmUp(request) || request.url?.split('?')[0] === METRICS_PATH }),
    genReqId: newRequestId,
    // Every log line of a request carries its W3C trace id (the caller's traceparent, or a new one).
    childLoggerFactory: (logger, bindings, options, rawRequest) => logger.child({ ...bindings, traceId: traceOf(rawRequest as IncomingMessage).traceId }, options),
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
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is longer than 200 characters.' : 'The request URL is malformed.';
      return sendProblem(request, reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400, detail);
    },
  };
}

/** The whole application as one plugin: external plugins, app services, then routes. */
async function app(fastify: FastifyInstance, { config }: AppOptions) {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.decorate('publicBaseOrigin', config.PUBLIC_BASE_URL ?? null);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Set first thing, so replayed answers carry it too.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('traceparent', traceparentOf(traceOf(request.raw)));
    done();
  });
  // First: from the shutdown signal on, every answer (cached ones too) closes its connection.
  await fastify.register(lifecycle);
  await fastify.register(metrics, { token: config.METRICS_TOKEN });

  // First, so a cached answer is replayed before any per-request work; see the plugin.
  await fastify.register(responseCache, {
    maxBytes: 48 * 1024 * 1024,
    maxEntryBytes: 1024 * 1024,
    logsRequests: ['info', 'debug', 'trace'].includes(config.LOG_LEVEL),
    requestId: newRequestId,
  });
  await fastify.register(helmet);
  await fastify.register(underPressure, { config });
  await fastify.register(cors, { origins: config.CORS_ORIGINS });
  await fastify.register(rateLimit, { config });
  await fastify.register(etag);
  await fastify.register(compress);
  await fastify.register(swagger);
  await fastify.register(swaggerUi);

  await fastify.register(problemDetails);
  await fastify.register(contentPlugin, { storePath: config.STORE_PATH, watch: config.STORE_WATCH });
  const reportContent = () => fastify.metrics.contentVersion(fastify.content.version, fastify.content.builtAt);
  reportContent();
  fastify.onContentReload(reportContent);

  await fastify.register(healthRoutes);
  await fastify.register(openapiRoute);
  const cacheControl = `public, max-age=${config.CACHE_MAX_AGE}, stale-while-revalidate=${config.CACHE_STALE_WHILE_REVALIDATE}`;
  await fastify.register(v1, { prefix: '/v1', cacheControl });
  await fastify.register(embedRoutes, { prefix: '/embed', cacheControl });
  await fastify.register(oembedRoutes, { cacheControl, cacheAge: config.CACHE_MAX_AGE });
  await fastify.register(cacheWarmer, { maxUrls: 500 });
}

export default fp(app, { name: 'app' });

/** Builds a ready-to-use instance: what the server listens with and what tests inject into. */
export async function buildApp(config: Config, overrides: Partial<FastifyServerOptions> = {}): Promise<FastifyInstance> {
  const server = frontDoorServer();
  const fastify = Fastify({ ...serverOptions(config), serverFactory: server.factory, ...overrides });
  await fastify.register(fp(app), { config });
  await fastify.ready();
  server.fit(fastify.responseCacheFrontDoor);
  return fastify;
}
