import t from 'tap';
import { envelopeJson, extendKept, keepJson, Spliced } from '../../src/answers/json.js';
import { build } from '../helpers/app.js';

// The envelope comes back as bytes, in pieces when it splices kept JSON (anything else as text):
// compared as the text they encode. Pieces put together twice must give the same bytes, of the
// length they announce.
const json = (value: unknown): string | undefined => {
  const out = envelopeJson(value) as string | Buffer | Spliced | undefined;
  if (out instanceof Spliced) {
    const bytes = out.bytes();
    if (!out.bytes().equals(bytes) || bytes.length !== out.byteLength) throw new Error('pieces put together differ');
    return bytes.toString('utf8');
  }
  return Buffer.isBuffer(out) ? out.toString('utf8') : out;
};

t.test('envelope JSON is exactly what JSON.stringify writes', async (t) => {
  const record = { type: 'sign', slug: 'a', title: 'Quote " and \u2028 and é', n: 1, nested: { list: [1, null, 'x'] } };
  keepJson(record);
  const envelopes = [
    { data: [record, record, { ...record, slug: 'b' }], meta: { total: 3, query: 'a "b"' }, links: { self: '/v1/x?a=1', next: null } },
    { data: record, meta: {}, links: { self: '/v1/x' } },
    { data: [], meta: { total: 0 }, links: { self: '/v1/x', prev: null } },
  ];
  for (const envelope of envelopes) t.equal(json(envelope), JSON.stringify(envelope));
  t.equal(json(envelopes[0]), JSON.stringify(envelopes[0]), 'again, from the kept fragments');
  const other = { meta: {}, data: [record], links: {} };
  t.equal(json(other), JSON.stringify(other), 'another key order is serialised as it is');
  const fresh = { ...record };
  const before = json({ data: [record, fresh], meta: {}, links: {} });
  record.n = 2;
  fresh.n = 2;
  t.equal(
    json({ data: [record, fresh], meta: {}, links: {} }),
    String(before).replace(/"n":1(?![\s\S]*"n":1)/, '"n":2'),
    'a kept object is written once (it never changes while its store is open); others each time',
  );
  record.n = 1;
  const extra = { data: [record], meta: {}, links: {}, more: true };
  t.equal(json(extra), JSON.stringify(extra), 'so is another shape');
  t.ok(envelopeJson(envelopes[0]) instanceof Spliced, 'an envelope with kept records is bytes in pieces');
  const loose = envelopeJson({ data: [{ a: 1 }], meta: {}, links: {} }) as Buffer;
  t.ok(Buffer.isBuffer(loose), 'one with none is just bytes');
  t.equal(loose.buffer.byteLength, loose.byteLength, 'of its own, not a slice of a shared pool');
  // What JSON cannot hold: null in a list, and no "data" key at all when data itself is undefined.
  const odd = { data: [record, undefined, () => 1, 'x', 2, null, { a: undefined }], meta: {}, links: {} };
  t.equal(json(odd), JSON.stringify(odd), 'items JSON cannot hold are null, as JSON.stringify writes them');
  // Equivalent mutant, left: the key test's `keys[0] !== 'data'` as false. Three keys with meta
  // and links second and third but no data first have no data at all, which is written by
  // JSON.stringify either way (any other order fails the tests on meta and links).
  const none = { data: undefined, meta: { total: 0 }, links: {} };
  t.equal(json(none), JSON.stringify(none), 'no data, no data key');
  t.equal(typeof envelopeJson(extra), 'string', 'anything else is text');
});

t.test('pieces: kept JSON is shared, not copied; text between is one run, counted', async (t) => {
  const record = { slug: 'r', text: 'é'.repeat(1000) };
  keepJson(record);
  const envelope = { data: [record, record, { own: 'ü' }], meta: { n: 1 }, links: {} };
  const out = envelopeJson(envelope) as Spliced;
  t.equal(out.bytes().toString(), JSON.stringify(envelope));
  // Five pieces: the opening, a record, a comma, the record again, then the item of its own run
  // on with the closing; the records' 2 kB each are not the answer's own.
  // Its own text is counted as V8 may hold it, two bytes a character.
  const own = ['{"data":[', ',', ',{"own":"ü"}],"meta":{"n":1},"links":{}}'].reduce((n, s) => n + s.length * 2, 0);
  t.equal(out.ownBytes, own + 5 * 16, 'its own text, two bytes a character, and 16 per piece');
  t.equal(out.byteLength, Buffer.byteLength(JSON.stringify(envelope)));
  // Three pieces: the opening runs on into a first item of its own, then the record, then the close.
  const first = envelopeJson({ data: [{ own: 1 }, record], meta: {}, links: {} }) as Spliced;
  t.equal(first.bytes().toString(), JSON.stringify({ data: [{ own: 1 }, record], meta: {}, links: {} }));
  t.equal(first.ownBytes, '{"data":[{"own":1},],"meta":{},"links":{}}'.length * 2 + 3 * 16);
});
// Equivalent mutants, left:
// - Spliced.bytes() looping once past the last piece (`<=`): the extra round finds no piece and
//   writes nothing; and `piece?.copy` as `piece.copy`: within range a piece is always there.
// - In Splicer.done(), the single piece's `typeof … === 'string'` as true: an envelope always
//   opens with text, so one with a kept record has at least two pieces.
// - In Splicer's endRun, never returning early on an empty run: kept JSON always follows text
//   (the opening, a comma) and text always closes the envelope, so no run is ever empty there.

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
    t.equal(json(value), JSON.stringify(value), String(JSON.stringify(value)));
  }
});

t.test('a kept object extended with a few fields is written as JSON.stringify writes the spread', async (t) => {
  const brief = { type: 'sign', slug: 'a', title: 'Quote " and \u2028', gone: undefined, list: [1, 'x'] };
  keepJson(brief);
  const cases: [object, object][] = [
    [brief, { score: 1.5, snippet: 'a <mark>b</mark> "c"' }],
    [brief, { score: 0 }],
    [brief, {}],
    [brief, { missing: undefined }],
    [brief, { score: 2, missing: undefined, snippet: '' }],
    [{}, { score: 1 }],
    [{ only: undefined }, { score: 1 }],
  ];
  for (const [i, [base, extra]] of cases.entries()) {
    if (base !== brief) keepJson(base);
    const hit = extendKept(base, extra);
    t.same(hit, { ...base, ...extra }, 'the value is the spread');
    const page = { data: [hit, hit], meta: {}, links: {} };
    // Named by number: a U+2028 in a test's name would break the TAP stream.
    t.equal(json(page), JSON.stringify(page), `case ${i}`);
  }
  // A repeated field moves to the spread's value: written in full, never twice.
  const clash = extendKept(brief, { title: 'other', score: 1 });
  t.equal(json({ data: [clash], meta: {}, links: {} }), JSON.stringify({ data: [clash], meta: {}, links: {} }));
  // A base that is not kept has no JSON to reuse: the hit is written as it is.
  const loose = { type: 'sign', slug: 'b' };
  const written = extendKept(loose, { score: 1 });
  loose.slug = 'changed';
  t.equal(json({ data: [written], meta: {}, links: {} }), JSON.stringify({ data: [written], meta: {}, links: {} }));
  // The base's kept JSON is what is reused: changing the kept object afterwards does not show.
  const base = { type: 'sign', slug: 'c' };
  keepJson(base);
  const first = json({ data: [extendKept(base, { score: 1 })], meta: {}, links: {} });
  base.slug = 'd';
  t.equal(json({ data: [extendKept(base, { score: 1 })], meta: {}, links: {} }), first, 'the base is written once');
});
