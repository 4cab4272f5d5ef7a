import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// The one implementation of validators: every GET answer of bytes carries a strong ETag (an
// answer's own, or a hash of the body), and If-None-Match is evaluated as RFC 9110 §13.1.2 says:
// weak comparison, a list of tags, or `*`. A match is a 304 with no body.

/** Weak comparison: `W/"x"` and `"x"` match; so does `*` for any current representation. */
export function noneMatchFails(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === ours);
}

const hash = (payload: string | Buffer) => `"${createHash('sha1').update(payload).digest('base64url')}"`;

export default fp(
  async function conditionalRequests(app: FastifyInstance) {
    app.addHook('onSend', (request, reply, payload, done) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return done(null, payload);
      let etag = reply.getHeader('etag');
      if (typeof etag !== 'string') {
        if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
        etag = hash(payload);
        reply.header('etag', etag);
      }
      if (!noneMatchFails(request.headers['if-none-match'], etag)) return done(null, payload);
      reply.code(304);
      done(null, '');
    });
  },
  { name: 'conditional-requests' },
);
