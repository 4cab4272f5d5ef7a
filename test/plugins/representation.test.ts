// The representation hook on its own (src/plugins/app/representation.ts, with the rules it uses
// from src/http/validators.ts, accept.ts and content-coding.ts), on a bare Fastify instance with
// a few routes and no content store. test/routes/canonical-answers.test.ts checks the same on the real routes.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import t, { type Test } from 'tap';
import { negotiateCoding } from '../../src/http/accept.js';
import { compress, compressPrepared, encodedAnswer, isCompressible } from '../../src/http/content-coding.js';
import { noneMatchFails } from '../../src/http/validators.js';
import representation from '../../src/plugins/app/representation.js';
import { makeAnswer, weakEtagOf } from '../../src/snapshot/answer.js';

const TEXT = 'text/plain; charset=utf-8';
const LONG = 'lorem ipsum dolor sit amet '.repeat(200);

t.test('noneMatchFails: weak comparison, lists and `*`, as RFC 9110 §13.1.2 says', async (t) => {
  const etag = '"abc"';
  t.equal(noneMatchFails(undefined, etag), false, 'no header: nothing to match');
  t.equal(noneMatchFails('*', etag), true, '`*` matches any current representation');
  t.equal(noneMatchFails('  *  ', etag), true, 'with spaces around it');
  t.equal(noneMatchFails('"abc"', etag), true);
  t.equal(noneMatchFails('W/"abc"', etag), true, 'a weak tag matches its strong twin');
  t.equal(noneMatchFails('"abc"', 'W/"abc"'), true, 'and the other way round');
  t.equal(noneMatchFails('"nope", "abc"', etag), true, 'anywhere in a list');
  t.equal(noneMatchFails('"nope",W/"abc" ', etag), true, 'spacing in a list does not matter');
  t.equal(noneMatchFails('"nope"', etag), false);
  t.equal(noneMatchFails('"nope", "other"', etag), false, 'no member of a list matches');
  t.equal(noneMatchFails('"ab"', etag), false, 'a prefix is not a match');
  t.equal(noneMatchFails('abc', etag), false, 'the quotes are part of the tag');
  t.equal(noneMatchFails('"aW/bc"', '"abc"'), false, 'only a leading W/ marks a weak tag');
  t.equal(noneMatchFails('"*"', etag), false, 'a quoted star is a tag, not the wildcard');
  t.equal(noneMatchFails('*, "nope"', etag), false, '`*` only on its own is the wildcard');
  t.equal(noneMatchFails('', etag), false, 'an empty header matches nothing');
});

t.test('negotiateCoding: the coding with the highest q-value, brotli on a tie, identity otherwise', async (t) => {
  const offered = ['br', 'gzip'] as const;
  const cases: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['', undefined],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['identity', undefined],
    ['deflate', undefined],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['*;q=0', undefined],
    ['x-gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=abc, gzip', 'gzip'],
    [' gzip ; q=0.8 , br ; q=0.9 ', 'br'],
  ];
  for (const [header, expected] of cases)
    t.equal(negotiateCoding(header, offered), expected, `${JSON.stringify(header)} → ${expected ?? 'identity'}`);
});

t.test('compressible types: text, JSON, XML, JavaScript and SVG; not images or fonts', async (t) => {
  for (const type of [
    'text/html; charset=utf-8',
    'application/json',
    'application/problem+json',
    'application/ld+json; charset=utf-8',
    'text/xml',
    'application/atom+xml',
    'application/javascript',
    'image/svg+xml',
    'TEXT/CSS',
  ])
    t.ok(isCompressible(type), type);
  for (const type of ['image/png', 'font/woff2', 'application/octet-stream', 'application/jsonp-ish', 'application/zip'])
    t.notOk(isCompressible(type), type);
});

