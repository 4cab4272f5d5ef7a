import etag from '@fastify/etag';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// Strong ETags on every response, and 304 Not Modified for a matching If-None-Match.
export default fp(
  async function etagPlugin(app: FastifyInstance) {
    await app.register(etag);
  },
  { name: 'etag' },
);
