import type { FastifyInstance } from 'fastify';
import { OPENAPI_PATH } from '../plugins/external/swagger.js';

/** The OpenAPI 3.1 document, for client generators and partners' tooling. */
export default async function openapiRoute(app: FastifyInstance) {
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return app.swagger();
  });
}
