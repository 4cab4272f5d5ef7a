// The small HTTP rules on their own (no app): negotiation, Vary, canonical URLs and paging links.
// Fast, so `npm run test:mutation` can afford them; the route tests check them in place.
import t from 'tap';
import { negotiate, prefersJson } from '../../src/http/accept.js';
import { canonicalQuery, canonicalUrl, withoutTrailingSlash } from '../../src/http/canonical.js';
import { pageAnswer, pageLinks } from '../../src/http/paging.js';
import { addVary } from '../../src/http/vary.js';
import { envelopeJson, Presented } from '../../src/snapshot/json.js';

const JSON_LD = ['application/json', 'application/ld+json'] as const;

t.test('negotiate: the most specific range decides a type’s quality; the highest quality wins; ties go to the first offered', async (t) => {
  t.equal(negotiate(undefined, JSON_LD), 'application/json', 'no Accept: the first');
  t.equal(negotiate('  ', JSON_LD), 'application/json', 'an empty Accept: the first');
  t.equal(negotiate('application/ld+json', JSON_LD), 'application/ld+json');
  t.equal(negotiate('application/ld+json, application/json;q=0.5', JSON_LD), 'application/ld+json', 'higher q wins');
  t.equal(negotiate('application/ld+json;q=0.5, application/json', JSON_LD), 'application/json');
  t.equal(negotiate('application/*', JSON_LD), 'application/json', 'a tie goes to the first offered');
  t.equal(negotiate('*/*', JSON_LD), 'application/json');
  t.equal(negotiate('text/html', JSON_LD), undefined, 'nothing acceptable');
  t.equal(
    negotiate('application/*, application/json;q=0', JSON_LD),
    'application/ld+json',
    'the exact range beats the wildcard, even at q=0',
  );
  t.equal(negotiate('*/*;q=0.1, application/*;q=0', JSON_LD), undefined, 'type/* beats */*');
  t.equal(negotiate('*/*;q=0.1, application/*;q=0, application/ld+json', JSON_LD), 'application/ld+json');
  t.equal(negotiate('application/json;q=abc', JSON_LD), undefined, 'a bad q-value counts as 0');
  t.equal(negotiate('APPLICATION/JSON ; Q=0.9', JSON_LD), 'application/json', 'case and spaces do not matter');
  t.equal(
    negotiate('application/json;charset=utf-8;q=0.3, application/ld+json;q=0.2', JSON_LD),
    'application/json',
    'q among other parameters',
  );
  t.equal(negotiate('application/json;level=1', JSON_LD), 'application/json', 'no q means 1');
  t.equal(negotiate('text/*', ['application/json', 'text/html']), 'text/html');
});

t.test('negotiate: where ranges sit and how they are spaced', async (t) => {
  t.equal(negotiate('application/json; q=0', ['application/json']), undefined, 'a q-value after a space still counts');
  t.equal(negotiate('application/json;q=0, */*', ['application/json']), undefined, 'a less specific range later does not override');
  t.equal(
    negotiate('application/json, application/json;q=0', ['application/json']),
    'application/json',
    'of two equally specific ranges, the first decides',
  );
  // Equivalent mutants, left: the `value = ''` default (split always yields a first member), the
  // trim of the whole member (the value and each parameter are trimmed again), and prefersJson's
  // trim test (a blank header matches nothing, so JSON's 0 never beats HTML's 0).
});

t.test('prefersJson: only when JSON is clearly preferred to HTML', async (t) => {
  t.equal(prefersJson(undefined), false);
  t.equal(prefersJson(''), false);
  t.equal(prefersJson('application/json'), true);
  t.equal(prefersJson('application/problem+json'), true);
  t.equal(prefersJson('*/*'), false, 'a tie is HTML');
  t.equal(prefersJson('text/html, application/json'), false);
  t.equal(prefersJson('text/html;q=0.5, application/json'), true);
  t.equal(
    prefersJson('application/json;q=0.4, application/problem+json;q=0.8, text/html;q=0.6'),
    true,
    'the better of the two JSON types counts',
  );
});

t.test('addVary: each name once, in lower case, never beside *', async (t) => {
  const reply = (vary?: string | string[]) => {
    const headers: Record<string, unknown> = vary === undefined ? {} : { vary };
    return { headers, getHeader: (n: string) => headers[n], header: (n: string, v: string) => (headers[n] = v) };
  };
  const empty = reply();
  addVary(empty, 'accept');
  t.equal(empty.headers.vary, 'accept');
  const some = reply('Origin');
  addVary(some, 'accept');
  t.equal(some.headers.vary, 'Origin, accept');
  addVary(some, 'ACCEPT');
  t.equal(some.headers.vary, 'Origin, accept', 'not twice, whatever the case');
  const list = reply(['origin', 'accept-encoding']);
  addVary(list, 'Accept-Encoding');
  t.same(list.headers.vary, ['origin', 'accept-encoding'], 'an array value is read too');
  addVary(list, 'accept');
  t.equal(list.headers.vary, 'origin, accept-encoding, accept');
  const star = reply('*');
  addVary(star, 'accept');
  t.equal(star.headers.vary, '*');
});

