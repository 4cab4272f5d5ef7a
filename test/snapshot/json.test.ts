// JSON for answers (src/snapshot/json.ts): presented values carry their JSON, written once as
// UTF-8, and an envelope splices it in. Whatever the items, the bytes are the UTF-8 of what
// JSON.stringify writes for the same values, so splicing is an optimisation no client can see.
import fc from 'fast-check';
import t from 'tap';
import { Extended, type Envelope, envelopeJson as envelopeBytes, Presented } from '../../src/snapshot/json.js';

const envelopeJson = (envelope: Envelope<unknown>) => envelopeBytes(envelope).toString('utf8');
/** The JSON of one item, as an envelope whose data it is writes it. */
const itemJson = (item: unknown) => {
  const text = envelopeJson({ data: item, meta: null, links: {} });
  return text.slice('{"data":'.length, -',"meta":null,"links":{}}'.length);
};

t.test('a presented value keeps the JSON it had when presented', async (t) => {
  const value = { type: 'sign', slug: 's', title: 'T' };
  const presented = new Presented(value);
  t.equal(presented.value, value);
  t.equal(presented.json.toString('utf8'), '{"type":"sign","slug":"s","title":"T"}');
  t.equal(itemJson(presented), presented.json.toString('utf8'), 'an item that is presented is its JSON');
});

t.test('an extended item is its base with its own fields after it, as a spread writes it', async (t) => {
  const base = new Presented({ type: 'sign', slug: 's' });
  const hit = new Extended(base, { score: 1.5, snippet: 'a <mark>b</mark> "c"' });
  t.equal(itemJson(hit), JSON.stringify({ ...base.value, ...hit.extra }));
  t.equal(itemJson(new Extended(base, {})), base.json.toString(), 'no fields of its own: the base alone');
  t.equal(
    itemJson(new Extended(base, { gone: undefined })),
    base.json.toString(),
    'a field JSON cannot hold is left out, as a spread would',
  );
  t.equal(itemJson(new Extended(new Presented({}), { score: 1 })), '{"score":1}', 'an empty base: the fields alone');
});

t.test('plain items are written as JSON.stringify writes array elements', async (t) => {
  t.equal(itemJson({ a: 1 }), '{"a":1}');
  t.equal(itemJson('x'), '"x"');
  t.equal(itemJson(undefined), 'null', 'what JSON cannot hold becomes null, as in an array');
  t.equal(
    itemJson(() => 1),
    'null',
  );
});

t.test('an envelope is data, meta and links in that order, with lists or a single item', async (t) => {
  const record = new Presented({ slug: 'a' });
  t.equal(
    envelopeJson({ data: [record, { slug: 'b' }], meta: { total: 2 }, links: { self: '/x' } }),
    '{"data":[{"slug":"a"},{"slug":"b"}],"meta":{"total":2},"links":{"self":"/x"}}',
  );
  t.equal(envelopeJson({ data: record, meta: {}, links: {} }), '{"data":{"slug":"a"},"meta":{},"links":{}}', 'one item');
  t.equal(envelopeJson({ data: [], meta: {}, links: {} }), '{"data":[],"meta":{},"links":{}}', 'an empty list');
});

t.test('text beyond ASCII is written as UTF-8, and every answer has a buffer of its own', async (t) => {
  const record = new Presented({ title: 'Don’t — café 🙂' });
  const bytes = envelopeBytes({ data: [new Extended(record, { snippet: 'ünïcode' })], meta: {}, links: {} });
  t.same(bytes, Buffer.from(JSON.stringify({ data: [{ title: 'Don’t — café 🙂', snippet: 'ünïcode' }], meta: {}, links: {} }), 'utf8'));
  t.equal(bytes.byteOffset, 0, 'not a slice of a shared pool');
  t.equal(bytes.buffer.byteLength, bytes.byteLength, 'holds no memory beyond its own bytes');
});

t.test('any envelope of any items: the same text as JSON.stringify of the plain values', async (t) => {
  // Names as fields have them: JavaScript orders integer-like names first in any object, so a
  // spread would move such a name in front of the base's fields (no field of ours is one).
  const name = fc.string({ unit: 'binary', maxLength: 6 }).filter((k) => !/^\d+$/.test(k) && k !== '__proto__');
  const plain = fc.dictionary(name, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }), { maxKeys: 5 });
  const item = fc.oneof(
    plain,
    plain.map((v) => new Presented(v)),
    fc.tuple(plain, plain).map(([base, extra]) => {
      // Extra fields never repeat a field of the base (the search route's score and snippet).
      const own = Object.fromEntries(Object.entries(extra).filter(([k]) => !(k in base)));
      return new Extended(new Presented(base), own);
    }),
  );
  const valueOf = (i: unknown): unknown =>
    i instanceof Presented ? i.value : i instanceof Extended ? { ...(i.base.value as object), ...i.extra } : i;
  fc.assert(
    fc.property(fc.array(item, { maxLength: 5 }), plain, plain, (data, meta, links) => {
      const expected = JSON.stringify({ data: data.map(valueOf), meta, links });
      return envelopeJson({ data, meta, links }) === expected;
    }),
    { numRuns: 500 },
  );
  t.pass('500 random envelopes written as JSON.stringify writes them');
});
