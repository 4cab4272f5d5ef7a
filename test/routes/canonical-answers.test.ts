import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t from 'tap';
import { build } from '../helpers/app.js';

// Answers through the real routes: one per canonical request, kept within their budget, the same
// validators and codings whether computed, cached or prepared. The parts on their own are tested
// in test/snapshot/answers.test.ts and test/plugins/representation.test.ts.

t.test('equivalent spellings of a request share one answer, and links use the canonical spelling', async (t) => {
  const app = await build(t);
  const get = (url: string) => app.inject({ method: 'GET', url });
  const before = app.snapshot.answers.stats.cached;
  const spellings = [
    '/v1/signs?topic=emotional-withdrawal,emotional-isolation&limit=5&offset=5',
    '/v1/signs?offset=0005&limit=05&topic=emotional-isolation,emotional-withdrawal',
    '/v1/signs?topic=%20emotional-isolation,emotional-withdrawal,emotional-isolation&offset=5&limit=5&sort=order&format=markdown',
  ];
  const answers = await Promise.all(spellings.map(get));
  for (const res of answers) t.equal(res.statusCode, 200);
  t.equal(new Set(answers.map((a) => a.headers.etag)).size, 1, 'one ETag for all spellings');
  t.equal(new Set(answers.map((a) => a.body)).size, 1, 'the same bytes');
  t.equal(app.snapshot.answers.stats.cached - before, 1, 'kept once, under the canonical key');
  t.equal(answers[0]!.json().links.self, '/v1/signs?topic=emotional-isolation%2Cemotional-withdrawal&limit=5&offset=5');

  const defaults = await Promise.all(['/v1/faqs', '/v1/faqs?limit=20&offset=0&sort=order&format=markdown'].map(get));
  t.equal(defaults[0]!.headers.etag, defaults[1]!.headers.etag, 'defaults spelled out are the defaults');
  t.equal(defaults[1]!.json().links.first, '/v1/faqs?limit=20&offset=0');

  const sorted = await Promise.all(['/v1/faqs?sort=-title', '/v1/faqs?sort=title'].map(get));
  t.not(sorted[0]!.headers.etag, sorted[1]!.headers.etag, 'a descending sort is a different answer');
  t.equal(sorted[0]!.json().links.self, '/v1/faqs?sort=-title&limit=20&offset=0');
});

t.test('a flood of distinct URLs and Origin values leaves the kept answers within budget', async (t) => {
  const app = await build(t);
  for (let i = 0; i < 400; i++) {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/strategies?limit=${1 + (i % 100)}&offset=${i}&format=${['markdown', 'html', 'text'][i % 3]}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    t.equal(res.statusCode, 200);
  }
  t.ok(app.snapshot.answers.stats.cachedBytes <= 16 * 1024 * 1024, 'within the 16 MB budget');
  const kept = app.snapshot.answers.stats.cached;
  for (let i = 0; i < 10_000; i++) {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/topics',
      headers: { origin: `https://site-${i}.example${'x'.repeat(i % 500)}` },
    });
    if (res.statusCode !== 200 || res.headers['access-control-allow-origin'] !== '*') t.fail(`origin ${i}: ${res.statusCode}`);
  }
  t.equal(app.snapshot.answers.stats.cached, kept + 1, 'Origin is not part of a key when the answer does not depend on it');
});

