// The origin absolute links are built from, on a bare Fastify instance (no content store): a
// configured PUBLIC_BASE_URL, or the request's Host (and forwarded headers behind a trusted
// proxy), which must be a plain host and port or the request is a 400.
import Fastify, { type FastifyRequest } from 'fastify';
import t, { type Test } from 'tap';
import { HttpProblem } from '../../src/http/problems.js';
import { keyWithOrigin, ORIGIN_HEADERS, publicOrigin } from '../../src/http/public-origin.js';

async function app(t: Test, publicBaseOrigin: string | null, trustProxy = false) {
  const server = Fastify({ trustProxy });
  t.teardown(() => server.close());
  server.decorate('publicBaseOrigin', publicBaseOrigin);
  server.get('/with-reply', async (request, reply) => publicOrigin(request, reply));
  server.get('/without-reply', async (request) => publicOrigin(request));
  await server.ready();
  return server;
}

t.test('from the Host header: an http origin, a default port dropped, Vary naming what it came from', async (t) => {
  const server = await app(t, null);
  const origin = async (host: string) => {
    const res = await server.inject({ method: 'GET', url: '/with-reply', headers: { host } });
    t.equal(res.statusCode, 200, host);
    return res.body;
  };
  t.equal(await origin('example.org'), 'http://example.org');
  t.equal(await origin('Example.ORG'), 'http://example.org', 'as a URL writes it');
  t.equal(await origin('example.org:80'), 'http://example.org', 'the default port is dropped');
  t.equal(await origin('example.org:8080'), 'http://example.org:8080');
  t.equal(await origin('localhost:65535'), 'http://localhost:65535', 'the highest port');
  t.equal(await origin('127.0.0.1:3000'), 'http://127.0.0.1:3000');
  t.equal(await origin('[::1]:3000'), 'http://[::1]:3000');
  t.equal(await origin('a-b.c-d.example'), 'http://a-b.c-d.example', 'hyphens inside labels');
  t.equal(await origin(`${'a'.repeat(63)}.example`), `http://${'a'.repeat(63)}.example`, 'a label of 63 characters');
  t.equal(await origin('x.y'), 'http://x.y', 'one-character labels');

  const res = await server.inject({ method: 'GET', url: '/with-reply', headers: { host: 'example.org' } });
  t.strictSame(ORIGIN_HEADERS, ['host', 'x-forwarded-host', 'x-forwarded-proto']);
  t.equal(res.headers.vary, 'host, x-forwarded-host, x-forwarded-proto', 'shared caches keep one copy per origin');
  const bare = await server.inject({ method: 'GET', url: '/without-reply', headers: { host: 'example.org' } });
  t.equal(bare.body, 'http://example.org');
  t.equal(bare.headers.vary, undefined, 'no reply, no Vary (the caller keys the answer itself)');
});

t.test('a Host that is not a plain host name and port is a 400, never a link to it', async (t) => {
  const server = await app(t, null);
  for (const host of [
    'evil.example/path',
    'evil.example?x',
    'user@evil.example',
    'a_b.example',
    '-a.example',
    'a-.example',
    'a..example',
    '.example',
    `${'a'.repeat(64)}.example`,
    'example.org:65536',
    'example.org:99999',
    'example.org:123456',
    'example.org:',
    'example.org:8o',
    '[::1',
    '[zz::1]',
    'exa mple.org',
    '"example.org"',
  ]) {
    const res = await server.inject({ method: 'GET', url: '/with-reply', headers: { host } });
    t.equal(res.statusCode, 400, host);
    t.equal(res.json().message, 'The Host header is missing or is not a valid host name and port.', host);
    t.equal(res.headers.vary, undefined, `${host}: a refusal does not vary`);
  }
  const bracketed = await server.inject({ method: 'GET', url: '/with-reply', headers: { host: '[1.2.3]' } });
  t.equal(bracketed.statusCode, 400, 'brackets around what is no IPv6 address: a 400, not a 500');
  t.equal(bracketed.json().message, 'The Host header is missing or is not a valid host name and port.');
  // An HTTP/1.0 request may come without a Host (inject always sends one). Equivalent mutant,
  // left: `host ? HOST.exec(host) : null` always executing the pattern, which matches no empty host.
  const noHost = { server: { publicBaseOrigin: null }, protocol: 'http', host: '' } as unknown as FastifyRequest;
  t.throws(() => publicOrigin(noHost), new HttpProblem(400, 'The Host header is missing or is not a valid host name and port.'));
});

t.test('behind a trusted proxy: the forwarded protocol and host, which must be http(s) and a host', async (t) => {
  const server = await app(t, null, true);
  const get = (headers: Record<string, string>) =>
    server.inject({ method: 'GET', url: '/with-reply', headers: { host: 'internal:3000', ...headers } });
  t.equal((await get({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example' })).body, 'https://public.example');
  t.equal(
    (await get({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'public.example:443' })).body,
    'https://public.example',
    'https drops :443',
  );
  t.equal((await get({ 'x-forwarded-proto': 'http' })).body, 'http://internal:3000');
  const ftp = await get({ 'x-forwarded-proto': 'ftp' });
  t.equal(ftp.statusCode, 400);
  t.equal(ftp.json().message, 'The forwarded protocol must be http or https.');
  t.equal((await get({ 'x-forwarded-proto': 'javascript' })).statusCode, 400);
  t.equal((await get({ 'x-forwarded-host': 'evil.example/x' })).statusCode, 400);
});

t.test('PUBLIC_BASE_URL fixes the origin: the Host is neither read nor varied on', async (t) => {
  const server = await app(t, 'https://api.example.org');
  const res = await server.inject({ method: 'GET', url: '/with-reply', headers: { host: 'evil.example/x' } });
  t.equal(res.statusCode, 200);
  t.equal(res.body, 'https://api.example.org');
  t.equal(res.headers.vary, undefined);
});

t.test('keyWithOrigin: the origin is part of an answer’s key only when the request chose it', async (t) => {
  const fixed = { publicBaseOrigin: 'https://api.example.org' } as Parameters<typeof keyWithOrigin>[0];
  const following = { publicBaseOrigin: null } as Parameters<typeof keyWithOrigin>[0];
  t.equal(keyWithOrigin(fixed, 'https://api.example.org', '/v1/topics'), '/v1/topics');
  t.equal(keyWithOrigin(following, 'http://a.example', '/v1/topics'), 'http://a.example/v1/topics');
});
