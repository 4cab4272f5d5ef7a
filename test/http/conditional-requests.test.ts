// ETag and If-None-Match on their own: the comparison rule, then the hook on a bare Fastify
// instance with a few routes (no content store). test/routes/http-caching.test.ts and
// test/http/answers.test.ts check the same on the real routes.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import t, { type Test } from 'tap';
import conditionalRequests, { noneMatchFails } from '../../src/plugins/app/conditional-requests.js';

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

async function app(t: Test) {
  const server = Fastify();
  t.teardown(() => server.close());
  await server.register(conditionalRequests);
  server.get('/text', async () => 'hello');
  server.get('/buffer', async (_request, reply) => reply.type('application/octet-stream').send(Buffer.from('bytes')));
  server.get('/own-etag', async (_request, reply) => reply.header('etag', '"mine"').send('hello'));
  server.get('/stream', async (_request, reply) => reply.type('text/plain').send(Readable.from(['streamed'])));
  server.get('/created', async (_request, reply) => reply.code(201).send('made'));
  server.get('/missing', async (_request, reply) => reply.code(404).send('none'));
  server.post('/text', async () => 'hello');
  return server;
}

const sha1 = (s: string) => `"${createHash('sha1').update(s).digest('base64url')}"`;

t.test('every GET answer of bytes gets a strong ETag: the answer’s own, or a hash of its body', async (t) => {
  const server = await app(t);
  const text = await server.inject({ method: 'GET', url: '/text' });
  t.equal(text.statusCode, 200);
  t.equal(text.headers.etag, sha1('hello'));
  t.equal((await server.inject({ method: 'GET', url: '/buffer' })).headers.etag, sha1('bytes'), 'a Buffer body too');
  t.equal((await server.inject({ method: 'GET', url: '/own-etag' })).headers.etag, '"mine"', 'an ETag already set is kept');
  const head = await server.inject({ method: 'HEAD', url: '/text' });
  t.equal(head.headers.etag, sha1('hello'), 'HEAD has the ETag its GET has');

  const stream = await server.inject({ method: 'GET', url: '/stream' });
  t.equal(stream.body, 'streamed');
  t.equal(stream.headers.etag, undefined, 'a stream is not read to hash it');
  t.equal((await server.inject({ method: 'GET', url: '/created' })).headers.etag, undefined, 'only a 200 is validated');
  t.equal((await server.inject({ method: 'GET', url: '/missing' })).headers.etag, undefined, 'an error has no validator');
  t.equal((await server.inject({ method: 'POST', url: '/text' })).headers.etag, undefined, 'nor does a POST');
  t.ok(server.hasPlugin('conditional-requests'), 'named, so a plugin that needs validators can depend on it');
});

t.test('If-None-Match that matches is a 304 with no body; anything else is the full answer', async (t) => {
  const server = await app(t);
  const etag = sha1('hello');
  for (const [url, tag] of [
    ['/text', etag],
    ['/text', `W/${etag}`],
    ['/text', `"x", ${etag}`],
    ['/text', '*'],
    ['/own-etag', '"mine"'],
  ] as const) {
    const res = await server.inject({ method: 'GET', url, headers: { 'if-none-match': tag } });
    t.equal(res.statusCode, 304, `${url} with ${tag}`);
    t.equal(res.body, '');
  }
  // Equivalent mutant, left: the hook's empty 304 payload replaced by text. Node never sends a
  // body with a 304, so no client (nor inject) can see what the hook handed on.
  const head = await server.inject({ method: 'HEAD', url: '/text', headers: { 'if-none-match': etag } });
  t.equal(head.statusCode, 304, 'HEAD is conditional too');

  const stale = await server.inject({ method: 'GET', url: '/text', headers: { 'if-none-match': '"old"' } });
  t.equal(stale.statusCode, 200);
  t.equal(stale.body, 'hello');

  const post = await server.inject({ method: 'POST', url: '/text', headers: { 'if-none-match': '*' } });
  t.equal(post.statusCode, 200, 'If-None-Match does not turn a POST into a 304');
  t.equal(post.body, 'hello');
  const created = await server.inject({ method: 'GET', url: '/created', headers: { 'if-none-match': '*' } });
  t.equal(created.statusCode, 201, 'nor a 201');
  const missing = await server.inject({ method: 'GET', url: '/missing', headers: { 'if-none-match': '*' } });
  t.equal(missing.statusCode, 404, 'nor an error');
  t.equal(missing.body, 'none');
  const stream = await server.inject({ method: 'GET', url: '/stream', headers: { 'if-none-match': '*' } });
  t.equal(stream.statusCode, 200, 'nor an answer with no validator');
  t.equal(stream.body, 'streamed');
});
