import type { FastifyReply } from 'fastify';
import type { Answers } from '../answers/answers.js';
import { envelopeJson } from '../answers/json.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface AnswerKind<T> {
  mediaType: string;
  serialize: (payload: T) => string;
}

export const jsonAnswer: AnswerKind<unknown> = { mediaType: JSON_TYPE, serialize: envelopeJson };

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
