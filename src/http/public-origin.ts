import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

// A host name, IPv4 or bracketed IPv6 address, with an optional port — nothing else may reach
// a URL we print, since the Host header is whatever the client sent.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_BASE_URL's origin when configured; null to follow each request's Host. */
    publicBaseOrigin: string | null;
  }
}

/**
 * The origin clients reach this service at, for absolute URLs (embed links, oEmbed). With
 * PUBLIC_BASE_URL set it is always that (so a cache keyed without Host can never hold links to
 * a spoofed host); otherwise it comes from the request.
 */
export function publicOrigin(request: FastifyRequest): string {
  if (request.server.publicBaseOrigin) return request.server.publicBaseOrigin;
  const host = request.host;
  if (!host || !HOST.test(host)) throw new HttpProblem(400, 'The Host header is missing or is not a valid host name.');
  // URL drops a default port (:80 for http, :443 for https) so links look as people type them.
  return new URL(`${request.protocol}://${host}`).origin;
}
