import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// Interactive documentation for developers at /docs.
export default fp(
  async function swaggerUi(app: FastifyInstance) {
    await app.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, displayOperationId: true, defaultModelsExpandDepth: 0 },
      // The app-wide helmet policy already allows the UI's same-origin scripts and styles.
      staticCSP: false,
    });
  },
  { name: 'swagger-ui', dependencies: ['swagger'] },
);
