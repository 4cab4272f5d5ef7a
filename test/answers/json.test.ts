import t from 'tap';
import { envelopeJson, keepJson } from '../../src/answers/json.js';
import { build } from '../helpers/app.js';

t.test('envelope JSON is exactly what JSON.stringify writes', async (t) => {
  const record = { type: 'sign', slug: 'a', title: 'Quote " and \u2028 and é', n: 1, nested: { list: [1, null, 'x'] } };
  keepJson(record);
  const envelopes = [
    { data: [record, record, { ...record, slug: 'b' }], meta: { total: 3, query: 'a "b"' }, links: { self: '/v1/x?a=1', next: null } },
    { data: record, meta: {}, links: { self: '/v1/x' } },
    { data: [], meta: { total: 0 }, links: { self: '/v1/x', prev: null } },
  ];
  for (const envelope of envelopes) t.equal(envelopeJson(envelope), JSON.stringify(envelope));
  t.equal(envelopeJson(envelopes[0]), JSON.stringify(envelopes[0]), 'again, from the kept fragments');
  const other = { meta: {}, data: [record], links: {} };
  t.equal(envelopeJson(other), JSON.stringify(other), 'another key order is serialised as it is');
  const fresh = { ...record };
  const before = envelopeJson({ data: [record, fresh], meta: {}, links: {} });
  record.n = 2;
  fresh.n = 2;
  t.equal(
    envelopeJson({ data: [record, fresh], meta: {}, links: {} }),
    before.replace(/"n":1(?![\s\S]*"n":1)/, '"n":2'),
    'a kept object is written once (it never changes while its store is open); others each time',
  );
  record.n = 1;
  const extra = { data: [record], meta: {}, links: {}, more: true };
  t.equal(envelopeJson(extra), JSON.stringify(extra), 'so is another shape');
});

t.test('a record keeps one JSON text across the pages that list it', async (t) => {
  const app = await build(t);
  const page = (await app.inject('/v1/signs?limit=100')).json();
  const single = (await app.inject(`/v1/signs/${page.data[3].slug}`)).json();
  t.same(page.data[3], single.data, 'the same record on a page and on its own');
  const html = (await app.inject(`/v1/signs?limit=5&offset=3&format=html`)).json();
  t.match(html.data[0].body, /<p>/, 'each format is its own presentation');
  t.equal(html.data[0].slug, page.data[3].slug);
});

t.test('only the exact envelope is spliced; anything else is JSON.stringify', async (t) => {
  const record = { slug: 'kept' };
  keepJson(record);
  for (const value of [
    null,
    undefined,
    'abc',
    5,
    [record],
    { other: [record], meta: {}, links: {} },
    { data: [record], other: {}, links: {} },
    { data: [record], meta: {}, other: {} },
  ]) {
    t.equal(envelopeJson(value), JSON.stringify(value), String(JSON.stringify(value)));
  }
});
