import type { FastifyInstance } from 'fastify';

/** The OpenAPI 3.1 document, for client generators and partners' tooling. */
export default async function openapiRoute(app: FastifyInstance) {
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return app.swagger();
  });
}
