import t from 'tap';
import { withoutTrailingSlash } from '../../src/http/canonical.js';
import { build } from '../helpers/app.js';

const app = await build(t);
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

t.test('a /v1 URL with a trailing slash redirects to its canonical form, never answering another shape', async (t) => {
  const cases: [string, string][] = [
    ['/v1/signs/', '/v1/signs'],
    ['/v1/signs/?kind=emotional&limit=2', '/v1/signs?kind=emotional&limit=2'],
    ['/v1/signs/emotional-numbness/', '/v1/signs/emotional-numbness'],
    ['/v1/topics/', '/v1/topics'],
    ['/v1/search/?q=journal', '/v1/search?q=journal'],
  ];
  for (const [url, location] of cases) {
    const res = await get(url);
    t.equal(res.statusCode, 308, url);
    t.equal(res.headers.location, location, `${url}: to ${location}`);
    t.equal(res.body, '', `${url}: no list where a record was promised`);
  }
  const followed = await get('/v1/signs/emotional-numbness');
  t.equal(followed.json().data.slug, 'emotional-numbness', 'the target answers the record');
  t.equal((await get('/v1/')).statusCode, 404, '/v1/ itself is nothing');
});

t.test('redirects count like any request, and the rule stays inside /v1', async (t) => {
  const limited = await build(t, { RATE_LIMIT_MAX: '2' });
  t.equal((await limited.inject({ method: 'GET', url: '/v1/faqs/' })).statusCode, 308);
  t.equal((await limited.inject({ method: 'GET', url: '/v1/faqs/' })).statusCode, 308);
  t.equal((await limited.inject({ method: 'GET', url: '/v1/faqs/' })).statusCode, 429);
  t.equal((await get('/v1/faqs/?colour=blue')).headers.location, '/v1/faqs?colour=blue', 'the target checks its own parameters');
  t.equal((await get('/docs/')).statusCode, 200, 'the docs page keeps its slash');
  t.equal((await get('/embed/')).statusCode, 200, 'the embed builder answers with or without one');
});

t.test('the canonical form keeps the query and can never name another host', async (t) => {
  t.equal(withoutTrailingSlash('/v1/signs'), undefined);
  t.equal(withoutTrailingSlash('/v1/signs?x=/'), undefined, 'a slash in the query is not the path');
  t.equal(withoutTrailingSlash('/v1/signs//?a=1'), '/v1/signs?a=1');
  t.equal(withoutTrailingSlash('//evil.example/v1/signs/'), '/evil.example/v1/signs');
  t.equal(withoutTrailingSlash('http://host.example/v1/signs/?a=1'), '/v1/signs?a=1', 'absolute-form keeps only its path');
  t.equal(withoutTrailingSlash('no-scheme/'), undefined);
});
