import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t from 'tap';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';
import { listen, send } from '../helpers/http.js';

// Over a real socket, repeat requests for a cached URL are answered before Fastify sees them
// (inject() never reaches that door). Each answer must be the one Fastify would have given.

const get = send;

const PER_REQUEST = ['date', 'x-request-id', 'traceparent', 'connection', 'keep-alive'];
const stable = (headers: IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).filter(([k]) => !PER_REQUEST.includes(k)));

t.test('a repeat request gets the same answer as the first, with its own request id', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  const base = await listen(app);
  for (const path of ['/v1/topics/emotional-withdrawal?include=signs', '/v1/search?q=trust', '/v1/sources', '/oembed?url=http%3A%2F%2Flocalhost%2Fembed%2Ftopics%2Femotional-isolation']) {
    const first = await get(base, path);
    const second = await get(base, path);
    t.equal(second.status, first.status, path);
    t.ok(second.body.equals(first.body), `${path}: same bytes`);
    t.same(stable(second.headers), stable(first.headers), `${path}: same headers`);
    t.match(second.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    t.not(second.headers['x-request-id'], first.headers['x-request-id']);
  }
  const traced = await get(base, '/v1/sources', { 'x-request-id': 'trace-7' });
  t.equal(traced.headers['x-request-id'], 'trace-7', "the caller's request id is echoed");
});

t.test('conditional, compressed and HEAD requests at the front door', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  const base = await listen(app);
  const path = '/v1/strategies?category=coping&limit=50';
  const first = await get(base, path);
  const etag = first.headers.etag!;
  const notModified = await get(base, path, { 'if-none-match': etag });
  t.equal(notModified.status, 304);
  t.equal(notModified.body.byteLength, 0);
  t.equal(notModified.headers.etag, etag);
  const br = await get(base, path, { 'accept-encoding': 'gzip, br' });
  t.equal(br.headers['content-encoding'], 'br');
  t.equal(Number(br.headers['content-length']), br.body.byteLength);
  t.ok(brotliDecompressSync(br.body).equals(first.body));
  const gzip = await get(base, path, { 'accept-encoding': 'gzip' });
  t.ok(gunzipSync(gzip.body).equals(first.body));
  t.equal(gzip.headers.vary, 'accept-encoding');
  const head = await get(base, path, {}, 'HEAD');
  t.equal(head.status, 200);
  t.equal(head.headers['content-length'], String(first.body.byteLength));
  t.equal(head.body.byteLength, 0);
});

t.test('requests the cache must not answer still reach the app', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  const base = await listen(app);
  const path = '/v1/faqs?limit=2';
  t.equal((await get(base, path)).status, 200);
  const csv = await get(base, path, { accept: 'text/csv' });
  t.equal(csv.status, 406, 'Accept is negotiated');
  t.match(csv.headers['content-type'], /^application\/problem\+json/);
  t.equal((await get(base, path, { 'x-api-key': 'not-a-key' })).status, 401, 'a partner key is checked');
  const preflight = await get(base, path, { origin: 'https://partner.example', 'access-control-request-method': 'GET' }, 'OPTIONS');
  t.equal(preflight.status, 204, 'a CORS preflight is answered by the app');
  t.equal((await get(base, path, {}, 'DELETE')).status, 405, 'other methods are refused by the app');
});

t.test('with rate limits on, cached /v1 answers are counted and carry the quota headers', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '3' });
  const base = await listen(app);
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await get(base, '/v1/causes'));
  t.same(answers.map((a) => a.status), [200, 200, 200, 429]);
  t.equal(answers[1]!.headers['ratelimit-remaining'], '1');
  t.equal(answers[2]!.headers['ratelimit-limit'], '3');
});

t.test('embed pages whose links follow the Host header are never shared between hosts', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  const base = await listen(app);
  const path = '/embed/topics/emotional-isolation?sections=faqs';
  const a = await get(base, path, { host: 'a.example' });
  const again = await get(base, path, { host: 'a.example' });
  const b = await get(base, path, { host: 'b.example' });
  t.match(a.body.toString(), /http:\/\/a\.example\//);
  t.ok(again.body.equals(a.body));
  t.match(b.body.toString(), /http:\/\/b\.example\//);
  t.notMatch(b.body.toString(), /a\.example/);
});

t.test('with PUBLIC_BASE_URL, embed pages are keyed by URL alone and link to that origin whatever the Host', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false', PUBLIC_BASE_URL: 'https://content.example.org' });
  const base = await listen(app);
  const path = '/embed/topics/emotional-withdrawal?sections=faqs';
  const a = await get(base, path, { host: 'a.example' });
  const b = await get(base, path, { host: 'b.example' });
  t.equal(b.status, 200);
  t.ok(b.body.equals(a.body));
  t.match(b.body.toString(), /https:\/\/content\.example\.org\//);
  t.notMatch(b.body.toString(), /a\.example|b\.example/);
});

t.test('with a CORS allow-list, each Origin gets its own answer', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false', CORS_ORIGINS: 'https://a.example,https://b.example' });
  const base = await listen(app);
  const from = (origin: string) => get(base, '/v1/therapies', { origin });
  t.equal((await from('https://a.example')).headers['access-control-allow-origin'], 'https://a.example');
  t.equal((await from('https://a.example')).headers['access-control-allow-origin'], 'https://a.example');
  t.equal((await from('https://b.example')).headers['access-control-allow-origin'], 'https://b.example');
  t.equal((await from('https://evil.example')).headers['access-control-allow-origin'], undefined);
});

t.test('when requests are logged one by one, cached answers are logged too', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { LOG_LEVEL: 'info', RATE_LIMIT_ENABLED: 'false' }, { logger: { level: 'info', stream } });
  const base = await listen(app);
  await get(base, '/v1/impacts');
  await get(base, '/v1/impacts');
  const completed = lines.filter((l) => l.includes('"request completed"'));
  t.equal(completed.length, 2, 'both requests are in the access log');
});

t.test('once shutdown starts, a request on an open connection is still answered, with Connection: close', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  const base = await listen(app);
  t.equal((await get(base, '/v1/contexts')).status, 200);
  const port = Number(new URL(base).port);
  const socket = connect(port, '127.0.0.1');
  await new Promise((done) => socket.once('connect', done));
  let raw = '';
  socket.on('data', (d) => (raw += d));
  const ended = new Promise((done) => socket.once('close', done));
  // Half a request is not an idle connection, so closing does not cut it off.
  socket.write('GET /v1/contexts HTTP/1.1\r\nHost: localhost\r\n');
  const closing = app.close();
  await new Promise((r) => setTimeout(r, 100));
  socket.write('\r\n');
  await ended;
  await closing;
  t.match(raw, /^HTTP\/1\.1 200 /, 'the cached answer is replayed, not refused');
  t.match(raw, /\r\nconnection: close\r\n/i, 'and the connection is closed after it');
});
