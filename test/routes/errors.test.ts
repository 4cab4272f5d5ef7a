import t from 'tap';
import { Problem } from '../../src/schemas/common.js';
import { build } from '../helpers/app.js';

const app = await build(t);

// [method, url, headers, expected status, expected detail pattern, expected bad parameter]
const cases: [string, string, Record<string, string>, number, RegExp, string?][] = [
  ['GET', '/v1/signs?limit=abc', {}, 400, /"limit" is invalid: must be a whole number from 1 to 100/, 'limit'],
  ['GET', '/v1/signs?limit=-1', {}, 400, /"limit"/, 'limit'],
  ['GET', '/v1/signs?limit=0', {}, 400, /"limit"/, 'limit'],
  ['GET', '/v1/signs?limit=100000', {}, 400, /"limit"/, 'limit'],
  ['GET', '/v1/signs?limit=2.5', {}, 400, /"limit"/, 'limit'],
  ['GET', '/v1/signs?offset=-5', {}, 400, /"offset" is invalid: must be a whole number, 0 or more/, 'offset'],
  ['GET', '/v1/signs?sort=random', {}, 400, /"sort"/, 'sort'],
  ['GET', '/v1/signs?limit=1&limit=2', {}, 400, /only once; repeated: "limit"/, 'limit'],
  ['GET', '/v1/topics/emotional-isolation?format=html&format=text', {}, 400, /repeated: "format"/, 'format'],
  ['GET', '/v1/signs?colour=blue', {}, 400, /"colour" is not a parameter of this operation/, 'colour'],
  ['GET', '/v1/signs?topic=', {}, 400, /"topic"/, 'topic'],
  ['GET', '/v1/signs?topic=%00%27%22', {}, 400, /"topic"/, 'topic'],
  ['GET', '/v1/signs/%E2%80%AE%F0%9F%98%80', {}, 404, /does not exist/],
  ['GET', `/v1/signs/${'a'.repeat(300)}`, {}, 414, /longer than 200 characters/],
  ['GET', '/v1/signs/%E0%A4%A', {}, 400, /malformed/],
  ['GET', '/v1/nothing-here', {}, 404, /No resource at \/v1\/nothing-here/],
  ['GET', '/v2/signs', {}, 404, /No resource/],
  ['POST', '/v1/signs', { 'content-type': 'application/json' }, 405, /read-only: POST is not allowed/],
  ['DELETE', '/v1/signs/emotional-numbness', {}, 405, /DELETE is not allowed/],
  ['PUT', '/v1/topics', {}, 405, /PUT is not allowed/],
  ['PATCH', '/nowhere', {}, 405, /PATCH is not allowed/],
  ['GET', '/v1/signs', { accept: 'application/xml' }, 406, /application\/json only/],
  ['GET', '/v1/signs', { accept: 'text/html' }, 406, /application\/json only/],
  ['GET', '/v1/signs', { accept: 'application/json;q=0, text/csv' }, 406, /application\/json only/],
  ['GET', '/v1/signs', { accept: 'application/json;q=0, */*' }, 406, /application\/json only/],
  ['GET', '/v1/signs', { accept: 'application/problem+json' }, 406, /application\/json only/],
];

for (const [method, url, headers, status, detail, parameter] of cases) {
  t.test(`${method} ${url.slice(0, 60)} ${JSON.stringify(headers)} → ${status}`, async (t) => {
    const res = await app.inject({ method: method as 'GET', url, headers, ...(method === 'POST' ? { payload: '{}' } : {}) });
    t.equal(res.statusCode, status);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.doesNotThrow(() => Problem.strict().parse(body), 'an RFC 9457 problem');
    t.equal(body.status, status);
    t.match(body.detail, detail);
    t.equal(body.instance, url.slice(0, 2048));
    t.notMatch(res.body, /at .*\.(ts|js):\d+|sqlite|SELECT /i, 'no stack trace or SQL text');
    if (parameter)
      t.ok(
        body.errors.some((e: { name: string }) => e.name === parameter),
        `lists "${parameter}"`,
      );
    if (status === 405) t.equal(res.headers.allow, 'GET, HEAD, OPTIONS');
  });
}

t.test('acceptable Accept headers are served', async (t) => {
  for (const accept of [
    'application/json',
    '*/*',
    'application/*',
    'application/json; charset=utf-8',
    'text/html, application/json;q=0.5',
    '',
  ]) {
    const res = await app.inject({ method: 'GET', url: '/v1/signs?limit=1', headers: { accept } });
    t.equal(res.statusCode, 200, `Accept: ${accept || '(empty)'}`);
  }
});

t.test('a validation error lists every bad parameter', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/v1/strategies?limit=0&offset=x&category=none&sort=up' });
  t.equal(res.statusCode, 400);
  const names = res
    .json()
    .errors.map((e: { name: string }) => e.name)
    .sort();
  t.same(names, ['category', 'limit', 'offset', 'sort']);
  t.match(res.json().detail, /4 parameters are invalid/);
});

t.test('HEAD works like GET without a body', async (t) => {
  const res = await app.inject({ method: 'HEAD', url: '/v1/signs' });
  t.equal(res.statusCode, 200);
  t.equal(res.body, '');
});
