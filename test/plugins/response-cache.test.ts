import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t from 'tap';
import { build } from '../helpers/app.js';

// Cached answers are replayed before the rest of the request pipeline runs; they must be
// indistinguishable from the first answer, and every check must still apply to them.
const PER_REQUEST = ['date', 'x-request-id', 'traceparent', 'ratelimit-remaining', 'ratelimit-reset', 'connection', 'keep-alive', 'transfer-encoding'];
const stable = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([k]) => !PER_REQUEST.includes(k)));

t.test('a replayed answer has the same status, body and headers as the first', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '1000' });
  for (const url of ['/v1/topics/emotional-withdrawal?include=signs', '/v1/search?q=trust', '/embed/topics/emotional-isolation?sections=faqs', '/v1/sources']) {
    const first = await app.inject({ method: 'GET', url });
    const second = await app.inject({ method: 'GET', url });
    t.equal(second.statusCode, 200, url);
    t.equal(second.body, first.body, `${url}: same bytes`);
    t.same(stable(second.headers), stable(first.headers), `${url}: same headers`);
    t.not(second.headers['x-request-id'], first.headers['x-request-id'], 'each answer has its own request id');
  }
  const embed = await app.inject({ method: 'GET', url: '/embed/topics/emotional-isolation?sections=faqs' });
  t.match(embed.headers['content-security-policy'], /frame-ancestors \*/);
  t.equal(embed.headers['x-frame-options'], undefined);
  const api = await app.inject({ method: 'GET', url: '/v1/sources' });
  t.equal(api.headers['x-frame-options'], 'DENY');
  t.match(api.headers['content-security-policy'], /default-src 'none'/);
});

t.test('conditional, compressed and HEAD requests are answered from the cache correctly', async (t) => {
  const app = await build(t);
  const url = '/v1/strategies?category=coping&limit=50';
  const first = await app.inject({ method: 'GET', url });
  const etag = first.headers.etag as string;
  const notModified = await app.inject({ method: 'GET', url, headers: { 'if-none-match': `"other", ${etag}` } });
  t.equal(notModified.statusCode, 304);
  t.equal(notModified.body, '');
  t.equal(notModified.headers.etag, etag);
  t.match(notModified.headers['cache-control'], /^public/);
  const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0.5, br' } });
  t.equal(br.headers['content-encoding'], 'br');
  t.equal(Number(br.headers['content-length']), br.rawPayload.byteLength);
  t.equal(brotliDecompressSync(br.rawPayload).toString(), first.body);
  const gzip = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br;q=0, gzip' } });
  t.equal(gzip.headers['content-encoding'], 'gzip');
  t.equal(gunzipSync(gzip.rawPayload).toString(), first.body);
  const identity = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
  t.equal(identity.headers['content-encoding'], undefined);
  t.equal(identity.body, first.body);
  const head = await app.inject({ method: 'HEAD', url });
  t.equal(head.statusCode, 200);
  t.equal(head.body, '');
});

t.test('every check still applies to a cached URL', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '5' });
  const url = '/v1/faqs?limit=2';
  t.equal((await app.inject({ method: 'GET', url })).statusCode, 200);
  const csv = await app.inject({ method: 'GET', url, headers: { accept: 'text/csv' } });
  t.equal(csv.statusCode, 406, 'Accept is still negotiated');
  const key = await app.inject({ method: 'GET', url, headers: { 'x-api-key': 'not-a-key' } });
  t.equal(key.statusCode, 401, 'a partner key is still checked');
  const mine = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'trace-42' } });
  t.equal(mine.headers['x-request-id'], 'trace-42', "the caller's request id is kept");
  t.equal(mine.headers['ratelimit-limit'], '5', 'rate-limit headers are sent');
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url })).statusCode);
  // Three counted so far (the 406 was refused before counting; a wrong key counts): two left of five.
  t.same(statuses, [200, 200, 429, 429], 'cached answers count against the quota, once each');
  const limited = await app.inject({ method: 'GET', url });
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.ok(limited.headers['retry-after']);
});

t.test('under pressure, a cached URL is shed like any other', async (t) => {
  const app = await build(t, { MAX_HEAP_USED_MB: '1' });
  // Before the first memory sample the app is not yet under pressure: warm the cache then.
  const warm = await app.inject({ method: 'GET', url: '/v1/topics' });
  t.ok([200, 503].includes(warm.statusCode));
  await new Promise((r) => setTimeout(r, 1200));
  const shed = await app.inject({ method: 'GET', url: '/v1/topics' });
  t.equal(shed.statusCode, 503);
});
