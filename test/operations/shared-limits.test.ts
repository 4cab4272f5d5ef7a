import t from 'tap';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';
import { redisServer } from '../helpers/redis.js';
import { unlessInstalled } from '../helpers/services.js';

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 150; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

t.test(
  'two instances sharing one Redis enforce one quota; with Redis stopped both keep answering',
  { skip: unlessInstalled('redis-server', 'redis-server') },
  async (t) => {
    const redis = await redisServer(t);
    const { stream, lines } = logCapture();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_MAX: '6' };
    const a = await build(t, env, { logger: { level: 'warn', stream } });
    const b = await build(t, env);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await (i % 2 === 0 ? a : b).inject({ url: '/v1/topics', remoteAddress: '203.0.113.5' })).statusCode);
    t.same(statuses, [200, 200, 200, 200, 200, 200, 429, 429], 'six requests in all across both replicas, not six each');
    const remaining = (await b.inject({ url: '/v1/topics', remoteAddress: '203.0.113.6' })).headers['ratelimit-remaining'];
    t.equal(remaining, '5', 'another client has its own shared bucket');

    await redis.stop();
    const during: number[] = [];
    for (let i = 0; i < 10; i++)
      during.push((await (i % 2 === 0 ? a : b).inject({ url: '/v1/topics', remoteAddress: '203.0.113.7' })).statusCode);
    t.same(during, Array(10).fill(200), 'no 5xx (and no 429) while Redis is down: requests are answered uncounted');
    t.ok(
      lines.some((l) => l.includes('Redis is unreachable')),
      'the outage is logged',
    );
    const metrics = (await a.inject({ url: '/metrics' })).body;
    const failures = Number(/rate_limit_store_failures_total (\d+)/.exec(metrics)?.[1]);
    t.equal(failures, 5, 'and each uncounted check is counted in metrics');
    t.ok((await a.inject({ url: '/readyz' })).statusCode === 200, 'readiness does not depend on Redis');

    await redis.start();
    t.ok(
      await until(async () => (await a.inject({ url: '/v1/topics', remoteAddress: '203.0.113.8' })).headers['ratelimit-remaining'] === '5'),
      'once Redis is back, requests are counted in it again',
    );
  },
);
