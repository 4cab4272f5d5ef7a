// The ranking rules of the search engine on small made-up records, where each rule alone decides
// the order (the route tests check the same rules on the real content). Records tie on everything
// but the rule under test, and the tie-break (index order) favours the record the rule should
// put second, so each test fails if its rule is removed.
import t from 'tap';
import { type Concept, Engine, type Field, LIST_SEPARATOR, type SearchDocument } from '../../src/search/engine.js';
import { stem } from '../../src/search/text.js';

const doc = (slug: string, fields: Partial<Record<Field, string>>): SearchDocument => ({
  type: 'sign',
  slug,
  fields: { title: `${slug} title`, peopleSay: '', keywords: '', summary: '', body: '', ...fields },
});
const concepts = (...words: string[]): Concept[] => words.map((w, at) => ({ at, alternatives: [{ stems: [stem(w)], weight: 1 }] }));
const order = (engine: Engine, query: Concept[]) => engine.score(query).map((s) => engine.document(s.doc).slug);

t.test('proximity: neighbouring query words close together in a record count more', async (t) => {
  // Same words and lengths; only the distance between "keep" and "feelings" differs.
  const engine = new Engine([doc('far', { summary: 'keep quiet calm feelings' }), doc('near', { summary: 'keep feelings quiet calm' })]);
  t.same(order(engine, concepts('keep', 'feelings')), ['near', 'far']);
  // Out of order is not near.
  const reversed = new Engine([
    doc('reversed', { summary: 'feelings keep quiet calm' }),
    doc('ordered', { summary: 'keep feelings quiet calm' }),
  ]);
  t.same(order(reversed, concepts('keep', 'feelings')), ['ordered', 'reversed'], 'in the order typed');
  // One position between them (stop words take none) is still near.
  const gap = new Engine([doc('far', { summary: 'keep quiet calm feelings' }), doc('near', { summary: 'keep my calm feelings quiet' })]);
  t.same(order(gap, concepts('keep', 'feelings')), ['near', 'far'], 'one word between');
});

t.test('vocabulary lists: a match counts by the share of one phrase the query covers', async (t) => {
  // Both lists hold "staying" and "sober" (same length); in one they are a single phrase, so the
  // query "stay" covers half of it.
  const engine = new Engine([
    doc('phrase', { peopleSay: 'staying sober' }),
    doc('words', { peopleSay: ['staying', 'sober'].join(LIST_SEPARATOR) }),
  ]);
  t.same(order(engine, concepts('stay')), ['words', 'phrase']);
  // The whole phrase typed: the words count the same in both lists, and the one phrase that holds
  // the whole query adds its idf.
  t.same(order(engine, concepts('stay', 'sober')), ['phrase', 'words'], 'the whole phrase typed: the one phrase first');
});

t.test('a longer vocabulary list does not make each of its phrases count for much less', async (t) => {
  const engine = new Engine([
    doc('long', { keywords: ['numb', 'flat', 'blank', 'empty', 'muted', 'dull', 'hollow', 'grey', 'cold', 'far'].join(LIST_SEPARATOR) }),
    doc('short', { keywords: 'numb' }),
  ]);
  const [short, long] = engine.score(concepts('numb'));
  t.equal(engine.document(short!.doc).slug, 'short');
  // With prose's length normalisation (b = 0.75) the long list would score about 0.63 of the short.
  t.ok(long!.score / short!.score > 0.8, `long list: ${(long!.score / short!.score).toFixed(2)} of the short one`);
});
