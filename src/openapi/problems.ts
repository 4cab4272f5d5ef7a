import { problemBody } from '../http/problems.js';
import { REDIRECT_MONTHS } from '../http/successor.js';

// What each error status of a content operation means, with an example body: the routes declare
// their error responses as the bare Problem schema (so handler types stay checked), and this
// gives the document the problem+json media type, a description and an example per status.

const DESCRIPTIONS: Record<string, [description: string, detail: string, instance: string]> = {
  '400': ['A parameter is invalid, unknown or repeated; `errors` lists each one.', 'The query parameter "limit" is invalid: must be a whole number from 1 to 100.', '/v1/signs?limit=abc'],
  '401': ['The X-API-Key header holds no valid partner key (omit it for the keyless tier).', 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.', '/v1/signs'],
  '404': ['Nothing has this slug.', 'The sign "not-a-sign" does not exist.', '/v1/signs/not-a-sign'],
  '406': ['The Accept header allows none of the media types the operation answers with (JSON; JSON-LD where documented).', 'This API answers with application/json only; send Accept: application/json (or omit Accept).', '/v1/signs'],
  '410': [
    `The record was removed, or renamed more than ${REDIRECT_MONTHS} months ago (its old address no longer redirects; a \`Link\` header names the successor). See \`/v1/changes\`.`,
    'The sign "pulling-back" was removed from the content on 2026-11-29 (content version 6149d7b7b4cb0b21); see /v1/changes.',
    '/v1/signs/pulling-back',
  ],
  '429': [
    'Rate limit exceeded; retry after the number of seconds in Retry-After. RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset and RateLimit-Policy describe the quota on every response.',
    'Rate limit exceeded: 300 requests per 60 s. Retry after 42 s, or use a partner key for a higher limit.',
    '/v1/signs',
  ],
};

interface Response {
  description?: string;
  content?: Record<string, unknown>;
}
type Document = { paths?: Record<string, Record<string, { responses?: Record<string, Response> }>> };

export function describeProblems<T>(document: T): T {
  for (const operations of Object.values((document as Document).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const known = DESCRIPTIONS[status];
        const json = response.content?.['application/json'] as { schema?: unknown } | undefined;
        if (!known || !json) continue;
        const [description, detail, instance] = known;
        const example = problemBody(Number(status), detail, instance, status === '400' ? [{ in: 'query', name: 'limit', detail: 'must be a whole number from 1 to 100' }] : undefined);
        response.description = description;
        response.content = { 'application/problem+json': { schema: json.schema, example } };
      }
    }
  }
  return document;
}
