import { pipeline, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { negotiateCoding } from '../../http/accept.js';
import { CODINGS, COMPRESS_THRESHOLD, compress, compressingStream, encodedAnswer, isCompressible } from '../../http/content-coding.js';
import { noneMatchFails } from '../../http/validators.js';
import { addVary } from '../../http/vary.js';
import { type Answer, weakEtagOf } from '../../snapshot/answer.js';

declare module 'fastify' {
  interface FastifyReply {
    /** The answer being sent (see http/answer.ts): its validator and compressed forms are ready. */
    answer: Answer | null;
  }
}

const isStream = (payload: unknown): payload is Readable =>
  typeof payload === 'object' && payload !== null && typeof (payload as Readable).pipe === 'function';

/**
 * The one place where a response's representation is settled, for every route: its validator
 * (a weak ETag, and 304 Not Modified when If-None-Match matches it: RFC 9110 §13.1.2), its content
 * coding (brotli or gzip, negotiated on Accept-Encoding) and the Vary that both depend on. An
 * answer (reply.answer) brings its ETag and keeps its compressed forms, so sending it again costs
 * no hashing and no compression; any other body is hashed and compressed as it goes.
 */
export default fp(
  async function representation(app: FastifyInstance) {
    app.decorateReply('answer', null);
    app.addHook('onSend', (request, reply, payload, done) => {
      const bytes = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : undefined;
      const stream = bytes === undefined && isStream(payload) ? payload : undefined;
      const answer = reply.answer !== null && payload === reply.answer.bytes ? reply.answer : undefined;
      const size = bytes === undefined ? 0 : typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
      const type = reply.getHeader('content-type');
      // Decided before any 304, so a 304 varies on exactly what its 200 varies on (RFC 9110 §15.4.5).
      const codable = typeof type === 'string' && isCompressible(type) && (stream !== undefined || size >= COMPRESS_THRESHOLD);
      if (codable) addVary(reply, 'accept-encoding');

      if (bytes !== undefined && reply.statusCode === 200 && (request.method === 'GET' || request.method === 'HEAD')) {
        const own = reply.getHeader('etag');
        const etag = answer?.etag ?? (typeof own === 'string' ? own : weakEtagOf(bytes));
        reply.header('etag', etag);
        if (noneMatchFails(request.headers['if-none-match'], etag)) {
          reply.code(304);
          return done(null, '');
        }
      }
      const coding = codable ? negotiateCoding(request.headers['accept-encoding'], CODINGS) : undefined;
      if (!coding) return done(null, payload);
      reply.header('content-encoding', coding);
      if (stream) {
        reply.removeHeader('content-length');
        const compressed = compressingStream(coding);
        pipeline(stream, compressed, (error) => {
          if (error) request.log.warn({ err: error }, 'a streamed response ended early');
        });
        return done(null, compressed);
      }
      const body = answer ? encodedAnswer(answer, coding) : compress(Buffer.from(bytes ?? ''), coding, 'fast');
      reply.header('content-length', body.byteLength);
      done(null, body);
    });
  },
  { name: 'representation' },
);
