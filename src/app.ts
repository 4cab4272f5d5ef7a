import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { sendProblem } from './http/problems.js';
import contentPlugin from './plugins/app/content.js';
import problemDetails from './plugins/app/problem-details.js';
import compress from './plugins/external/compress.js';
import cors from './plugins/external/cors.js';
import etag from './plugins/external/etag.js';
import swagger from './plugins/external/swagger.js';
import swaggerUi from './plugins/external/swagger-ui.js';
import healthRoutes from './routes/health.js';
import openapiRoute from './routes/openapi.js';
import v1 from './routes/v1/index.js';

export interface AppOptions {
  config: Config;
}

/** Fastify's own options: shared by the server process and the tests so both behave alike. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 16 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
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
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await fastify.register(cors);
  await fastify.register(etag);
  await fastify.register(compress);
  await fastify.register(swagger);
  await fastify.register(swaggerUi);

  await fastify.register(problemDetails);
  await fastify.register(contentPlugin, { storePath: config.STORE_PATH });

  await fastify.register(healthRoutes);
  await fastify.register(openapiRoute);
  await fastify.register(v1, {
    prefix: '/v1',
    cacheControl: `public, max-age=${config.CACHE_MAX_AGE}, stale-while-revalidate=${config.CACHE_STALE_WHILE_REVALIDATE}`,
  });
}

export default fp(app, { name: 'app' });

/** Builds a ready-to-use instance: what the server listens with and what tests inject into. */
export async function buildApp(config: Config, overrides: Partial<FastifyServerOptions> = {}): Promise<FastifyInstance> {
  const fastify = Fastify({ ...serverOptions(config), ...overrides });
  await fastify.register(fp(app), { config });
  await fastify.ready();
  return fastify;
}
