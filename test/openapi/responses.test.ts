import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import t from 'tap';
import { PROJECT_ROOT } from '../../src/config.js';
import { build } from '../helpers/app.js';

// What a generated client learns from the committed document: a description and an example per
// status, the headers it will meet, the 304 it may get, and that the partner key is optional.
// Documented headers are checked against what the app really sends.

type Header = { $ref?: string };
type Response = { description: string; headers?: Record<string, Header>; content?: Record<string, { example?: { status?: number } }> };
type Operation = { responses: Record<string, Response>; security?: Record<string, string[]>[] };
const doc = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  security: Record<string, string[]>[];
  components: { headers: Record<string, unknown> };
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op, name: `${method.toUpperCase()} ${path}` })),
);
const content = operations.filter(({ path }) => path.startsWith('/v1/'));
const headersOf = (r: Response | undefined) => Object.keys(r?.headers ?? {});

t.test('each response has its own description; each error its own example, fitting its status', async (t) => {
  for (const { name, op } of operations) {
    const descriptions = Object.values(op.responses).map((r) => r.description);
    t.notOk(descriptions.includes('Default Response'), `${name}: no placeholder description`);
    t.equal(new Set(descriptions).size, descriptions.length, `${name}: each status described differently`);
    const examples = new Set<string>();
    for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
      const example = response.content?.['application/problem+json']?.example;
      t.equal(example?.status, Number(status), `${name} ${status}: a problem+json example with its own status`);
      examples.add(JSON.stringify(example));
    }
    t.equal(examples.size, Object.keys(op.responses).filter((s) => Number(s) >= 400).length, `${name}: no two errors share an example`);
  }
  const sign404 = doc.paths['/v1/topics/{slug}']!.get!.responses['404']!.content!['application/problem+json']!.example;
  t.match(
    sign404,
    { detail: 'The topic "not-a-real-slug" does not exist.', instance: '/v1/topics/not-a-real-slug' },
    'a 404 example names its own operation',
  );
});

t.test('caching and rate-limit headers, and a 304, are documented where they are sent', async (t) => {
  t.same(Object.keys(doc.components.headers).sort(), [
    'Cache-Control',
    'ETag',
    'RateLimit-Limit',
    'RateLimit-Policy',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'Retry-After',
    'Vary',
  ]);
  const quota = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'];
  for (const { name, op } of content) {
    t.same(headersOf(op.responses['200']), ['ETag', 'Cache-Control', 'Vary', ...quota], `${name}: 200 headers`);
    t.same(headersOf(op.responses['304']), ['ETag', 'Cache-Control', 'Vary', ...quota], `${name}: 304 documented`);
    t.same(headersOf(op.responses['429']), ['Retry-After', ...quota], `${name}: 429 headers`);
    t.equal(op.responses['200']!.headers!.ETag!.$ref, '#/components/headers/ETag');
  }
  for (const path of ['/embed/topics/{slug}', '/embed/list', '/oembed']) {
    t.same(headersOf(doc.paths[path]!.get!.responses['304']), ['ETag', 'Cache-Control', 'Vary'], `${path}: 304 documented, no quota`);
  }
  t.notOk(doc.paths['/healthz']!.get!.responses['304'], 'never-cached probes document no 304');

  // What the app sends, against what the document says.
  const app = await build(t, { RATE_LIMIT_MAX: '2' });
  const lower = (names: string[]) => names.map((n) => n.toLowerCase());
  const ok = await app.inject({ method: 'GET', url: '/v1/signs' });
  for (const h of lower(headersOf(doc.paths['/v1/signs']!.get!.responses['200']))) t.ok(ok.headers[h], `200 sends ${h}`);
  const notModified = await app.inject({ method: 'GET', url: '/v1/signs', headers: { 'if-none-match': String(ok.headers.etag) } });
  t.equal(notModified.statusCode, 304);
  for (const h of lower(headersOf(doc.paths['/v1/signs']!.get!.responses['304']))) t.ok(notModified.headers[h], `304 sends ${h}`);
  const limited = await app.inject({ method: 'GET', url: '/v1/signs' });
  t.equal(limited.statusCode, 429);
  for (const h of lower(headersOf(doc.paths['/v1/signs']!.get!.responses['429']))) t.ok(limited.headers[h], `429 sends ${h}`);
});

t.test('the partner key is optional: no operation requires it', async (t) => {
  t.same(doc.security, [{}, { partnerKey: [] }], 'by default: anonymous, or with a key');
  for (const { name, path, op } of operations) {
    const security = op.security ?? doc.security;
    if (path.startsWith('/v1/'))
      t.ok(
        security.some((s) => Object.keys(s).length === 0),
        `${name}: works without a key`,
      );
    else t.same(security, [], `${name}: takes no key at all`);
  }
});

t.test('the docs page loads the committed document', async (t) => {
  const app = await build(t);
  const init = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  t.equal(init.statusCode, 200);
  t.match(init.body, /"urls":\[\{"url":"\/openapi\.json"/);
  t.equal((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode, 200);
});
