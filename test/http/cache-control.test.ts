// The one Cache-Control rule on a bare Fastify instance (no content store): public answers say
// how long shared caches may keep them; an error is never stored, whoever produced it.
import Fastify from 'fastify';
import t, { type Test } from 'tap';
import cacheControl, { publicRoutes } from '../../src/plugins/app/cache-control.js';

const PUBLIC = 'public, max-age=120, stale-while-revalidate=600';

async function app(t: Test) {
  const server = Fastify();
  t.teardown(() => server.close());
  await server.register(cacheControl, { maxAge: 120, staleWhileRevalidate: 600 });
  // Registered before publicRoutes, and in a scope of its own: neither is public.
  server.get('/private', async () => 'mine');
  await server.register(async (scope) => {
    scope.get('/other-scope', async () => 'elsewhere');
  });
  await server.register(async (scope) => {
    await scope.register(publicRoutes);
    t.ok(scope.hasPlugin('public-routes'), 'publicRoutes is named in the scope it marks');
    scope.get('/public', async () => 'shared');
    scope.get('/status/:code', async (request, reply) => reply.code(Number((request.params as { code: string }).code)).send('x'));
    scope.get('/throws', async () => {
      throw new Error('broken');
    });
  });
  return server;
}

t.test('public routes tell shared caches how long to keep a successful answer', async (t) => {
  const server = await app(t);
  const res = await server.inject({ method: 'GET', url: '/public' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['cache-control'], PUBLIC);
  t.ok(server.hasPlugin('cache-control'), 'named, so plugins can depend on it');
  for (const code of ['204', '301', '304', '399']) {
    t.equal((await server.inject({ method: 'GET', url: `/status/${code}` })).headers['cache-control'], PUBLIC, `a ${code} is not an error`);
  }
});

// Equivalent mutant, left: `routeOptions.config?.publicCache` without the `?.`. Fastify gives
// every request a route config object, the not-found handler's included (an empty one).
t.test('routes not marked public say nothing (the default: not for shared caches)', async (t) => {
  const server = await app(t);
  t.equal((await server.inject({ method: 'GET', url: '/private' })).headers['cache-control'], undefined, 'registered before publicRoutes');
  t.equal((await server.inject({ method: 'GET', url: '/other-scope' })).headers['cache-control'], undefined, 'in another scope');
});

t.test('an error is never stored, not even on a public route, and a 4xx is never public', async (t) => {
  const server = await app(t);
  for (const code of ['400', '404', '410', '429', '503']) {
    t.equal((await server.inject({ method: 'GET', url: `/status/${code}` })).headers['cache-control'], 'no-store', code);
  }
  const thrown = await server.inject({ method: 'GET', url: '/throws' });
  t.equal(thrown.statusCode, 500);
  t.equal(thrown.headers['cache-control'], 'no-store', 'a thrown error too');
  const unrouted = await server.inject({ method: 'GET', url: '/no-such-route' });
  t.equal(unrouted.statusCode, 404);
  t.equal(unrouted.headers['cache-control'], 'no-store', 'and a 404 no route produced');
});

t.test('publicRoutes needs the cache-control plugin', async (t) => {
  const server = Fastify();
  t.teardown(() => server.close());
  await t.rejects(async () => {
    await server.register(publicRoutes).ready();
  }, /cache-control/);
});
