// Problem details (RFC 9457) on their own: the type and title each status carries, the detail a
// validation error becomes, and one problem sent through a bare Fastify instance. Fast, so
// `npm run test:mutation` can afford it; the route tests check the same rules in place.
import type { FastifyError } from 'fastify';
import Fastify from 'fastify';
import t from 'tap';
import {
  HttpProblem,
  invalidParameters,
  notFound,
  type ParameterError,
  parameterErrors,
  PROBLEM_CONTENT_TYPE,
  problemBody,
  sendProblem,
} from '../../src/http/problems.js';

t.test('each status names its problem type and title: clients switch on `type`, so none may change', async (t) => {
  const expected: [number, string, string][] = [
    [400, '/problems/invalid-parameters', 'Invalid request parameters'],
    [401, '/problems/invalid-api-key', 'Invalid API key'],
    [404, '/problems/not-found', 'Not found'],
    [405, '/problems/method-not-allowed', 'Method not allowed'],
    [406, '/problems/not-acceptable', 'Not acceptable'],
    [410, '/problems/gone', 'Gone'],
    [413, '/problems/payload-too-large', 'Payload too large'],
    [414, '/problems/uri-too-long', 'URI too long'],
    [415, '/problems/unsupported-media-type', 'Unsupported media type'],
    [429, '/problems/rate-limited', 'Too many requests'],
    [431, '/problems/headers-too-large', 'Request header fields too large'],
    [501, '/problems/not-implemented', 'Not implemented'],
    [503, '/problems/unavailable', 'Service unavailable'],
  ];
  for (const [status, type, title] of expected) {
    t.strictSame(problemBody(status, 'why', '/v1/x'), { type, title, status, detail: 'why', instance: '/v1/x' }, `${status}`);
  }
});

t.test('a status without its own type: a 5xx is an internal error, any other is a plain bad request', async (t) => {
  t.strictSame(problemBody(500, 'd', '/i'), {
    type: '/problems/internal-error',
    title: 'Internal server error',
    status: 500,
    detail: 'd',
    instance: '/i',
  });
  t.equal(problemBody(502, 'd', '/i').type, '/problems/internal-error');
  t.strictSame(problemBody(418, 'd', '/i'), {
    type: '/problems/bad-request',
    title: 'Bad request',
    status: 418,
    detail: 'd',
    instance: '/i',
  });
  t.equal(problemBody(499, 'd', '/i').type, '/problems/bad-request', 'just under 500 is still a client error');
});

t.test('the errors list appears only on a problem that has one', async (t) => {
  const errors: ParameterError[] = [{ in: 'query', name: 'limit', detail: 'too big' }];
  t.strictSame(problemBody(400, 'd', '/i', errors).errors, errors);
  t.notOk('errors' in problemBody(404, 'd', '/i'), 'no empty or undefined errors member');
});

t.test('notFound and invalidParameters say what is wrong in one sentence', async (t) => {
  const missing = notFound('The sign "x"');
  t.ok(missing instanceof HttpProblem);
  t.equal(missing.name, 'HttpProblem');
  t.equal(missing.statusCode, 404);
  t.equal(missing.detail, 'The sign "x" does not exist.');
  t.equal(missing.message, 'The sign "x" does not exist.', 'the log line reads the same as the body');

  const one = invalidParameters([{ in: 'path', name: 'slug', detail: 'must be lower case' }]);
  t.equal(one.statusCode, 400);
  t.equal(one.detail, 'The path parameter "slug" is invalid: must be lower case.');
  t.strictSame(one.errors, [{ in: 'path', name: 'slug', detail: 'must be lower case' }]);

  const two = invalidParameters([
    { in: 'query', name: 'limit', detail: 'too big' },
    { in: 'query', name: 'offset', detail: 'negative' },
  ]);
  t.equal(two.detail, '2 parameters are invalid: "limit", "offset".');
  t.equal(two.errors?.length, 2);
  // Equivalent mutant, left: `only && errors.length === 1` with `only` replaced by true. The
  // first member exists exactly when the length is 1; `only` is there for the type checker.
});

t.test('an HttpProblem carries the headers its response needs', async (t) => {
  const p = new HttpProblem(429, 'Slow down.', undefined, { 'retry-after': '10' });
  t.strictSame(p.headers, { 'retry-after': '10' });
  t.equal(p.errors, undefined);
});

const validationError = (context: string | undefined, validation: unknown[]): FastifyError =>
  Object.assign(new Error('bad'), { code: 'FST_ERR_VALIDATION', validationContext: context, validation }) as unknown as FastifyError;

