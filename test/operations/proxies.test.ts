import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { build } from '../helpers/app.js';
import { listen, send } from '../helpers/http.js';

// Behind N proxies the client is the address N hops back along X-Forwarded-For; the rest of
// the chain (anything the client itself wrote) must not choose its rate-limit bucket.
t.test('a hop count trusts exactly that many proxies: each client behind them has its own quota', async (t) => {
  const app = await build(t, { TRUST_PROXY: '2', RATE_LIMIT_MAX: '3' });
  const base = await listen(app);
  // The socket peer is the load balancer; the CDN in front of it appended the client's address.
  const via = (client: string, spoof = '') => ({ 'x-forwarded-for': `${spoof}${client}, 10.0.0.7` });
  const statuses = async (headers: Record<string, string>, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await send(base, '/v1/topics', headers)).status);
    return out;
  };
  t.same(await statuses(via('203.0.113.1'), 4), [200, 200, 200, 429], 'client A spends its own quota');
  t.same(await statuses(via('203.0.113.2'), 3), [200, 200, 200], 'client B, behind the same proxies, has a quota of its own');
  t.same(await statuses(via('203.0.113.1', '198.51.100.9, '), 1), [429], 'a forged left-most entry does not give client A a fresh bucket');
});

t.test('TRUST_PROXY=1: the forwarded protocol and host make the embed links', async (t) => {
  const app = await build(t, { TRUST_PROXY: '1' });
  const res = await app.inject({
    url: '/embed/topics/emotional-withdrawal',
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'content.example.org' },
  });
  t.equal(res.statusCode, 200);
  t.match(res.body, 'https://content.example.org/oembed?url=');
  t.match(res.headers.vary, /x-forwarded-proto/i, 'the answer says it depends on the forwarded headers');
  t.match(res.headers.vary, /x-forwarded-host/i);
  t.match(res.headers.vary, /(^|, )host(,|$)/i);
});

const hostile: [string, Record<string, string>, string][] = [
  ['a forwarded protocol that is not http(s)', { 'x-forwarded-proto': 'https://evil.example/#' }, 'true'],
  ['a forwarded protocol that is not http(s)', { 'x-forwarded-proto': 'javascript' }, '1'],
  ['a Host with an impossible port', { host: 'evil.example:99999' }, 'false'],
  ['a forwarded host with an impossible port', { 'x-forwarded-host': 'evil.example:70000' }, 'true'],
  ['a forwarded host that is not a host name', { 'x-forwarded-host': 'evil.example/#' }, 'true'],
];
for (const [what, headers, trust] of hostile) {
  t.test(`${what} (TRUST_PROXY=${trust}) is a 400, never a 5xx, on every origin-dependent page`, async (t) => {
    const app = await build(t, { TRUST_PROXY: trust });
    for (const url of [
      '/embed',
      '/embed/topics/emotional-withdrawal',
      '/embed/list?items=strategy:journaling',
      '/oembed?url=http%3A%2F%2Flocalhost%2Fembed%2Ftopics%2Femotional-withdrawal',
    ]) {
      for (const accept of ['text/html', 'application/json']) {
        const res = await app.inject({ url, headers: { ...headers, accept } });
        t.equal(res.statusCode, 400, `${url} (${accept})`);
        t.notMatch(res.body, /evil\.example/, 'the hostile value never reaches a link');
      }
    }
  });
}

t.test('with PUBLIC_BASE_URL the request origin is ignored, and answers do not vary on it', async (t) => {
  const app = await build(t, { TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://content.example.org' });
  const res = await app.inject({
    url: '/embed/topics/emotional-withdrawal',
    headers: { 'x-forwarded-proto': 'https://evil.example/#', host: 'evil.example:99999' },
  });
  t.equal(res.statusCode, 200);
  t.match(res.body, 'https://content.example.org/oembed?url=');
  t.notMatch(res.body, /evil\.example/);
  t.notMatch(res.headers.vary ?? '', /Host/);
});

t.test('TRUST_PROXY accepts what works and refuses anything else, naming the variable', async (t) => {
  const hops = loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY;
  t.type(hops, 'function', 'a hop count becomes a function (Fastify 5 ignores a bare number)');
  const trust = hops as (address: string, hop: number) => boolean;
  t.same([trust('x', 0), trust('x', 1), trust('x', 2)], [true, true, false]);
  t.equal(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY, false);
  t.equal(
    loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1,::1,fd00::/8,loopback' }).TRUST_PROXY,
    '10.0.0.0/8,192.168.1.1,::1,fd00::/8,loopback',
  );
  for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', '10.0.0.1,,', '-1', '1.5', 'fe80::/129', 'example.com']) {
    t.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY: must be true, false, a hop count/, bad);
  }
});
