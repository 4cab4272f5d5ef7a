import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { compressingZlib, DYNAMIC_BROTLI_QUALITY, DYNAMIC_GZIP_LEVEL } from '../../answers/coding.js';
import { addVary } from '../../http/vary.js';

export const COMPRESS_THRESHOLD = 1024;
/** Buffered bodies up to this size are compressed in one call (all answers are far smaller). */
const SYNC_THRESHOLD = 8 * 1024 * 1024;

// The one implementation of content coding: brotli or gzip, negotiated by the plugin. Its zlib
// keeps each answer's compressed forms with the answer, so a repeat costs no compression.
export default fp(
  async function compressPlugin(app: FastifyInstance) {
    const { constants } = await import('node:zlib');
    // The plugin names Accept-Encoding in Vary only when it compresses; an uncompressed answer
    // of compressible size depends on it just as much (a shared cache must not hand it to a
    // client that asked for brotli, nor the reverse).
    app.addHook('onSend', (_request, reply, payload, done) => {
      const size = typeof payload === 'string' ? Buffer.byteLength(payload) : Buffer.isBuffer(payload) ? payload.byteLength : 0;
      if (size >= COMPRESS_THRESHOLD) addVary(reply, 'accept-encoding');
      done(null, payload);
    });
    await app.register(compress, {
      global: true,
      threshold: COMPRESS_THRESHOLD,
      syncThreshold: SYNC_THRESHOLD,
      encodings: ['br', 'gzip'],
      // A read-only API takes no request bodies: no per-request hook to decompress them.
      globalDecompression: false,
      zlib: compressingZlib,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY } },
      zlibOptions: { level: DYNAMIC_GZIP_LEVEL },
    });
  },
  { name: 'compress' },
);
