import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t from 'tap';
import { build } from '../helpers/app.js';

const app = await build(t, { CACHE_MAX_AGE: '120', CACHE_STALE_WHILE_REVALIDATE: '600' });

t.test('content responses carry a weak ETag (one for every content coding) and public cache headers', async (t) => {
  for (const url of [
    '/v1/topics',
    '/v1/topics/emotional-detachment?include=signs',
    '/v1/strategies?category=coping',
    '/v1/therapies/counselling',
    '/v1/sources',
  ]) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, url);
    t.match(res.headers.etag, /^W\/"[^"]+"$/, `${url}: weak ETag (RFC 9110 §8.8.3: identity, br and gzip bytes differ)`);
    t.equal(res.headers['cache-control'], 'public, max-age=120, stale-while-revalidate=600');
  }
});

t.test('If-None-Match with the current ETag gives 304 without a body', async (t) => {
  const url = '/v1/signs?topic=emotional-withdrawal&limit=50';
  const first = await app.inject({ method: 'GET', url });
  const etag = first.headers.etag as string;
  const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304);
  t.equal(again.body, '');
  t.equal(again.headers.etag, etag);
  t.equal(again.headers['cache-control'], 'public, max-age=120, stale-while-revalidate=600', '304 keeps the cache policy');
  t.equal(again.headers.vary, first.headers.vary, '304 varies on what its 200 varies on (RFC 9110 §15.4.5)');
  t.match(again.headers.vary, /accept-encoding/);
  for (const coding of ['br', 'gzip', 'identity']) {
    const revalidated = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag, 'accept-encoding': coding } });
    t.equal(revalidated.statusCode, 304, `the tag a client was given revalidates whatever coding it now asks for (${coding})`);
  }
  const stale = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
  t.equal(stale.statusCode, 200);
  const other = await app.inject({ method: 'GET', url: `${url}&format=html` });
  t.not(other.headers.etag, etag, 'a different representation has a different ETag');
});

t.test('errors are not cached', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/v1/signs/nope' });
  t.equal(res.statusCode, 404);
  t.equal(res.headers['cache-control'], 'no-store');
});

t.test('CORS is open for GET from any origin', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/v1/faqs', headers: { origin: 'https://partner.example' } });
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.match(res.headers['access-control-expose-headers'], /ETag/);
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/faqs',
    headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], '*');
  t.match(preflight.headers['access-control-allow-methods'], /GET/);
  t.notMatch(preflight.headers['access-control-allow-methods'], /POST|DELETE/);
});

t.test('responses are compressed with brotli or gzip and vary on Accept-Encoding', async (t) => {
  const plain = await app.inject({ method: 'GET', url: '/v1/signs?limit=100' });
  const br = await app.inject({ method: 'GET', url: '/v1/signs?limit=100', headers: { 'accept-encoding': 'br' } });
  t.equal(br.headers['content-encoding'], 'br');
  t.match(br.headers.vary, /accept-encoding/i);
  t.same(JSON.parse(brotliDecompressSync(br.rawPayload).toString()), plain.json());
  const gz = await app.inject({ method: 'GET', url: '/v1/signs?limit=100', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip');
  t.same(JSON.parse(gunzipSync(gz.rawPayload).toString()), plain.json());
  t.ok(gz.rawPayload.length < plain.rawPayload.length / 2);
});

t.test("every response carries a request id, echoing the caller's", async (t) => {
  const res = await app.inject({ method: 'GET', url: '/v1/topics', headers: { 'x-request-id': 'abc-123' } });
  t.equal(res.headers['x-request-id'], 'abc-123');
  const fresh = await app.inject({ method: 'GET', url: '/v1/topics' });
  t.match(fresh.headers['x-request-id'], /^[0-9a-f-]{36}$/);
});
