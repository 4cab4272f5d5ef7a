// Answers as a route sends them (src/http/answer.ts), on a bare Fastify instance with a
// snapshot's answers and no store: made once per key, sent with their media type and ETag,
// counted as hits and misses; JSON-LD kept apart from JSON and, when links follow the Host, per
// origin. test/routes/canonical-answers.test.ts checks the same on the real routes.
import Fastify from 'fastify';
import t, { type Test } from 'tap';
import {
  HTML_TYPE,
  htmlAnswer,
  JSON_LD_MEDIA,
  JSON_MEDIA,
  JSON_OR_LD,
  JSON_TYPE,
  jsonLdAnswer,
  sendAnswer,
  sendJsonLd,
} from '../../src/http/answer.js';
import representation from '../../src/plugins/app/representation.js';
import { Answers } from '../../src/snapshot/answers.js';
import { Presented } from '../../src/snapshot/json.js';
import type { JsonLdDocument } from '../../src/snapshot/jsonld.js';

async function app(t: Test, publicBaseOrigin: string | null = null) {
  const server = Fastify();
  t.teardown(() => server.close());
  const counts = { hits: 0, misses: 0, computed: 0 };
  const answers = new Answers({ maxBytes: 1024 * 1024, maxEntryBytes: 64 * 1024, maxPrepared: 10 });
  server.decorate('metrics', { cacheHit: () => counts.hits++, cacheMiss: () => counts.misses++ } as never);
  server.decorate('snapshot', { answers } as never);
  server.decorate('publicBaseOrigin', publicBaseOrigin);
  await server.register(representation);
  server.get('/json', async (_request, reply) =>
    sendAnswer(reply, '/json', () => {
      counts.computed++;
      return { data: [new Presented({ n: 1 }), 2], meta: { n: 2 }, links: { self: '/json' } };
    }),
  );
  server.get('/html', async (_request, reply) => sendAnswer(reply, '/html', () => '<p>page</p>', htmlAnswer));
  server.get('/ld', async (request, reply) =>
    sendJsonLd(request, reply, '/json', (origin): JsonLdDocument => {
      counts.computed++;
      return { '@context': 'https://schema.org', '@type': 'WebPage', url: `${origin}/page`, name: '<b>' };
    }),
  );
  return { server, counts, answers };
}

t.test('the media types answers are sent as', async (t) => {
  t.equal(JSON_MEDIA, 'application/json');
  t.equal(JSON_LD_MEDIA, 'application/ld+json');
  t.equal(JSON_TYPE, 'application/json; charset=utf-8');
  t.strictSame(JSON_OR_LD, ['application/json', 'application/ld+json'], 'JSON first: the default');
  t.equal(HTML_TYPE, 'text/html; charset=utf-8');
  t.equal(jsonLdAnswer.mediaType, 'application/ld+json; charset=utf-8');
  t.equal(htmlAnswer.serialize('<p>x</p>'), '<p>x</p>', 'a page is its own bytes');
});

t.test('an answer is computed once per key, then served from memory with the same ETag', async (t) => {
  const { server, counts } = await app(t);
  const first = await server.inject({ method: 'GET', url: '/json' });
  t.equal(first.statusCode, 200);
  t.equal(first.headers['content-type'], JSON_TYPE);
  t.match(first.headers.etag, /^W\/"[^"]+"$/);
  t.equal(first.body, '{"data":[{"n":1},2],"meta":{"n":2},"links":{"self":"/json"}}', 'the envelope as JSON, presented items spliced in');
  t.strictSame(counts, { hits: 0, misses: 1, computed: 1 }, 'a miss the first time');
  const again = await server.inject({ method: 'GET', url: '/json' });
  t.equal(again.body, first.body);
  t.equal(again.headers.etag, first.headers.etag);
  t.equal(again.headers['content-type'], JSON_TYPE, 'the kept media type');
  t.strictSame(counts, { hits: 1, misses: 1, computed: 1 }, 'a hit, not computed again');

  const page = await server.inject({ method: 'GET', url: '/html' });
  t.equal(page.headers['content-type'], HTML_TYPE);
  t.equal(page.body, '<p>page</p>');
});

t.test('JSON-LD: kept apart from the JSON at the same URL, its links from the request’s origin', async (t) => {
  const { server, counts, answers } = await app(t);
  await server.inject({ method: 'GET', url: '/json' });
  const ld = await server.inject({ method: 'GET', url: '/ld', headers: { host: 'a.example' } });
  t.equal(ld.statusCode, 200);
  t.equal(ld.headers['content-type'], 'application/ld+json; charset=utf-8');
  t.strictSame(ld.json(), { '@context': 'https://schema.org', '@type': 'WebPage', url: 'http://a.example/page', name: '<b>' });
  t.match(ld.body, /\\u003cb\\u003e/, 'written as JSON-LD text, safe in a script element');
  t.not(ld.headers.etag, (await server.inject({ method: 'GET', url: '/json' })).headers.etag, 'not the JSON answer');
  t.equal(
    answers.answer('ld+json http://a.example/json', () => 'not made', JSON_TYPE).computed,
    false,
    'kept under its own key, with the origin',
  );
  t.match(ld.headers.vary, /host/, 'and says it depends on the Host');

  const computed = counts.computed;
  await server.inject({ method: 'GET', url: '/ld', headers: { host: 'a.example' } });
  t.equal(counts.computed, computed, 'the same origin: served from memory');
  const other = await server.inject({ method: 'GET', url: '/ld', headers: { host: 'b.example' } });
  t.equal(other.json().url, 'http://b.example/page', 'another origin: its own links');
  t.equal(counts.computed, computed + 1);
});

t.test('JSON-LD with PUBLIC_BASE_URL: one answer whatever the Host', async (t) => {
  const { server, counts, answers } = await app(t, 'https://api.example.org');
  const a = await server.inject({ method: 'GET', url: '/ld', headers: { host: 'a.example' } });
  const b = await server.inject({ method: 'GET', url: '/ld', headers: { host: 'b.example' } });
  t.equal(a.json().url, 'https://api.example.org/page');
  t.equal(b.body, a.body);
  t.equal(counts.computed, 1);
  t.equal(answers.answer('ld+json /json', () => 'not made', JSON_TYPE).computed, false, 'keyed by the path alone');
});