t.test('canonical URLs: name order, one spelling per value, defaults left out', async (t) => {
  t.equal(canonicalUrl('/v1/x', {}), '/v1/x', 'no query, no question mark');
  t.equal(canonicalUrl('/v1/x', { b: 2, a: 'y' }), '/v1/x?a=y&b=2');
  t.equal(canonicalUrl('/v1/x', { limit: 20, offset: 5 }, { limit: 20, offset: 0 }), '/v1/x?offset=5', 'a default is left out');
  t.equal(canonicalUrl('/v1/x', { topic: ['a', 'b'] }), '/v1/x?topic=a%2Cb', 'lists comma-joined');
  t.equal(canonicalUrl('/v1/x', { topic: ['a'] }, { topic: ['a'] }), '/v1/x', 'a list equal to its default');
  t.equal(canonicalUrl('/v1/x', { sort: { key: 'title', descending: true } }), '/v1/x?sort=-title');
  t.equal(canonicalUrl('/v1/x', { sort: { key: 'title', descending: false } }), '/v1/x?sort=title');
  t.equal(
    canonicalUrl('/v1/x', { items: [{ type: 'sign', slug: 's' }] }),
    '/v1/x?items=sign%3As',
    'other objects: values joined by colons',
  );
  t.equal(
    canonicalUrl('/v1/x', { a: undefined, b: null, c: false, d: 0 }),
    '/v1/x?c=false&d=0',
    'undefined and null are absent; false and 0 are values',
  );
  t.equal(canonicalQuery({ q: 'a b&c' }).toString(), 'q=a+b%26c');
});

t.test('paging links: from the canonical query, first and last pages, no prev on the first, no next on the last', async (t) => {
  const links = (total: number, limit: number, offset: number) =>
    pageLinks('/v1/x', { limit, offset, topic: ['t'] }, { limit: 20, offset: 0 }, total, limit, offset);
  t.same(links(45, 20, 20), {
    self: '/v1/x?topic=t&limit=20&offset=20',
    first: '/v1/x?topic=t&limit=20&offset=0',
    last: '/v1/x?topic=t&limit=20&offset=40',
    prev: '/v1/x?topic=t&limit=20&offset=0',
    next: '/v1/x?topic=t&limit=20&offset=40',
  });
  t.same(links(40, 20, 20).last, '/v1/x?topic=t&limit=20&offset=20', 'an exact multiple: the last page is full');
  t.same(links(40, 20, 20).next, null, 'none after the last');
  t.same(links(41, 20, 20).next, '/v1/x?topic=t&limit=20&offset=40');
  t.same(links(45, 20, 0).prev, null, 'none before the first');
  t.same(links(45, 20, 1).prev, '/v1/x?topic=t&limit=20&offset=0', 'a partial step back stops at 0');
  t.same(links(45, 20, 30).prev, '/v1/x?topic=t&limit=20&offset=10');
  t.same(links(45, 20, 100).prev, '/v1/x?topic=t&limit=20&offset=25', 'past the end: prev is the last full page’s start');
  t.same(links(0, 20, 0).last, '/v1/x?topic=t&limit=20&offset=0', 'an empty collection has one (empty) page');

  const page = pageAnswer(
    '/v1/x',
    { limit: 2, offset: 0 },
    { limit: 20, offset: 0 },
    { data: ['a', 'b'], total: 3 },
    new Presented({ disclaimer: 'd' }),
    { query: 'q' },
  );
  t.same(JSON.parse(envelopeJson(page).toString()), {
    data: ['a', 'b'],
    meta: { disclaimer: 'd', total: 3, limit: 2, offset: 0, query: 'q' },
    links: {
      self: '/v1/x?limit=2&offset=0',
      first: '/v1/x?limit=2&offset=0',
      last: '/v1/x?limit=2&offset=2',
      prev: null,
      next: '/v1/x?limit=2&offset=2',
    },
  });
  t.same(
    Object.keys(JSON.parse(envelopeJson(page).toString()).meta),
    ['disclaimer', 'total', 'limit', 'offset', 'query'],
    'meta in this order',
  );
});

t.test('canonical values of every kind a schema can parse', async (t) => {
  t.equal(canonicalUrl('/x', { n: 10n }), '/x?n=10', 'a bigint is its digits');
  t.equal(canonicalUrl('/x', { s: Symbol('s'), f: () => 1 }), '/x', 'a symbol or function has no spelling');
  t.equal(canonicalUrl('/x', { o: { key: 'a', other: 'b' } }), '/x?o=a%3Ab', 'only an object with key and descending is a sort');
  t.equal(canonicalUrl('/x', { limit: undefined }, { limit: 20 }), '/x', 'an absent value is absent, whatever its default');
  // Equivalent mutants, left: dropping encode's `value === undefined` test (undefined falls
  // through to the same undefined at the end), and `cut <= 0` for `cut < 0` in
  // withoutTrailingSlash (a request URL never starts with "?", so cut is never 0).
});

t.test('withoutTrailingSlash: the canonical address of a URL with a trailing slash', async (t) => {
  t.equal(withoutTrailingSlash('/v1/signs'), undefined, 'none to remove');
  t.equal(withoutTrailingSlash('/v1/signs?x=a/'), undefined, 'a slash in the query does not count');
  t.equal(withoutTrailingSlash('/v1/signs/'), '/v1/signs');
  t.equal(withoutTrailingSlash('/v1/signs///'), '/v1/signs', 'every trailing slash');
  t.equal(withoutTrailingSlash('/v1/signs/?limit=5&b=/'), '/v1/signs?limit=5&b=/', 'the query kept as sent');
  t.equal(withoutTrailingSlash('//evil.example/'), '/evil.example', 'leading slashes collapse: never another host');
  t.equal(withoutTrailingSlash('/v1//signs/'), '/v1//signs', 'inner slashes are the router’s business');
  t.equal(withoutTrailingSlash('http://host.example/v1/signs/?a=1'), '/v1/signs?a=1', 'an absolute-form target keeps its path');
  t.equal(withoutTrailingSlash('http://[bad/'), undefined, 'an unparsable absolute target is left to the router');
  t.equal(withoutTrailingSlash('/'), '/');
});