t.test('an answer keeps each compressed form it makes, unless it saves nothing', async (t) => {
  const answer = makeAnswer(LONG, TEXT);
  const br = encodedAnswer(answer, 'br');
  t.equal(brotliDecompressSync(br).toString(), LONG);
  t.equal(answer.encoded.br, br, 'kept with the answer');
  t.equal(encodedAnswer(answer, 'br'), br, 'and reused');
  t.equal(gunzipSync(encodedAnswer(answer, 'gzip')).toString(), LONG);
  const noise = makeAnswer(randomBytes(4096), 'application/json');
  const made = encodedAnswer(noise, 'gzip');
  t.ok(made.byteLength >= noise.bytes.byteLength, 'bytes that do not compress');
  t.equal(noise.encoded.gzip, undefined, 'are compressed for the request but not kept');
  let grown = 0;
  const counted = makeAnswer(LONG, TEXT);
  counted.grew = () => grown++;
  encodedAnswer(counted, 'gzip');
  encodedAnswer(counted, 'gzip');
  t.equal(grown, 1, 'the cache holding an answer hears of each form kept, once');
  compressPrepared(answer);
  t.not(answer.encoded.br, br, 'the prepared compression replaces the quick one');
  t.equal(brotliDecompressSync(answer.encoded.br!).toString(), LONG);
  t.ok(answer.encoded.br!.byteLength <= br.byteLength, 'and is no larger');
  t.equal(gunzipSync(compress(Buffer.from(LONG), 'gzip', 'prepared')).toString(), LONG);
});

async function app(t: Test) {
  const server = Fastify();
  t.teardown(() => server.close());
  await server.register(representation);
  const answer = makeAnswer(LONG, TEXT);
  server.get('/text', async (_request, reply) => reply.type(TEXT).send('hello'));
  server.get('/long', async (_request, reply) => reply.type(TEXT).send(LONG));
  server.get('/answer', async (_request, reply) => {
    reply.answer = answer;
    return reply.type(TEXT).send(answer.bytes);
  });
  // The answer on the reply is not what is sent (an error replaced it): the body is what counts.
  server.get('/not-the-answer', async (_request, reply) => {
    reply.answer = answer;
    return reply.type(TEXT).send('something else');
  });
  server.get('/buffer', async (_request, reply) => reply.type('application/octet-stream').send(Buffer.from('bytes')));
  server.get('/own-etag', async (_request, reply) => reply.header('etag', '"mine"').type(TEXT).send('hello'));
  server.get('/stream', async (_request, reply) => reply.type(TEXT).send(Readable.from([LONG])));
  server.get('/png', async (_request, reply) => reply.type('image/png').send(Buffer.alloc(4096)));
  server.get('/created', async (_request, reply) => reply.code(201).type(TEXT).send('made'));
  server.get('/missing', async (_request, reply) => reply.code(404).type(TEXT).send('none'));
  server.post('/text', async (_request, reply) => reply.type(TEXT).send('hello'));
  return { server, answer };
}

t.test('every GET answer of bytes gets a weak ETag: the answer’s own, a route’s own, or a hash of its body', async (t) => {
  const { server, answer } = await app(t);
  const text = await server.inject({ method: 'GET', url: '/text' });
  t.equal(text.statusCode, 200);
  t.equal(text.headers.etag, weakEtagOf('hello'));
  t.equal((await server.inject({ method: 'GET', url: '/buffer' })).headers.etag, weakEtagOf(Buffer.from('bytes')), 'a Buffer body too');
  t.equal((await server.inject({ method: 'GET', url: '/answer' })).headers.etag, answer.etag, 'an answer brings its own');
  t.equal(
    (await server.inject({ method: 'GET', url: '/not-the-answer' })).headers.etag,
    weakEtagOf('something else'),
    'only for its own bytes',
  );
  t.equal((await server.inject({ method: 'GET', url: '/own-etag' })).headers.etag, '"mine"', 'an ETag a route set is kept');
  t.equal((await server.inject({ method: 'HEAD', url: '/text' })).headers.etag, weakEtagOf('hello'), 'HEAD has the ETag its GET has');
  const stream = await server.inject({ method: 'GET', url: '/stream' });
  t.equal(stream.body, LONG);
  t.equal(stream.headers.etag, undefined, 'a stream is not read to hash it');
  t.equal((await server.inject({ method: 'GET', url: '/created' })).headers.etag, undefined, 'only a 200 is validated');
  t.equal((await server.inject({ method: 'GET', url: '/missing' })).headers.etag, undefined, 'an error has no validator');
  t.equal((await server.inject({ method: 'POST', url: '/text' })).headers.etag, undefined, 'nor does a POST');
});

