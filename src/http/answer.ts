import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Envelope, envelopeJson, type Item } from '../snapshot/json.js';
import { type JsonLdDocument, jsonLdText } from '../snapshot/jsonld.js';
import { keyWithOrigin, publicOrigin } from './public-origin.js';
import { regionKeySuffix } from './region.js';

export const JSON_MEDIA = 'application/json';
export const JSON_LD_MEDIA = 'application/ld+json';
export const JSON_TYPE = `${JSON_MEDIA}; charset=utf-8`;
/** What routes offering JSON-LD list in `schema.produces` (the first is the default). */
export const JSON_OR_LD = [JSON_MEDIA, JSON_LD_MEDIA] as const;
export const HTML_TYPE = 'text/html; charset=utf-8';

/** How a payload becomes the bytes of an answer, and their media type. */
export interface AnswerKind<P> {
  mediaType: string;
  serialize: (payload: P) => string | Buffer;
}

// Any reply, whatever its route's types: the payload type is the last of FastifyReply's parameters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matched, never used as any
type AnyReply = FastifyReply<any, any, any, any, any, any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type PayloadOf<R> = R extends FastifyReply<any, any, any, any, any, any, any, infer P> ? P : never;

/**
 * What a route's compute may return for a JSON answer: its declared payload, except that items of
 * `data` may be presented (their JSON written once per snapshot) rather than plain objects.
 */
export type Itemized<P> = P extends { data: infer D; meta: infer M }
  ? Omit<P, 'data' | 'meta'> & { data: D extends readonly (infer E)[] ? Item<E>[] : Item<D>; meta: Item<M> }
  : P;

export const htmlAnswer: AnswerKind<string> = { mediaType: HTML_TYPE, serialize: (page) => page };
const jsonAnswer: AnswerKind<unknown> = { mediaType: JSON_TYPE, serialize: (payload) => envelopeJson(payload as Envelope<unknown>) };
export const jsonLdAnswer: AnswerKind<JsonLdDocument> = { mediaType: `${JSON_LD_MEDIA}; charset=utf-8`, serialize: jsonLdText };

/**
 * Sends the snapshot's answer under `key` (a canonical request): the one prepared or cached, or
 * the JSON of what `compute` returns, made now and cached. `compute` is checked against the
 * route's declared response; the reply then carries the answer (its bytes, ETag and compressed
 * forms) to the representation hook, which settles 304 and content coding.
 */
export function sendAnswer<R extends AnyReply>(reply: R, key: string, compute: () => Itemized<PayloadOf<R>>): R;
export function sendAnswer<R extends AnyReply, P>(reply: R, key: string, compute: () => P, kind: AnswerKind<P>): R;
export function sendAnswer(reply: FastifyReply, key: string, compute: () => unknown, kind: AnswerKind<unknown> = jsonAnswer): FastifyReply {
  const server = reply.server;
  // A region chosen from the partner key or Accept-Language changes the answer's crisis lines.
  const region = reply.request.region;
  const canonical = region ? key + regionKeySuffix(region) : key;
  const { answer, computed } = server.snapshot.answers.answer(canonical, () => kind.serialize(compute()), kind.mediaType);
  if (computed) server.metrics.cacheMiss();
  else server.metrics.cacheHit();
  reply.answer = answer;
  return reply.header('content-type', answer.mediaType).send(answer.bytes);
}

/**
 * The JSON-LD representation of the resource at `key` (a canonical path and query). Its URLs are
 * absolute, so the origin is part of the key unless PUBLIC_BASE_URL fixes it; the key's prefix
 * keeps it apart from the JSON answer at the same URL.
 */
export function sendJsonLd(request: FastifyRequest, reply: FastifyReply, key: string, compute: (origin: string) => JsonLdDocument) {
  const origin = publicOrigin(request, reply);
  return sendAnswer(reply, `ld+json ${keyWithOrigin(request.server, origin, key)}`, () => compute(origin), jsonLdAnswer);
}