t.test('parameterErrors: one entry per bad parameter, named where it was sent', async (t) => {
  const issue = (instancePath: string, message?: string) => ({ keyword: 'too_big', instancePath, schemaPath: '', params: {}, message });
  t.strictSame(parameterErrors(validationError('querystring', [issue('/limit', 'too big')]), 'unknown'), [
    { in: 'query', name: 'limit', detail: 'too big' },
  ]);
  t.strictSame(parameterErrors(validationError('params', [issue('/slug', 'bad')]), 'unknown'), [
    { in: 'path', name: 'slug', detail: 'bad' },
  ]);
  t.strictSame(parameterErrors(validationError('headers', [issue('/accept', 'bad')]), 'unknown'), [
    { in: 'header', name: 'accept', detail: 'bad' },
  ]);
  t.strictSame(
    parameterErrors(validationError(undefined, [issue('/q', 'bad')]), 'unknown'),
    [{ in: 'query', name: 'q', detail: 'bad' }],
    'no context: the query',
  );
  t.strictSame(
    parameterErrors(validationError('body', [issue('/q', 'bad')]), 'unknown'),
    [{ in: 'query', name: 'q', detail: 'bad' }],
    'an unlisted context: the query',
  );
  t.strictSame(
    parameterErrors(validationError('querystring', [issue('/topic/2', 'bad')]), 'unknown'),
    [{ in: 'query', name: 'topic', detail: 'bad' }],
    'an item of a list names the list',
  );
  t.strictSame(
    parameterErrors(validationError('params', [issue('', 'bad')]), 'unknown'),
    [{ in: 'path', name: '(path)', detail: 'bad' }],
    'an error about the whole object names where it was',
  );
  t.strictSame(parameterErrors(validationError('querystring', [issue('/q')]), 'unknown'), [
    { in: 'query', name: 'q', detail: 'is invalid' },
  ]);
  // Equivalent mutant, left: the `?? 'querystring'` default emptied. No context then names no
  // entry of the map, and the fallback after it says 'query' just the same.
  t.strictSame(parameterErrors(validationError('querystring', []), 'unknown'), []);
  t.strictSame(
    parameterErrors(Object.assign(new Error('x'), { code: 'X' }) as unknown as FastifyError, 'unknown'),
    [],
    'no validation list',
  );
});

t.test('parameterErrors: each unknown parameter gets its own entry, its name masked when asked', async (t) => {
  const unknownKeys = { keyword: 'unrecognized_keys', instancePath: '', schemaPath: '', params: { keys: ['foo', 'bar'] }, message: 'x' };
  t.strictSame(parameterErrors(validationError('querystring', [unknownKeys]), 'is not a parameter of this operation'), [
    { in: 'query', name: 'foo', detail: 'is not a parameter of this operation' },
    { in: 'query', name: 'bar', detail: 'is not a parameter of this operation' },
  ]);
  t.strictSame(
    parameterErrors(validationError('querystring', [unknownKeys]), 'unknown', (n) => `<${n.length}>`),
    [
      { in: 'query', name: '<3>', detail: 'unknown' },
      { in: 'query', name: '<3>', detail: 'unknown' },
    ],
    'a page may mask names a client made up',
  );
  const noKeys = { keyword: 'unrecognized_keys', instancePath: '/x', schemaPath: '', params: {}, message: 'odd' };
  t.strictSame(
    parameterErrors(validationError('querystring', [noKeys]), 'unknown'),
    [{ in: 'query', name: 'x', detail: 'odd' }],
    'without keys: as any other',
  );
  const keysElsewhere = { keyword: 'custom', instancePath: '/y', schemaPath: '', params: { keys: ['z'] }, message: 'no' };
  t.strictSame(
    parameterErrors(validationError('querystring', [keysElsewhere]), 'unknown'),
    [{ in: 'query', name: 'y', detail: 'no' }],
    'keys on another kind of issue are not names',
  );
});

t.test('sendProblem: the status, the problem media type, and the request URL as instance (bounded)', async (t) => {
  const app = Fastify();
  t.teardown(() => app.close());
  app.get('/*', (request, reply) => sendProblem(request, reply, 404, 'Nothing here.'));
  app.get('/invalid', (request, reply) => sendProblem(request, reply, 400, 'Bad.', [{ in: 'query', name: 'a', detail: 'b' }]));

  const res = await app.inject({ method: 'GET', url: '/nothing?x=1' });
  t.equal(res.statusCode, 404);
  t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE);
  t.equal(PROBLEM_CONTENT_TYPE, 'application/problem+json; charset=utf-8');
  t.strictSame(res.json(), {
    type: '/problems/not-found',
    title: 'Not found',
    status: 404,
    detail: 'Nothing here.',
    instance: '/nothing?x=1',
  });

  const invalid = await app.inject({ method: 'GET', url: '/invalid' });
  t.equal(invalid.statusCode, 400);
  t.strictSame(invalid.json().errors, [{ in: 'query', name: 'a', detail: 'b' }]);

  const long = `/${'a'.repeat(3000)}`;
  const bounded = await app.inject({ method: 'GET', url: long });
  t.equal(bounded.json().instance, long.slice(0, 2048), 'a long URL is cut, not echoed whole');
});
