import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from './problems.js';
import { addVary } from './vary.js';

// A host name, IPv4 or bracketed IPv6 address, with an optional port — nothing else may reach
// a URL we print, since the Host header is whatever the client sent.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::([0-9]{1,5}))?$/i;

/** The request headers an origin taken from the request can come from (see `publicOrigin`). */
export const ORIGIN_HEADERS = ['host', 'x-forwarded-host', 'x-forwarded-proto'] as const;

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_BASE_URL's origin when configured; null to follow each request's Host. */
    publicBaseOrigin: string | null;
  }
}

/**
 * The origin clients reach this service at, for absolute URLs (embed links, oEmbed). With
 * PUBLIC_BASE_URL set it is always that (so a cache keyed without Host can never hold links to
 * a spoofed host); otherwise it comes from the request — Host, or the forwarded headers when
 * TRUST_PROXY trusts the peer — and anything that is not a plain http(s) origin is a 400. Given
 * the reply, an answer built from the request's origin says so in `Vary`, so shared caches keep
 * one copy per origin.
 */
export function publicOrigin(request: FastifyRequest, reply?: FastifyReply): string {
  if (request.server.publicBaseOrigin) return request.server.publicBaseOrigin;
  const protocol = request.protocol;
  if (protocol !== 'http' && protocol !== 'https') throw new HttpProblem(400, 'The forwarded protocol must be http or https.');
  const host = request.host;
  const match = host ? HOST.exec(host) : null;
  if (!match || (match[1] !== undefined && Number(match[1]) > 65535))
    throw new HttpProblem(400, 'The Host header is missing or is not a valid host name and port.');
  if (reply) for (const name of ORIGIN_HEADERS) addVary(reply, name);
  // URL drops a default port (:80 for http, :443 for https) so links look as people type them.
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    throw new HttpProblem(400, 'The Host header is missing or is not a valid host name and port.');
  }
}

/**
 * The cache key of an answer with absolute links: with PUBLIC_BASE_URL set the origin is fixed and
 * the path alone keys it; otherwise the origin the request arrived at is part of the key.
 */
export const keyWithOrigin = (server: FastifyInstance, origin: string, key: string) => (server.publicBaseOrigin ? key : `${origin}${key}`);
