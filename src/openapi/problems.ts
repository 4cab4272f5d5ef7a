import { CONTENT_TYPES } from '../content/types.js';
import { unknownService, untrustedCall } from '../http/cds-problems.js';
import { INFOBUTTON_PATH, INFOBUTTON_PROBLEM_EXAMPLE } from '../http/infobutton-request.js';
import { CDS_SERVICE_ID } from '../schemas/cds-hooks.js';
import { type HttpProblem, invalidParameters, problemBody, type ProblemBody } from '../http/problems.js';
import { REDIRECT_MONTHS } from '../http/successor.js';

// What each error status of an operation means, with an example body that fits the status and
// the operation's own path: the routes declare their error responses as the bare Problem schema
// (so handler types stay checked), and this gives the document the problem+json media type, a
// description and an example per status. Responses a route described itself keep their words.

const UNKNOWN = invalidParameters([{ in: 'query', name: 'colour', detail: 'is not a parameter of this operation' }]);

const DESCRIPTIONS: Record<string, string> = {
  '400': 'A parameter is invalid, unknown or repeated; `errors` lists each one.',
  '401': 'The X-API-Key header holds no valid partner key (omit it for the keyless tier).',
  '404': 'Nothing has this slug.',
  '406': 'The Accept header allows none of the media types the operation answers with (JSON; JSON-LD where documented).',
  '410': `The record was removed, or renamed more than ${REDIRECT_MONTHS} months ago (its old address no longer redirects; a \`Link\` header names the successor). See \`/v1/changes\`.`,
  '429': 'Rate limit exceeded: retry after the number of seconds in Retry-After, or send a partner key for a higher limit.',
  '503': 'Not ready: shutting down, or the content store cannot answer.',
};

const SINGULAR = new Map<string, string>([
  ...CONTENT_TYPES.map((t) => [t.collection, t.type] as const),
  ['topics', 'topic'],
  ['sources', 'source'],
]);
const EXAMPLE_SLUG = 'not-a-real-slug';

/** The detail a request to `path` gets with this status (the messages the app sends). */
function detailOf(status: string, path: string): string {
  switch (status) {
    case '401':
      return 'The X-API-Key header does not hold a valid partner key. Omit it to use the keyless tier.';
    case '404': {
      if (path.startsWith('/embed/'))
        return 'No topic has this slug. The topics are: emotional-isolation, emotional-withdrawal, emotional-detachment.';
      if (path === '/oembed')
        return 'The url is not an embed of this service (or what it names does not exist). Make one with the builder at /embed.';
      return `The ${SINGULAR.get(path.split('/')[2] ?? '') ?? 'record'} "${EXAMPLE_SLUG}" does not exist.`;
    }
    case '406':
      return 'This API answers with application/json only; send Accept: application/json (or omit Accept).';
    case '410':
      return `The ${SINGULAR.get(path.split('/')[2] ?? '') ?? 'record'} "${EXAMPLE_SLUG}" was removed from the content on 2026-11-29 (content version 6149d7b7b4cb0b21); see /v1/changes.`;
    case '429':
      return 'Rate limit exceeded: 300 requests per 60 s. Retry after 42 s, or use a partner key for a higher limit.';
    case '503':
      return 'The server is shutting down.';
    default:
      return UNKNOWN.detail;
  }
}

const CDS_SERVICE_PATH = '/cds-services/{id}';
const CDS_SERVICE_EXAMPLE = `/cds-services/${CDS_SERVICE_ID}`;
const CDS_BODY_ERROR = invalidParameters([
  { in: 'body', name: 'context.patientId', detail: 'Invalid input: expected string, received undefined' },
]);
const bodyOf = (problem: HttpProblem, instance: string) => problemBody(problem.statusCode, problem.detail, instance, problem.errors);

/** Operations whose problems are their own (the clinical routes), by path and status. */
const OWN_EXAMPLES: Record<string, Record<string, ProblemBody>> = {
  [INFOBUTTON_PATH]: { '400': INFOBUTTON_PROBLEM_EXAMPLE },
  [CDS_SERVICE_PATH]: {
    '400': bodyOf(CDS_BODY_ERROR, CDS_SERVICE_EXAMPLE),
    '401': bodyOf(untrustedCall(), CDS_SERVICE_EXAMPLE),
    '404': bodyOf(unknownService('not-a-service'), '/cds-services/not-a-service'),
  },
};

function exampleOf(status: string, path: string) {
  const own = OWN_EXAMPLES[path]?.[status];
  if (own) return own;
  const concrete = path.replace('{slug}', EXAMPLE_SLUG);
  if (status === '400') return problemBody(400, UNKNOWN.detail, `${concrete}?colour=blue`, UNKNOWN.errors);
  return problemBody(Number(status), detailOf(status, path), concrete);
}

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown; example?: unknown }>;
}
type Document = { paths?: Record<string, Record<string, { responses?: Record<string, Response> }>> };

export function describeProblems<T>(document: T): T {
  for (const [path, operations] of Object.entries((document as Document).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const content = response.content;
        const json = content?.['application/json'];
        if (content && json) {
          // A bare Problem schema from the route: it becomes problem+json, described here.
          delete content['application/json'];
          content['application/problem+json'] = { schema: json.schema };
          if (DESCRIPTIONS[status]) response.description = DESCRIPTIONS[status];
        }
        const problem = response.content?.['application/problem+json'];
        if (problem && problem.example === undefined) problem.example = exampleOf(status, path);
      }
    }
  }
  return document;
}
