// The access log (src/http/access-log.ts): at the level a deployment runs (warn), a request pays
// for no access line at all, not even for deciding what such a line would hold; at info, both
// lines are written; an error is logged at any level.
import Fastify, { type FastifyInstance } from 'fastify';
import t from 'tap';
import { AccessLogController } from '../../src/http/access-log.js';
import { logCapture } from '../helpers/logs.js';

async function appAt(level: string) {
  const { stream, lines } = logCapture();
  let asked = 0;
  const logController = new AccessLogController({
    disableRequestLogging: () => {
      asked++;
      return false;
    },
  });
  const app: FastifyInstance = Fastify({ logger: { level, stream }, logController });
  app.get('/ok', async () => 'ok');
  app.get('/fails', async () => {
    throw new Error('broken');
  });
  await app.ready();
  return { app, lines, asked: () => asked };
}

const messages = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { msg: string }).msg);

t.test('at warn, a request writes no access line and never works out what one would hold', async (t) => {
  const { app, lines, asked } = await appAt('warn');
  t.teardown(() => app.close());
  t.equal((await app.inject({ url: '/ok' })).statusCode, 200);
  t.equal((await app.inject({ url: '/missing' })).statusCode, 404);
  t.same(lines, []);
  t.equal(asked(), 0, 'disableRequestLogging is never called');
});

t.test('at info, the incoming and completed lines are written', async (t) => {
  const { app, lines, asked } = await appAt('info');
  t.teardown(() => app.close());
  await app.inject({ url: '/ok' });
  t.same(messages(lines), ['incoming request', 'request completed']);
  t.ok(asked() >= 2);
});

t.test('at warn, a request that fails with a server error is still logged', async (t) => {
  const { app, lines } = await appAt('warn');
  t.teardown(() => app.close());
  t.equal((await app.inject({ url: '/fails' })).statusCode, 500);
  t.same(messages(lines), ['broken']);
});
