// The search engine's scores on small made-up records, checked against the formula it documents
// (BM25F per concept, idf over the records matching any of its alternatives, the best vocabulary
// phrase, proximity of neighbouring words, coordination by idf), and the matching rules behind them: phrases in order, stop
// words without a position, filters. A score is what the API returns as `score` and what orders
// results, so a slip in the arithmetic changes what people find first. Fast (no app), so
// `npm run test:mutation` can afford it; test/search/engine-ranking.test.ts checks the ranking
// rules one by one, the route tests check them on the real content.
import t from 'tap';
import { type Concept, Engine, type Field, LIST_SEPARATOR, type SearchDocument } from '../../src/search/engine.js';
import { stem } from '../../src/search/text.js';

const doc = (slug: string, fields: Partial<Record<Field, string>>): SearchDocument => ({
  type: 'sign',
  slug,
  fields: { title: slug, peopleSay: '', keywords: '', summary: '', body: '', ...fields },
});
const word = (w: string, weight = 1) => ({ stems: w.split(' ').map(stem), weight });
/** One concept per argument; an argument with spaces is a phrase (its words in order). */
const concepts = (...words: string[]): Concept[] => words.map((w, at) => ({ at, alternatives: [word(w)] }));
const slugs = (engine: Engine, scored: { doc: number }[]) => scored.map((s) => engine.document(s.doc).slug);

