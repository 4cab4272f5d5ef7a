import t from 'tap';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';
import { listen, send } from '../helpers/http.js';

// Once the server listens, the app prepares the answers clients ask for first. That work is the
// app's own: it must not show up in the access log nor use up anybody's quota.

t.test('topics, collection pages and every record are prepared once the server listens', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  t.equal(app.responseCacheEntries.size, 0, 'nothing before listening');
  const base = await listen(app);
  await app.cacheWarmed();
  // The same URLs as the warm-up's lists, so asking adds nothing to the cache.
  const total = async (url: string) => (await app.inject(url)).json().meta.total as number;
  const collections = ['signs', 'causes', 'contexts', 'strategies', 'therapies', 'faqs', 'impacts', 'stories'];
  let expected = 2 + collections.length + (await total('/v1/topics')) + (await total('/v1/sources'));
  for (const collection of collections) expected += await total(`/v1/${collection}`);
  t.equal(app.responseCacheEntries.size, expected, 'every list page, topic, record and source');
  const first = await send(base, '/v1/faqs/how-long-does-recovery-take');
  t.equal(first.status, 200);
  t.equal(app.responseCacheEntries.size, expected, "a record's first request is answered from the cache");
});

t.test('warm-up requests are not logged, not rate-limited, and leave local clients their quota', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { LOG_LEVEL: 'info', RATE_LIMIT_MAX: '3' }, { logger: { level: 'info', stream } });
  const base = await listen(app);
  await app.cacheWarmed();
  t.equal(lines.filter((l) => l.includes('"incoming request"')).length, 0, 'no access-log lines');
  t.ok(app.responseCacheEntries.size >= 100, 'a quota of 3 did not stop the warm-up');
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await send(base, '/v1/strategies'));
  t.same(answers.map((a) => a.status), [200, 200, 200, 429], 'the whole quota is left for the client');
  t.equal(answers[0]!.headers['ratelimit-remaining'], '2');
});

t.test('closing the app in the middle of a warm-up stops it quietly', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false' }, { logger: { level: 'warn', stream } });
  await listen(app);
  // Until warming has begun and prepared a few answers, but not all of them.
  while (app.responseCacheEntries.size < 3) await new Promise((r) => setTimeout(r, 5));
  await app.close();
  t.ok(app.responseCacheEntries.size < 100, 'stopped before the end');
  t.same(lines, [], 'nothing logged');
});