t.test('validators and content codings behave the same on a first and a repeated request', async (t) => {
  const app = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  await app.answersPrepared();
  const urls = ['/v1/signs/emotional-numbness', '/v1/signs?format=html&limit=7', '/embed/topics/emotional-withdrawal?sections=strategies'];
  for (const url of urls) {
    const first = await app.inject({ method: 'GET', url });
    t.equal(first.statusCode, 200, url);
    const etag = first.headers.etag as string;
    for (const validator of [etag, etag.replace(/^W\//, ''), `"nope", ${etag}`, '*']) {
      for (let repeat = 0; repeat < 2; repeat++) {
        const res = await app.inject({ method: 'GET', url, headers: { 'if-none-match': validator } });
        t.equal(res.statusCode, 304, `${url}: If-None-Match ${validator} (${repeat ? 'repeat' : 'first'})`);
        t.equal(res.headers.etag, etag);
        t.equal(res.body, '');
      }
    }
    t.equal(
      (await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"other"' } })).statusCode,
      200,
      'another tag gets the answer',
    );
    for (const coding of ['br', 'gzip', 'deflate', 'identity', 'br;q=0, gzip', '*']) {
      const seen: string[] = [];
      for (let repeat = 0; repeat < 2; repeat++) {
        const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': coding } });
        const encoding = res.headers['content-encoding'] ?? 'identity';
        seen.push(encoding);
        const raw = res.rawPayload;
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        t.equal(decoded.toString(), first.body, `${url} with ${coding}: the same representation`);
        t.match(res.headers.vary, /accept-encoding/);
      }
      t.equal(seen[0], seen[1], `${url} with ${coding}: ${seen[0]} both times`);
    }
  }
});

t.test('errors are never stored by shared caches; Vary names what changes the answer', async (t) => {
  const app = await build(t, { RATE_LIMIT_MAX: '1000', PARTNER_KEYS: `acme:${'0'.repeat(64)}` });
  const cases: [string, Record<string, string>, number][] = [
    ['/v1/signs?limit=0', {}, 400],
    ['/v1/signs', { 'x-api-key': 'wrong' }, 401],
    ['/v1/signs/not-a-sign', {}, 404],
    ['/v1/signs', { accept: 'text/html' }, 406],
    ['/nothing-here', {}, 404],
    ['/embed/topics/nope', {}, 404],
    ['/oembed?url=https://elsewhere.example/x', {}, 404],
  ];
  for (const [url, headers, status] of cases) {
    const res = await app.inject({ method: 'GET', url, headers });
    t.equal(res.statusCode, status, url);
    t.equal(res.headers['cache-control'], 'no-store', `${url}: ${status} is not stored`);
  }
  const ok = await app.inject({ method: 'GET', url: '/v1/signs' });
  t.match(ok.headers['cache-control'], /^public, max-age=\d+/);
  t.match(ok.headers.vary, /\baccept\b/i, 'Accept is named: it decides between 200 and 406');
  const refused = await app.inject({ method: 'GET', url: '/v1/signs', headers: { accept: 'text/html' } });
  t.match(refused.headers.vary, /\baccept\b/i, 'the 406 names it too');
});

t.test('answers prepared at store open are the very answers a request computes', async (t) => {
  const computed = await build(t);
  const prepared = await build(t);
  await prepared.listen({ port: 0, host: '127.0.0.1' });
  await prepared.answersPrepared();
  t.ok(prepared.snapshot.answers.stats.prepared >= 100, `${prepared.snapshot.answers.stats.prepared} answers prepared`);
  for (const url of [
    '/v1/topics',
    '/v1/topics/emotional-isolation',
    '/v1/signs',
    '/v1/sources',
    '/v1/therapies/cognitive-behavioural-therapy',
    '/v1/faqs?limit=20',
  ]) {
    const a = await computed.inject(url);
    const b = await prepared.inject(url);
    t.equal(b.statusCode, 200, url);
    t.equal(b.headers.etag, a.headers.etag, `${url}: same ETag`);
    t.equal(b.body, a.body, `${url}: same bytes`);
  }
  t.equal(prepared.snapshot.answers.stats.cached, 0, 'every one of them was prepared, none computed on demand');
});

t.test('an answer computed, then replayed, is the same in every content coding and to every validator', async (t) => {
  // Each coding and validator is tried on a URL of its own, so both stages meet it.
  const app = await build(t);
  const codings = ['br', 'gzip', 'deflate', 'identity', 'br;q=0, gzip', '*'];
  for (const [i, coding] of codings.entries()) {
    const url = `/v1/strategies?limit=${11 + i}&format=html`;
    const seen: string[] = [];
    const bodies: string[] = [];
    for (let ask = 0; ask < 3; ask++) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': coding } });
      const encoding = res.headers['content-encoding'] ?? 'identity';
      seen.push(encoding);
      const raw = res.rawPayload;
      bodies.push((encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString());
    }
    t.equal(new Set(seen).size, 1, `${coding}: ${seen.join(', ')}`);
    t.equal(new Set(bodies).size, 1, `${coding}: one representation`);
  }
  // The ETags come from another app on the same store (an ETag is its body's hash), so that the
  // URL is new to this one when its conditional requests arrive.
  const other = await build(t);
  for (const [i, form] of ['exact', 'strong twin', 'list', 'star'].entries()) {
    const url = `/v1/faqs?limit=${3 + i}`;
    const etag = (await other.inject({ method: 'GET', url })).headers.etag as string;
    const validator = { exact: etag, 'strong twin': etag.replace(/^W\//, ''), list: `"nope", ${etag}`, star: '*' }[form];
    const statuses: number[] = [];
    for (let ask = 0; ask < 3; ask++)
      statuses.push((await app.inject({ method: 'GET', url, headers: { 'if-none-match': validator } })).statusCode);
    t.same(statuses, [304, 304, 304], `If-None-Match ${form}: 304 unkept, kept and replayed`);
  }
});
