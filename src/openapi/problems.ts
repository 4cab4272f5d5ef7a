import { z } from 'zod';
import { CONTENT_TYPES } from '../content/types.js';
import { unknownService, untrustedCall } from '../http/cds-problems.js';
import { INFOBUTTON_PATH, INFOBUTTON_PROBLEM_EXAMPLE } from '../http/infobutton-request.js';
import { CDS_SERVICE_ID } from '../schemas/cds-hooks.js';
import { type HttpProblem, invalidParameters, problemBody, type ProblemBody } from '../http/problems.js';
import { REDIRECT_MONTHS } from '../http/successor.js';
import { CrisisNotice } from '../schemas/crisis.js';
import { operationsOf } from './operations.js';

// Every error status an operation can answer, each with the problem+json media type, a
// description and an example body that fits the status and the operation's own path. The routes
// declare the statuses their handlers answer as the bare Problem schema (so handler types stay
// checked); the statuses the server answers around any handler are added here: 414 (a path
// segment too long) where the path has a parameter, 503 (overload, shutdown, an unreadable store)
// everywhere but liveness, and under /v1 the 308 to a path without its trailing slash. Responses
// a route described itself keep their words. Under /v1 an error is problem+json only, whatever
// the operation's success answers; pages and embeds also answer errors as HTML pages for people.

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const UNKNOWN = invalidParameters([{ in: 'query', name: 'colour', detail: 'is not a parameter of this operation' }]);
const CRISIS_EXAMPLE: unknown = z.globalRegistry.get(CrisisNotice)?.example;

const DESCRIPTIONS: Record<string, string> = {
  '400': 'A parameter is invalid, unknown, or repeated where only one value is allowed; `errors` lists each one.',
  '401': 'The X-API-Key header holds no valid partner key (omit it for the keyless tier).',
  '404': 'Nothing has this slug.',
  '406': 'The Accept header allows none of the media types the operation answers with (JSON; JSON-LD where documented).',
  '410': `The record was removed, or renamed more than ${REDIRECT_MONTHS} months ago (its old address no longer redirects; a \`Link\` header names the successor). See \`/v1/changes\`.`,
  '414': 'A path segment is longer than 200 characters.',
  '429': 'Rate limit exceeded: retry after the number of seconds in Retry-After, or send a partner key for a higher limit.',
  '503':
    'Unavailable for now (overloaded, shutting down, or the content store is being replaced): retry after the number of seconds in Retry-After.',
};

const TRAILING_SLASH = {
  description:
    'The path ended with a slash: this redirects, method and query kept, to the same path without it (the one address of the resource).',
  headers: {
    Location: { description: 'The same address without the trailing slash.', schema: { type: 'string' }, example: '/v1/signs?limit=5' },
  },
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
      if (!path.startsWith('/v1/')) return 'There is no page at this address. Every topic is listed at /topics.';
      return `The ${SINGULAR.get(path.split('/')[2] ?? '') ?? 'record'} "${EXAMPLE_SLUG}" does not exist.`;
    }
    case '406':
      return 'This API answers with application/json only; send Accept: application/json (or omit Accept).';
    case '410':
      return `The ${SINGULAR.get(path.split('/')[2] ?? '') ?? 'record'} "${EXAMPLE_SLUG}" was removed from the content on 2026-11-29 (content version 6149d7b7b4cb0b21); see /v1/changes.`;
    case '414':
      return 'A path segment is longer than 200 characters.';
    case '429':
      return 'Rate limit exceeded: 300 requests per 60 s. Retry after 42 s, or use a partner key for a higher limit.';
    case '503':
      return 'The service is overloaded (eventLoopDelay); please retry in 10 s.';
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
  const concrete = path.replace(/\{[^}]+\}/, status === '414' ? 'x'.repeat(201) : EXAMPLE_SLUG);
  const body =
    status === '400'
      ? problemBody(400, UNKNOWN.detail, `${concrete}?colour=blue`, UNKNOWN.errors)
      : problemBody(Number(status), detailOf(status, path), concrete);
  // Every problem under /v1 carries the crisis guidance (src/plugins/app/problem-details.ts).
  return path.startsWith('/v1/') ? { ...body, crisis: CRISIS_EXAMPLE } : body;
}

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown; example?: unknown }>;
}
type Operation = { responses?: Record<string, Response> };

/** The statuses the server answers for `path` around its handlers (see above). */
function serverStatuses(path: string): string[] {
  if (path === '/healthz') return [];
  return [...(path.includes('{') ? ['414'] : []), '503'];
}

const byStatus = (responses: Record<string, Response>) =>
  Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));

export function describeProblems<T>(document: T): T {
  for (const [path, operation] of operationsOf<Operation>(document)) {
    const api = path.startsWith('/v1/');
    const responses = (operation.responses ??= {});
    for (const status of serverStatuses(path)) responses[status] ??= { content: { 'application/json': { schema: PROBLEM } } };
    if (api) responses['308'] = TRAILING_SLASH;
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400) continue;
      const content = (response.content ??= {});
      const json = content['application/json'];
      if (json) {
        // A bare Problem schema from the route: it becomes problem+json, described here.
        delete content['application/json'];
        content['application/problem+json'] = { schema: json.schema };
        if (DESCRIPTIONS[status]) response.description = DESCRIPTIONS[status];
      }
      // The API's errors are problem+json, never the JSON-LD its operation may also answer. (The
      // infobutton declares its own: problems in the format its request chose.)
      if (api) delete content['application/ld+json'];
      const problem = content['application/problem+json'];
      if (problem && problem.example === undefined) problem.example = exampleOf(status, path);
    }
    operation.responses = byStatus(responses);
  }
  return document;
}
