import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own CORS options, merged over these by @fastify/cors (the CDS Hooks service allows POST). */
    cors?: false | { methods?: string[]; allowedHeaders?: string[] };
  }
}

// Public, read-only content: by default any origin may read it from a browser (CORS_ORIGINS narrows it).
export default fp<{ origins: string[] }>(
  async function corsPlugin(app: FastifyInstance, { origins }) {
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins,
      methods: ['GET', 'HEAD', 'OPTIONS'],
      exposedHeaders: [
        'ETag',
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
        'Retry-After',
      ],
      maxAge: 86_400,
    });
  },
  { name: 'cors' },
);
