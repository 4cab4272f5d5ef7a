import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Adds accept-encoding to Vary once (lower case, as @fastify/compress checks for it). */
export function varyOnAcceptEncoding(reply: { getHeader(name: string): unknown; header(name: string, value: string): unknown }): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (!/accept-encoding/i.test(current)) reply.header('vary', current ? `${current}, accept-encoding` : 'accept-encoding');
}

export const COMPRESS_THRESHOLD = 1024;

// gzip/brotli for responses worth compressing; brotli at a moderate level to spare the CPU.
export default fp(
  async function compressPlugin(app: FastifyInstance) {
    const { constants } = await import('node:zlib');
    // The plugin names Accept-Encoding in Vary only when it compresses; an uncompressed answer
    // of compressible size depends on it just as much (a shared cache must not hand it to a
    // client that asked for brotli, nor the reverse).
    app.addHook('onSend', async (_request, reply, payload) => {
      const size = typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.byteLength : 0;
      if (size >= COMPRESS_THRESHOLD) varyOnAcceptEncoding(reply);
      return payload;
    });
    await app.register(compress, {
      global: true,
      threshold: COMPRESS_THRESHOLD,
      encodings: ['br', 'gzip', 'deflate'],
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: 'compress' },
);