// The documented formula, for one record: per field weight × tf / (1 − b + b × length / average),
// summed, then saturated (k1 = 1.2) and times the idf.
const K1 = 1.2;
const field = (weight: number, b: number, tf: number, length: number, average: number) => (weight * tf) / (1 - b + (b * length) / average);
const saturate = (weighted: number, idf: number) => (idf * weighted * (K1 + 1)) / (K1 + weighted);
const idfOf = (n: number, matching: number) => Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
const TITLE = [5, 0.75] as const;
const LIST = [2, 0.25] as const;
const SUMMARY = [2, 0.75] as const;
const BODY = [0.5, 0.75] as const;
// A vocabulary phrase the query covers adds its share of the query's idf, times 2 (peopleSay) or 1 (keywords).
const PEOPLE_SAY_PHRASE = 2;
const KEYWORD_PHRASE = 1;
const close = (t: { ok: (pass: boolean, message: string) => unknown }, actual: number | undefined, expected: number, message: string) =>
  t.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${message}: ${actual} ≈ ${expected}`);

t.test('a match scores as BM25F: field weight, term frequency, length against the average, idf', async (t) => {
  // Summaries of 2 and 1 meaningful words (stop words do not count): average 1.5. Titles 1 each.
  const engine = new Engine([doc('a', { summary: 'numb and calm' }), doc('b', { summary: 'quiet' })]);
  const [hit, ...rest] = engine.score(concepts('numb'));
  t.equal(rest.length, 0, 'only the record with the word');
  close(t, hit?.score, saturate(field(...SUMMARY, 1, 2, 1.5), idfOf(2, 1)), 'summary');

  // One word in every field, with different frequencies and lengths.
  const all = new Engine([
    doc('numb', {
      peopleSay: ['numb', 'flat'].join(LIST_SEPARATOR),
      keywords: ['numb'].join(LIST_SEPARATOR),
      summary: 'numb calm',
      body: 'numb numb one two',
    }),
    doc('other', { peopleSay: 'quiet', keywords: 'grey', summary: 'calm', body: 'one two three four five six' }),
    doc('third', {}),
  ]);
  const [first] = all.score(concepts('numb'));
  const idf = idfOf(3, 1);
  const weighted =
    field(...TITLE, 1, 1, 1) +
    field(...LIST, 1, 2, 1) + // peopleSay: 2 words, average (2 + 1 + 0) / 3 = 1
    field(...LIST, 1, 1, 1) + // keywords: average (1 + 1 + 0) / 3, counted as 1 (never below a word)
    field(...SUMMARY, 1, 2, 1) + // summary: average (2 + 1 + 0) / 3
    field(...BODY, 2, 4, 10 / 3); // body: average (4 + 6 + 0) / 3
  // Each list has a phrase that is all "numb": the query holds it whole.
  close(t, first?.score, saturate(weighted, idf) + (PEOPLE_SAY_PHRASE + KEYWORD_PHRASE) * idf, 'every field');

  // The idf falls as more records match.
  const common = new Engine([doc('a', { summary: 'numb' }), doc('b', { summary: 'numb' }), doc('c', { summary: 'calm' })]);
  close(t, common.score(concepts('numb'))[0]?.score, saturate(field(...SUMMARY, 1, 1, 1), idfOf(3, 2)), 'two of three records match');
});

t.test('no records, no results; an average length is never below one word', async (t) => {
  t.same(new Engine([]).score(concepts('numb')), []);
  // Empty summaries average 0 words: counted as 1, so the one-word summary is not divided by 0.
  const engine = new Engine([doc('a', { summary: 'numb' }), doc('b', {}), doc('c', {}), doc('d', {})]);
  close(t, engine.score(concepts('numb'))[0]?.score, saturate(field(...SUMMARY, 1, 1, 1), idfOf(4, 1)), 'average 0.25 → 1');
});

t.test('concepts: alternatives count as one term at their weight; coordination favours records matching more', async (t) => {
  const engine = new Engine([doc('a', { summary: 'numb calm' }), doc('b', { summary: 'flat quiet' }), doc('c', { summary: 'grey' })]);
  const one = saturate(field(...SUMMARY, 1, 2, 5 / 3), idfOf(3, 2));
  // "numb" typed, "flat" through the thesaurus at 0.7: one concept, one idf over the two records.
  const [a, b] = engine.score([{ at: 0, alternatives: [word('numb'), word('flat', 0.7)] }]);
  t.same(slugs(engine, [a!, b!]), ['a', 'b']);
  close(t, a?.score, one, 'the word typed');
  const loose = saturate(field(...SUMMARY, 0.7, 2, 5 / 3), idfOf(3, 2));
  close(t, b?.score, loose * 0.7 ** 2, 'an alternative: its weight on the frequency, and a partial match');

  // Both alternatives in one record: the better one counts, once.
  const both = new Engine([doc('a', { summary: 'numb flat' }), doc('b', {})]);
  const best = saturate(field(...SUMMARY, 1, 2, 1), idfOf(2, 1));
  close(t, both.score([{ at: 0, alternatives: [word('flat', 0.7), word('numb')] }])[0]?.score, best, 'the best alternative, last');
  close(t, both.score([{ at: 0, alternatives: [word('numb'), word('flat', 0.7)] }])[0]?.score, best, 'or first');

  // Two concepts, a record matching one: its score times the square of that concept's share of
  // the query's idf (a word no record has is the rarest of all).
  const [half] = engine.score(concepts('grey', 'zebra'));
  const share = idfOf(3, 1) / (idfOf(3, 1) + idfOf(3, 0));
  close(t, half?.score, saturate(field(...SUMMARY, 1, 1, 5 / 3), idfOf(3, 1)) * share ** 2, 'one concept of two');
  t.equal(half?.coverage, share, 'its coverage: the share of the idf it matches');
  const twoOfThree = new Engine([doc('a', { summary: 'numb calm' }), doc('b', { summary: 'numb quiet' }), doc('c', { summary: 'grey' })]);
  const byWord = Object.fromEntries(twoOfThree.score(concepts('numb', 'grey')).map((s) => [twoOfThree.document(s.doc).slug, s.coverage]));
  close(t, byWord.c, idfOf(3, 1) / (idfOf(3, 1) + idfOf(3, 2)), 'the rarer word matched covers more of the query');
  close(t, byWord.a, idfOf(3, 2) / (idfOf(3, 1) + idfOf(3, 2)), 'the commoner one less');
  // Two concepts both matched, apart: the sum of the two.
  const apart = new Engine([doc('a', { summary: 'numb one two three calm' }), doc('b', {})]);
  const each = saturate(field(...SUMMARY, 1, 5, 5 / 2), idfOf(2, 1));
  close(t, apart.score(concepts('numb', 'calm'))[0]?.score, 2 * each, 'both concepts');
});

t.test('a concept met only in the body counts as half matched', async (t) => {
  const engine = new Engine([doc('a', { body: 'numb' }), doc('b', { body: 'calm' })]);
  close(t, engine.score(concepts('numb'))[0]?.score, saturate(field(...BODY, 1, 1, 1), idfOf(2, 1)) * 0.5 ** 2, 'body only');
  const title = new Engine([doc('numb', { body: 'numb' }), doc('b', { body: 'calm' })]);
  close(
    t,
    title.score(concepts('numb'))[0]?.score,
    saturate(field(...TITLE, 1, 1, 1) + field(...BODY, 1, 1, 1), idfOf(2, 1)),
    'in the body and another field: fully matched',
  );
  // Only the record's own fields count: the next record's title match does not make it whole.
  const next = new Engine([doc('a', { body: 'numb' }), doc('numb', {})]);
  const [, bodyOnly] = next.score(concepts('numb'));
  close(t, bodyOnly?.score, saturate(field(...BODY, 1, 1, 1), idfOf(2, 2)) * 0.5 ** 2, 'body only, before a record named by the word');
});

t.test('proximity: a neighbouring pair close together adds half its BM25F score', async (t) => {
  const engine = new Engine([doc('a', { summary: 'numb calm' }), doc('b', { summary: 'quiet' })]);
  const each = saturate(field(...SUMMARY, 1, 2, 1.5), idfOf(2, 1));
  close(t, engine.score(concepts('numb', 'calm'))[0]?.score, 2 * each + 0.5 * each, 'adjacent');
  const gap = new Engine([doc('a', { summary: 'numb one calm' }), doc('b', { summary: 'quiet' })]);
  const gapEach = saturate(field(...SUMMARY, 1, 3, 2), idfOf(2, 1));
  close(t, gap.score(concepts('numb', 'calm'))[0]?.score, 2.5 * gapEach, 'one word between: still near');
  const far = new Engine([doc('a', { summary: 'numb one two calm' }), doc('b', { summary: 'quiet' })]);
  const farEach = saturate(field(...SUMMARY, 1, 4, 2.5), idfOf(2, 1));
  close(t, far.score(concepts('numb', 'calm'))[0]?.score, 2 * farEach, 'two words between: not near');
  close(t, engine.score(concepts('calm', 'numb'))[0]?.score, 2 * each, 'the other way round: not near');
  // Proximity reads the words as typed, whatever alternatives a concept has besides.
  const withAlternative: Concept[] = [
    { at: 0, alternatives: [word('numb'), word('flat', 0.5)] },
    { at: 1, alternatives: [word('calm')] },
  ];
  close(t, engine.score(withAlternative)[0]?.score, 2 * each + 0.5 * each, 'adjacent, the first word with an alternative');
  // A word repeated in the query is not near itself.
  close(t, engine.score(concepts('numb', 'numb'))[0]?.score, 2 * each, 'the same word twice');

  // A phrase concept ends at its last word: "keep feelings" then "inside".
  const phrase = new Engine([doc('a', { summary: 'keep feelings inside' }), doc('b', { summary: 'quiet' })]);
  const len = [3, 2] as const;
  const phraseScore = saturate(field(...SUMMARY, 1, ...len), idfOf(2, 1));
  close(t, phrase.score(concepts('keep feelings', 'inside'))[0]?.score, 2 * phraseScore + 0.5 * phraseScore, 'after a two-word phrase');
  const phraseFar = new Engine([doc('a', { summary: 'keep feelings one two inside' }), doc('b', { summary: 'quiet' })]);
  const phraseFarScore = saturate(field(...SUMMARY, 1, 5, 3), idfOf(2, 1));
  close(t, phraseFar.score(concepts('keep feelings', 'inside'))[0]?.score, 2 * phraseFarScore, 'two words after a phrase: not near');

  // Stop words take no position, so one is never near a word.
  const stop = new Engine([doc('a', { summary: 'the numb quiet calm' }), doc('b', { summary: 'quiet calm numb the' })]);
  const [x, y] = stop.score(concepts('the', 'numb'));
  close(t, x?.score, y?.score ?? NaN, 'a stop word before the word adds nothing');
  const after = new Engine([doc('a', { summary: 'numb one the two' }), doc('b', { summary: 'one numb the two' })]);
  const [u, v] = after.score(concepts('numb', 'the'));
  close(t, u?.score, v?.score ?? NaN, 'nor one after it');
  // One close pair is enough, wherever else the words are.
  const twice = new Engine([doc('a', { summary: 'numb one two three numb calm' }), doc('b', { summary: 'quiet' })]);
  const twiceEach = saturate(field(...SUMMARY, 1, 6, 3.5), idfOf(2, 1));
  const twiceFirst = saturate(field(...SUMMARY, 2, 6, 3.5), idfOf(2, 1));
  close(t, twice.score(concepts('numb', 'calm'))[0]?.score, twiceFirst + twiceEach + 0.5 * twiceEach, 'the second "numb" is near');
});

t.test('phrases: their words in order, next to each other', async (t) => {
  const engine = new Engine([
    doc('order', { summary: 'trouble naming feelings' }),
    doc('shuffled', { summary: 'naming trouble feelings' }),
    doc('gap', { summary: 'trouble with naming one feelings' }),
    doc('stop', { summary: 'trouble with naming the feelings' }),
    doc('split', { summary: 'trouble naming', body: 'feelings' }),
    doc('alone', { summary: 'trouble sleeping' }),
  ]);
  t.same(slugs(engine, engine.score(concepts('trouble naming feelings'))), ['order', 'stop'], 'stop words between do not break a phrase');
  t.same(slugs(engine, engine.score(concepts('naming feelings'))), ['order', 'stop'], 'at any place');
  t.same(slugs(engine, engine.score(concepts('naming trouble'))), ['shuffled'], 'at the start of a field');
  t.same(engine.score(concepts('trouble zebra')), [], 'a word no record has');
  t.same(slugs(engine, engine.score(concepts('sleeping trouble'))), [], 'a record with one word of the phrase and not the other');
  t.same(
    new Engine([doc('x', { summary: 'with naming' })]).score([{ at: 0, alternatives: [{ stems: ['with', stem('naming')], weight: 1 }] }]),
    [],
    'stop words have no place to start a phrase',
  );
  t.same(engine.score(concepts('zebra trouble')), [], 'first or later');
  t.same(engine.score([{ at: 0, alternatives: [{ stems: [], weight: 1 }] }]), [], 'no words, no match');
  // A concept with nothing to look for adds nothing, and breaks nothing.
  t.same(slugs(engine, engine.score([{ at: 0, alternatives: [] }, ...concepts('shuffled')])), ['shuffled']);
  t.same(slugs(engine, engine.score([...concepts('shuffled'), { at: 1, alternatives: [] }])), ['shuffled']);
});

t.test('a query of stop words only is searched as typed', async (t) => {
  const engine = new Engine([doc('a', { summary: 'how to be with others' }), doc('b', { summary: 'quiet' })]);
  t.same(slugs(engine, engine.score(concepts('how', 'others'))), ['a']);
  t.same(slugs(engine, engine.score(concepts('with'))), ['a'], 'one stop word');
  t.same(slugs(engine, engine.score(concepts('how with'))), [], 'but a phrase of stop words has no positions to follow');
});

t.test('filters: a record not allowed is never scored, nor given a proximity bonus', async (t) => {
  const engine = new Engine([doc('a', { summary: 'numb calm' }), doc('b', { summary: 'numb calm' }), doc('c', { summary: 'calm' })]);
  t.same(slugs(engine, engine.score(concepts('numb', 'calm'))), ['a', 'b', 'c'], 'equal scores in index order');
  const same = new Engine(['a', 'b', 'c', 'd', 'e'].map((slug) => doc(slug, { summary: 'numb' })));
  t.same(slugs(same, same.score(concepts('numb'))), ['a', 'b', 'c', 'd', 'e'], 'however many');
  const found = new Engine([doc('a', { summary: 'numb' }), doc('b', { summary: 'flat' })]);
  t.same(
    slugs(found, found.score([{ at: 0, alternatives: [word('flat'), word('numb')] }])),
    ['a', 'b'],
    'whichever alternative found them first',
  );
  t.same(
    slugs(
      engine,
      engine.score(concepts('numb', 'calm'), (d) => d !== 0),
    ),
    ['b', 'c'],
  );
  const [all] = engine.score(concepts('numb', 'calm'));
  const [allowed] = engine.score(concepts('numb', 'calm'), (d) => d === 1);
  t.not(all?.score, allowed?.score, 'the idf is over the allowed records');
  // So is a pair's: a filtered-out record with "numb" right before "calm" changes nothing, as if
  // the two words stood the other way round in it (same lengths, same words, no pair).
  const reordered = new Engine([doc('a', { summary: 'calm numb' }), doc('b', { summary: 'numb calm' }), doc('c', { summary: 'calm' })]);
  const [filtered] = engine.score(concepts('numb', 'calm'), (d) => d !== 0);
  const [asIf] = reordered.score(concepts('numb', 'calm'), (d) => d !== 0);
  t.equal(filtered?.score, asIf?.score, 'the proximity idf too');
});

t.test('the best vocabulary phrase: the share of its words covered, times the idf of the query it holds', async (t) => {
  const engine = new Engine([
    doc('whole', { peopleSay: ['push people away', 'other words'].join(LIST_SEPARATOR) }),
    doc('part', { peopleSay: ['push people away when they hurt me', 'other'].join(LIST_SEPARATOR) }),
    doc('apart', { peopleSay: ['push', 'people', 'away'].join(LIST_SEPARATOR) }),
    doc('none', { summary: 'quiet' }),
  ]);
  const query = concepts('push', 'people', 'away');
  const scores = Object.fromEntries(engine.score(query).map((s) => [engine.document(s.doc).slug, s.score]));
  t.ok(scores.whole! > scores.part! && scores.part! > scores.apart!, 'one whole phrase, then most of one, then words of several');
  // Framing words ("feel") take a place in a phrase but not in its size: "numb" covers "I feel numb".
  // Against a phrase of the same length with another meaningful word, it is covered whole.
  const framed = new Engine([doc('a', { peopleSay: 'I feel numb' }), doc('b', { peopleSay: 'numb flat' }), doc('c', {})]);
  const [a, b] = framed.score(concepts('numb'));
  t.same(
    [a, b].map((s) => framed.document(s!.doc).slug),
    ['a', 'b'],
    'framing words do not make a phrase longer',
  );
  // Exactly: a list's term frequency counts by the share of the best phrase covered, and that
  // phrase adds its share of the query's idf (times 2 for peopleSay).
  const half = new Engine([doc('a', { peopleSay: 'numb flat' }), doc('b', {})]);
  const idf = idfOf(2, 1);
  close(
    t,
    half.score(concepts('numb'))[0]?.score,
    saturate(field(...LIST, 0.5, 2, 1), idf) + PEOPLE_SAY_PHRASE * idf * 0.5,
    'half a phrase',
  );
  // A phrase of the query found across two phrases of a list is no phrase match.
  const across = new Engine([doc('a', { peopleSay: ['keep', 'feelings inside'].join(LIST_SEPARATOR) }), doc('b', {})]);
  const within = new Engine([doc('a', { peopleSay: ['keep feelings', 'inside'].join(LIST_SEPARATOR) }), doc('b', {})]);
  t.ok(within.score(concepts('keep feelings'))[0]!.score > across.score(concepts('keep feelings'))[0]!.score, 'within one phrase only');
});

t.test('named: the share of the query found in the title or keywords', async (t) => {
  const engine = new Engine([doc('grief', { keywords: 'loss', summary: 'numb' }), doc('other', { summary: 'numb grief loss' })]);
  const named = Object.fromEntries(engine.score(concepts('grief', 'numb')).map((s) => [engine.document(s.doc).slug, s.named]));
  close(t, named.grief, 0.5, 'the title names one of two equally rare words');
  t.equal(named.other, 0, 'prose names nothing');
  // Named through a looser alternative: at that alternative's weight.
  const looser = new Engine([doc('a', { keywords: 'loss' }), doc('b', {})]);
  const [hit] = looser.score([{ at: 0, alternatives: [word('grief'), word('loss', 0.5)] }]);
  close(t, hit?.named, 0.5, 'a keyword matched at weight 0.5');
});

t.test('a vocabulary phrase counts by its meaningful words', async (t) => {
  const engine = new Engine([doc('a', { peopleSay: 'staying very sober' }), doc('b', { peopleSay: 'staying sober' })]);
  const [a, b] = engine.score(concepts('stay', 'sober'));
  close(t, a?.score, b?.score ?? NaN, '"very" is not a word the query missed');
});

t.test('records and their prose by number', async (t) => {
  const engine = new Engine([doc('a', { summary: 'In short.', body: 'The body.', keywords: 'kw' })]);
  t.equal(engine.document(0).slug, 'a');
  t.throws(() => engine.document(1), new RangeError('No record 1 in the search index.'));
  const [summary, body] = engine.prose(0);
  t.equal(summary?.text, 'In short.');
  // Prose keeps each word's stem and place only (the word itself is not needed for snippets).
  t.strictSame(summary?.tokens, [
    { stem: 'in', start: 0, end: 2 },
    { stem: stem('short'), start: 3, end: 8 },
  ]);
  t.equal(body?.text, 'The body.');
  t.strictSame(body?.tokens, [
    { stem: 'the', start: 0, end: 3 },
    { stem: stem('body'), start: 4, end: 8 },
  ]);
  t.throws(() => engine.prose(1), new RangeError('No record 1 in the search index.'));
  t.ok(engine.has(stem('short')));
  t.ok(engine.has('the'), 'stop words are indexed');
  t.notOk(engine.has('zebra'));
});
// Equivalent engine mutants, left (no search can tell them apart):
// - the early return of `near` when the first phrase occurs nowhere, and `tf.some(n > 0)` before
//   keeping a pair's frequencies (a pair with none adds a BM25F score of 0);
// - the `!lengths` check in bm25f (every scored record is indexed) and `if (frequency)` (a zero
//   frequency adds 0);
// - `if (c.tf[f])` before scaling a list's frequency by its coverage (0 × anything is 0), the
//   `?? 'keywords'` and `?? []` fallbacks, and dropping phrases without meaningful words from a
//   list, or the filter that does (their share is 0 / 0, never more than the best);
// - `share >= best` (an equal share changes nothing);
// - in the proximity bonus, `t` or the `allowed` check replaced by true, or `t ||`: each alone is
//   enough, as a pair only finds a record scored already (`t`) if the record was allowed;
// - `t.matched -=`: the share of concepts matched is squared (COORDINATION = 2), so its sign is lost;
// - loops one step further (`i <=` the number of fields or concepts: the extra read is undefined
//   and skipped), `() => undefined` for the zero-filled starting lists (read with `?? 0`), optional
//   chaining dropped where the value is always there (`o[f]`, `concepts[i]`), and the `?? []` and
//   `?? 'keywords'` fallbacks Stryker reports as not covered (never taken) and the error message
//   of an internal check.
