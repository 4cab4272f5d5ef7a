import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Answers } from '../answers/answers.js';
import { envelopeJson, type Spliced } from '../answers/json.js';
import { type JsonLdDocument, jsonLdText } from './jsonld.js';
import { keyWithOrigin, publicOrigin } from './public-origin.js';

export const JSON_MEDIA = 'application/json';
export const JSON_LD_MEDIA = 'application/ld+json';
export const JSON_TYPE = `${JSON_MEDIA}; charset=utf-8`;
/** What routes offering JSON-LD list in `schema.produces` (the first is the default). */
export const JSON_OR_LD = [JSON_MEDIA, JSON_LD_MEDIA] as const;

export interface AnswerKind<T> {
  mediaType: string;
  /** Text (encoded as UTF-8), the bytes themselves, or bytes in pieces. */
  serialize: (payload: T) => string | Buffer | Spliced;
}

export const HTML_TYPE = 'text/html; charset=utf-8';
export const htmlAnswer: AnswerKind<string> = { mediaType: HTML_TYPE, serialize: (page) => page };
export const jsonAnswer: AnswerKind<unknown> = { mediaType: JSON_TYPE, serialize: envelopeJson };
export const jsonLdAnswer: AnswerKind<JsonLdDocument> = { mediaType: `${JSON_LD_MEDIA}; charset=utf-8`, serialize: jsonLdText };

/**
 * Answers a request from the store's answers: the one kept under `key`, or the payload `compute`
 * returns, serialised and kept. The bytes leave through the app's usual hooks (ETag and 304,
 * compression, caching headers), which find the answer's ETag and compressed forms ready.
 *
 * The return type is `compute`'s, so the type provider checks the payload against the route's
 * response schema; at run time the handler returns the serialised bytes, which Fastify sends as
 * they are.
 */
export function answer<T>(reply: FastifyReply, answers: Answers, key: string, compute: () => T, kind: AnswerKind<T> = jsonAnswer): T {
  let kept = answers.get(key);
  if (kept) reply.server.metrics.cacheHit();
  else {
    reply.server.metrics.cacheMiss();
    kept = answers.remember(key, kind.serialize(compute()), kind.mediaType);
  }
  reply.header('content-type', kept.mediaType).header('etag', kept.etag);
  return kept.body as unknown as T;
}

/**
 * The JSON-LD representation of the resource at `key` (a canonical path and query). Its URLs are
 * absolute, so the origin is part of the key unless PUBLIC_BASE_URL fixes it; the key's prefix
 * keeps it apart from the JSON answer at the same URL.
 */
export function answerJsonLd(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  compute: (origin: string) => JsonLdDocument,
): FastifyReply {
  const origin = publicOrigin(request, reply);
  const body = answer(
    reply,
    request.server.answers,
    `ld+json ${keyWithOrigin(request.server, origin, key)}`,
    () => compute(origin),
    jsonLdAnswer,
  );
  return reply.send(body);
}
