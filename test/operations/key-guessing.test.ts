import t from 'tap';
import { PartnerKeys } from '../../src/http/partner-keys.js';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';

t.test('wrong partner keys count against the keyless quota: 30 guesses reach 429, and no key is logged', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(
    t,
    { RATE_LIMIT_MAX: '20', PARTNER_KEYS: `acme:${PartnerKeys.hash('the-real-partner-key')}`, LOG_LEVEL: 'info' },
    { logger: { level: 'info', stream } },
  );
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await app.inject({ url: '/v1/topics', headers: { 'x-api-key': `guess-number-${i}` } });
    statuses.push(res.statusCode);
  }
  t.same(statuses.slice(0, 20), Array(20).fill(401), 'the first 20 wrong keys are refused with 401');
  t.same(statuses.slice(20), Array(10).fill(429), 'once the keyless quota is spent, guessing gets 429');
  t.equal(statuses.indexOf(429) + 1, 21, 'the first 429 is the 21st guess');
  const keyless = await app.inject({ url: '/v1/topics' });
  t.equal(keyless.statusCode, 429, 'the guesses used up the same quota as keyless requests');
  const partner = await app.inject({ url: '/v1/topics', headers: { 'x-api-key': 'the-real-partner-key' } });
  t.equal(partner.statusCode, 200, 'a real partner key is still served');

  const refused = lines.filter((l) => l.includes('refused an invalid partner key'));
  t.equal(refused.length, 20, 'each refused key is logged');
  t.match(JSON.parse(refused[0]!), { level: 40, clientIp: '127.0.0.1' });
  t.notOk(
    lines.some((l) => l.includes('guess-number')),
    'no log line holds a presented key',
  );
  const metrics = await app.inject({ url: '/metrics' });
  t.match(metrics.body, /rate_limit_rejections_total\{tier="keyless"\} 11/, '10 guesses and the keyless request were rejected');
});

t.test('with rate limiting off, a wrong key is still a 401', async (t) => {
  const app = await build(t, { RATE_LIMIT_ENABLED: 'false' });
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ url: '/v1/topics', headers: { 'x-api-key': 'nope' } })).statusCode, 401);
});
