import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// gzip/brotli for responses worth compressing; brotli at a moderate level to spare the CPU.
export default fp(
  async function compressPlugin(app: FastifyInstance) {
    const { constants } = await import('node:zlib');
    await app.register(compress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip', 'deflate'],
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: 'compress' },
);
