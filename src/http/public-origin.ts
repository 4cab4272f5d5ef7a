import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';

// A host name, IPv4 or bracketed IPv6 address, with an optional port — nothing else may reach
// a URL we print, since the Host header is whatever the client sent.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;

/**
 * The origin clients reach this service at, for absolute URLs (embed links, oEmbed).
 * There is no base-URL setting yet, so it comes from the request; when one exists, only this
 * function changes.
 */
export function publicOrigin(request: FastifyRequest): string {
  const host = request.host;
  if (!host || !HOST.test(host)) throw new HttpProblem(400, 'The Host header is missing or is not a valid host name.');
  // URL drops a default port (:80 for http, :443 for https) so links look as people type them.
  return new URL(`${request.protocol}://${host}`).origin;
}