t.test('If-None-Match that matches is a 304 with no body, and the same Vary as the 200', async (t) => {
  const { server, answer } = await app(t);
  for (const [url, tag] of [
    ['/text', weakEtagOf('hello')],
    ['/text', weakEtagOf('hello').slice(2)],
    ['/text', `"x", ${weakEtagOf('hello')}`],
    ['/text', '*'],
    ['/own-etag', '"mine"'],
    ['/answer', answer.etag],
  ] as const) {
    const res = await server.inject({ method: 'GET', url, headers: { 'if-none-match': tag } });
    t.equal(res.statusCode, 304, `${url} with ${tag}`);
    t.equal(res.body, '');
  }
  const full = await server.inject({ method: 'GET', url: '/answer' });
  t.equal(full.headers.vary, 'accept-encoding', 'a compressible answer varies on Accept-Encoding');
  for (const coding of ['br', 'gzip', 'identity', undefined]) {
    const res = await server.inject({
      method: 'GET',
      url: '/answer',
      headers: { 'if-none-match': answer.etag, ...(coding ? { 'accept-encoding': coding } : {}) },
    });
    t.equal(res.statusCode, 304, `the tag revalidates whatever coding is asked for (${coding ?? 'none'})`);
    t.equal(res.headers.vary, full.headers.vary, 'and the 304 varies on what its 200 varies on');
    t.equal(res.headers['content-encoding'], undefined, 'a 304 has no coding of its own');
  }
  t.equal(
    (await server.inject({ method: 'HEAD', url: '/text', headers: { 'if-none-match': weakEtagOf('hello') } })).statusCode,
    304,
    'HEAD is conditional too',
  );
  const stale = await server.inject({ method: 'GET', url: '/text', headers: { 'if-none-match': '"old"' } });
  t.equal(stale.statusCode, 200);
  t.equal(stale.body, 'hello');
  const post = await server.inject({ method: 'POST', url: '/text', headers: { 'if-none-match': '*' } });
  t.equal(post.statusCode, 200, 'If-None-Match does not turn a POST into a 304');
  t.equal((await server.inject({ method: 'GET', url: '/created', headers: { 'if-none-match': '*' } })).statusCode, 201, 'nor a 201');
  const missing = await server.inject({ method: 'GET', url: '/missing', headers: { 'if-none-match': '*' } });
  t.equal(missing.statusCode, 404, 'nor an error');
  t.equal(missing.body, 'none');
  t.equal(
    (await server.inject({ method: 'GET', url: '/stream', headers: { 'if-none-match': '*' } })).statusCode,
    200,
    'nor a body with no validator',
  );
});

t.test('content coding: brotli or gzip as Accept-Encoding prefers, for compressible bodies of 1 kB or more', async (t) => {
  const { server, answer } = await app(t);
  const decoded = (res: { headers: Record<string, unknown>; rawPayload: Buffer }) => {
    const coding = res.headers['content-encoding'];
    return (
      coding === 'br' ? brotliDecompressSync(res.rawPayload) : coding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload
    ).toString();
  };
  for (const url of ['/long', '/answer', '/stream']) {
    for (const [header, coding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ] as const) {
      const res = await server.inject({ method: 'GET', url, headers: header ? { 'accept-encoding': header } : {} });
      t.equal(res.headers['content-encoding'], coding, `${url} with ${header ?? 'no Accept-Encoding'}`);
      t.equal(decoded(res), LONG, 'the same representation');
      t.equal(res.headers.vary, 'accept-encoding', 'which depends on Accept-Encoding, compressed or not');
      if (url !== '/stream') t.equal(Number(res.headers['content-length']), res.rawPayload.byteLength, 'the length of what is sent');
      else if (coding) t.equal(res.headers['content-length'], undefined, 'a compressed stream has no length known ahead');
    }
  }
  t.ok(answer.encoded.br && answer.encoded.gzip, 'the answer kept both forms it was asked for');
  const kept = answer.encoded.br;
  await server.inject({ method: 'GET', url: '/answer', headers: { 'accept-encoding': 'br' } });
  t.equal(answer.encoded.br, kept, 'and compresses nothing again');

  const short = await server.inject({ method: 'GET', url: '/text', headers: { 'accept-encoding': 'br' } });
  t.equal(short.headers['content-encoding'], undefined, 'a body under 1 kB is sent as it is');
  t.equal(short.headers.vary, undefined, 'and does not vary on Accept-Encoding');
  const png = await server.inject({ method: 'GET', url: '/png', headers: { 'accept-encoding': 'br' } });
  t.equal(png.headers['content-encoding'], undefined, 'an image is not compressed again');
  t.equal(png.rawPayload.byteLength, 4096);
});
