import t from 'tap';
import { PartnerKeys } from '../../src/http/partner-keys.js';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';

const PARTNER_KEY = 'partner-secret-123';

t.test('keyless clients get the draft RateLimit headers and a problem+json 429 with Retry-After', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '30' });
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({ method: 'GET', url: '/v1/faqs?limit=1' });
    statuses.push(res.statusCode);
    t.equal(res.headers['ratelimit-limit'], '3');
    t.equal(res.headers['ratelimit-remaining'], String(2 - i));
    t.equal(res.headers['ratelimit-policy'], '3;w=30');
  }
  t.same(statuses, [200, 200, 200]);
  const limited = await app.inject({ method: 'GET', url: '/v1/faqs?limit=1' });
  t.equal(limited.statusCode, 429);
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.match(limited.json(), { type: '/problems/rate-limited', status: 429, detail: /3 requests per 30 s/ });
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when to come back');
  t.equal(limited.headers['cache-control'], 'no-store');

  for (const url of ['/healthz', '/readyz', '/docs/', '/openapi.json']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, `${url} is not starved by the API quota`);
    t.equal(res.headers['ratelimit-limit'], undefined, `${url} is outside the quota`);
  }
  const other = await app.inject({ method: 'GET', url: '/v1/faqs?limit=1', remoteAddress: '10.0.0.9' });
  t.equal(other.statusCode, 200, 'the quota is per client');
});

t.test('a partner key raises the limit; an unknown key is refused with 401, counted as keyless', async (t) => {
  const app = await build(t, {
    RATE_LIMIT_MAX: '1',
    PARTNER_RATE_LIMIT_MAX: '50',
    PARTNER_KEYS: `acme:${PartnerKeys.hash(PARTNER_KEY)}`,
  });
  await app.inject({ method: 'GET', url: '/v1/topics' });
  t.equal((await app.inject({ method: 'GET', url: '/v1/topics' })).statusCode, 429, 'keyless quota used up');
  const partner = await app.inject({ method: 'GET', url: '/v1/topics', headers: { 'x-api-key': PARTNER_KEY } });
  t.equal(partner.statusCode, 200, 'the partner tier is counted separately');
  t.equal(partner.headers['ratelimit-limit'], '50');
  t.equal(partner.headers['ratelimit-policy'], '50;w=60');
  const wrong = await app.inject({ method: 'GET', url: '/v1/topics', headers: { 'x-api-key': 'guess' }, remoteAddress: '192.0.2.10' });
  t.equal(wrong.statusCode, 401);
  t.match(wrong.json(), { type: '/problems/invalid-api-key', detail: /not hold a valid partner key/ });
  t.notMatch(wrong.body, /guess/, 'the presented key is not echoed');
  const spent = await app.inject({ method: 'GET', url: '/v1/topics', headers: { 'x-api-key': 'guess' } });
  t.equal(spent.statusCode, 429, "a wrong key meets the caller's spent keyless quota");
});

t.test('security headers per route family', async (t) => {
  const app = await build(t);
  for (const url of ['/v1/signs', '/v1/nope', '/healthz', '/docs/', '/openapi.json']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.headers['x-powered-by'], undefined, `${url}: no x-powered-by`);
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${url}: nosniff`);
    t.equal(res.headers['x-frame-options'], 'DENY', `${url}: not frameable`);
    t.match(res.headers['content-security-policy'], /frame-ancestors 'none'/, `${url}: CSP forbids framing`);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/);
    t.equal(res.headers['referrer-policy'], 'no-referrer');
  }
  const api = await app.inject({ method: 'GET', url: '/v1/signs' });
  t.match(api.headers['content-security-policy'], /default-src 'none'/);
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  t.match(docs.headers['content-security-policy'], /script-src 'self'/, 'the docs UI may run its own scripts');
  t.notMatch(docs.headers['content-security-policy'], /unsafe-eval|script-src[^;]*unsafe-inline/);
});

t.test('bodies, headers and methods are limited', async (t) => {
  const app = await build(t);
  const big = await app.inject({
    method: 'POST',
    url: '/v1/signs',
    headers: { 'content-type': 'application/json' },
    payload: `"${'x'.repeat(20_000)}"`,
  });
  t.ok([405, 413].includes(big.statusCode), `a large body is refused (${big.statusCode})`);
  t.match(big.headers['content-type'], /problem\+json/);
  const ignored = await app.inject({
    method: 'GET',
    url: '/v1/signs?limit=1',
    headers: { 'content-type': 'text/plain' },
    payload: 'x'.repeat(20_000),
  });
  t.equal(ignored.statusCode, 200, 'a body sent with GET is ignored, never parsed');
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    const res = await app.inject({ method, url: '/v1/signs' });
    t.equal(res.statusCode, 405, method);
  }
  const options = await app.inject({
    method: 'OPTIONS',
    url: '/v1/signs',
    headers: { origin: 'https://a.example', 'access-control-request-method': 'GET' },
  });
  t.equal(options.statusCode, 204);
});

t.test('an unexpected error is logged with its stack and answered with a generic 500', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, {}, { logger: { level: 'error', stream } });
  // A fault in the code, not in the store (a damaged store is a 503: see operations/store-damage).
  app.searchIndex.search = () => {
    throw new Error('a bug');
  };
  const res = await app.inject({ method: 'GET', url: '/v1/search?q=support' });
  t.equal(res.statusCode, 500);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.same(
    Object.keys(res.json()).sort(),
    ['crisis', 'detail', 'instance', 'status', 'title', 'type'],
    'a problem under /v1 carries the crisis help too',
  );
  t.notMatch(res.body, /database|sqlite|at .*\.ts/i, 'no internals leak to the client');
  const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
  t.ok(logged, 'the error is logged');
  t.match(logged.err.stack, /Error: .*\n\s+at /, 'with its stack');
  t.match(logged.reqId, /^[0-9a-f-]{36}$/, 'and the request id');
});

t.test('under memory pressure the API sheds load with 503 + Retry-After, but liveness and metrics answer', async (t) => {
  const app = await build(t, { MAX_HEAP_USED_MB: '1' });
  // under-pressure samples memory periodically; give it one sample.
  await new Promise((r) => setTimeout(r, 1200));
  const shed = await app.inject({ method: 'GET', url: '/v1/signs' });
  t.equal(shed.statusCode, 503);
  t.equal(shed.headers['retry-after'], '10');
  t.match(shed.headers['content-type'], /^application\/problem\+json/);
  t.match(shed.json(), { status: 503, detail: /overloaded/ });
  t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  t.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200, 'nor are the metrics that show it');
});
