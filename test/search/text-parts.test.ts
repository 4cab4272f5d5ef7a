// The search engine's text parts on their own (no app): edit distance and spelling correction,
// words and stems, and snippets. Fast, so `npm run test:mutation` can afford them; the route tests
// check ranking and results in place.
import t from 'tap';
import { MARK_END, MARK_START, snippet } from '../../src/search/snippet.js';
import { MAX_REMEMBERED, normalise, phraseStems, rememberedStems, stem, tokenize, wordsOf } from '../../src/search/text.js';
import { editDistance, Vocabulary } from '../../src/search/typo.js';

t.test('edit distance: Levenshtein plus adjacent swaps, stopping past the maximum', async (t) => {
  t.equal(editDistance('abc', 'abc', 2), 0);
  t.equal(editDistance('abcd', 'abce', 1), 1, 'a longer word than the rows hold: they grow');
  t.equal(editDistance('a', 'abcd', 1), 2, 'lengths too far apart the other way: max + 1');
  // Equivalent mutants, left: the i > 1 and j > 1 guards of the swap step (out of range, the
  // characters compared are undefined and never equal), re-allocating the rows every call or at
  // equal size (only slower), `d <= best`, and the fallback after the loop (never reached).
  t.equal(editDistance('kitten', 'sitting', 3), 3);
  t.equal(editDistance('abc', 'acb', 2), 1, 'a swap is one edit');
  t.equal(editDistance('ab', 'ba', 1), 1);
  t.equal(editDistance('ca', 'abc', 3), 3, 'optimal string alignment: no edit of a swapped pair');
  t.equal(editDistance('abcdef', 'azcdef', 1), 1, 'a substitution');
  t.equal(editDistance('abc', 'abcd', 1), 1, 'an insertion');
  t.equal(editDistance('abcd', 'abc', 1), 1, 'a deletion');
  t.equal(editDistance('', 'ab', 2), 2, 'from nothing');
  t.equal(editDistance('ab', '', 2), 2, 'to nothing');
  t.equal(editDistance('abcd', '', 2), 3, 'lengths too far apart: max + 1');
  t.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'past the maximum: max + 1');
  t.equal(editDistance('a', 'b', 0), 1);
  t.equal(editDistance('abcdefghij', 'abcdefghij', 0), 0);
  t.equal(editDistance('xy', 'xyz', 1), 1, 'after a longer word: the reused rows are reset');
  t.equal(editDistance('abcdefgh', 'abcdefgh', 1), 0);
  t.equal(editDistance('isalaton', 'isolation', 2), 2);
});

t.test('the vocabulary: known words, completions, corrections', async (t) => {
  const vocabulary = new Vocabulary([
    { term: 'anxiety', documents: 10 },
    { term: 'anxious', documents: 20 },
    { term: 'anxiously', documents: 20 },
    { term: 'anx', documents: 50 },
    { term: 'lonely', documents: 8 },
    { term: 'isolation', documents: 30 },
    { term: 'care', documents: 9 },
    { term: 'cart', documents: 5 },
    { term: 'cares', documents: 1 },
  ]);
  t.ok(vocabulary.has('lonely'));
  t.notOk(vocabulary.has('lonel'));
  t.same(vocabulary.completions('anx', 5), ['anxious', 'anxiously', 'anxiety'], 'longer words only; most common first, then alphabetical');
  t.same(vocabulary.completions('anx', 2), ['anxious', 'anxiously'], 'at most max');
  t.same(vocabulary.completions('an', 5), [], 'prefixes under three letters complete nothing');
  t.same(vocabulary.completions('zzz', 5), []);
  // Completions are found by binary search over the words in order, whatever order they came in.
  t.same(vocabulary.completions('car', 5), ['care', 'cart', 'cares'], 'a prefix in the middle of the word list');
  t.same(vocabulary.completions('lon', 5), ['lonely'], 'and at its end');
  t.same(vocabulary.completions('iso', 5), ['isolation']);
  t.same(vocabulary.completions('caz', 5), [], 'a prefix between two words');
  // Many words in no order: every prefix completes exactly as a scan of all of them would.
  const letters = 'abc';
  const words = Array.from({ length: 81 }, (_, i) =>
    Array.from({ length: 4 }, (_, k) => letters[Math.floor(i / 3 ** k) % 3]).join(''),
  ).flatMap((w, i) => [w, `${w}${letters[i % 3]}`]);
  const shuffled = words
    .map((w, i) => ({ term: w, documents: (i * 37) % 11 }))
    .sort((a, b) => ((a.documents * 7 + a.term.length) % 5) - ((b.documents * 7 + b.term.length) % 5));
  const many = new Vocabulary(shuffled);
  for (const prefix of ['aaa', 'abc', 'bca', 'ccc', 'cab', 'bbb']) {
    const expected = shuffled
      .filter((w) => w.term.startsWith(prefix) && w.term.length > prefix.length)
      .sort((a, b) => b.documents - a.documents || a.term.localeCompare(b.term))
      .map((w) => w.term);
    t.same(many.completions(prefix, 100), expected, `completions of ${prefix}`);
  }

  t.equal(vocabulary.correct('lonly'), 'lonely', 'one edit for a short word');
  t.equal(vocabulary.correct('lanaly'), undefined, 'not two');
  t.equal(vocabulary.correct('isalaton'), 'isolation', 'two edits for a word of seven letters or more');
  t.equal(vocabulary.correct('carx'), 'care', 'at equal distance the more common word');
  t.equal(vocabulary.correct('abcdexy'), undefined, 'seven letters: two edits allowed, but nothing that close here');
  t.equal(new Vocabulary([{ term: 'abcdefg', documents: 1 }]).correct('abcdexy'), 'abcdefg', 'two edits at seven letters');
  t.equal(
    new Vocabulary([
      { term: 'cart', documents: 5 },
      { term: 'care', documents: 9 },
    ]).correct('carx'),
    'care',
    'the more common word whichever comes first',
  );
  t.equal(
    new Vocabulary([
      { term: 'abcdefgh', documents: 1 },
      { term: 'abcdefyz', documents: 99 },
    ]).correct('abcdefgx'),
    'abcdefgh',
    'a nearer word found first is kept over a more common, farther one',
  );
  // Equivalent mutants, left: `<=` for `<` in the binary search (it then starts after the prefix
  // itself, which completes nothing, being no longer than itself), and the sort's second test
  // (`a > b ? 1 : 0` as always 1, always 0, `>=` or `<=`): no two words are the same, and V8's sort
  // only asks whether the comparison is below zero, which the first test alone decides.
  // Equivalent mutant, left: `>=` for `>` on documents (two words at the same distance and
  // equally common are equally good corrections).
  t.equal(vocabulary.correct('cares'), undefined, 'a known word is not corrected');
  t.equal(vocabulary.correct('car'), undefined, 'nor a word under four letters');
  t.equal(vocabulary.correct('car5'), undefined, 'nor one with a digit');
  t.equal(vocabulary.correct('qqqqqq'), undefined, 'nothing close');
  t.equal(
    new Vocabulary([
      { term: 'abcdefyz', documents: 99 },
      { term: 'abcdefgh', documents: 1 },
    ]).correct('abcdefgx'),
    'abcdefgh',
    'a nearer word beats a more common one',
  );
});

t.test('words and stems', async (t) => {
  t.equal(normalise('Café ﬁne ＡＢ'), 'cafe fine ab', 'diacritics gone, compatibility forms folded, lower case');
  t.equal(stem('running'), 'run');
  t.equal(stem('ab'), 'ab', 'two letters are left as they are');
  t.equal(stem('b2bs'), 'b2bs', 'so are words with digits (Porter would cut the s)');
  t.equal(tokenize('Άλφα')[0]?.word, 'αλφα', 'a word in another script is normalised too');
  // Equivalent mutants, left: the stem cache (always recomputing gives the same stems), the
  // length test for two-letter words (Porter leaves every two-letter word as it is), `\p{M}` one
  // at a time rather than in runs, the ASCII fast path matching one character (normalising ASCII
  // changes nothing but case), and splitting the stop-word list on single spaces (the empty
  // strings it adds are never words).
  t.equal(stem('running'), 'run', 'and a remembered stem is the same');
  t.same(
    tokenize('Hello, Wörld\u202e!').map(({ word, stem, start, end }) => [word, stem, start, end]),
    [
      ['hello', 'hello', 0, 5],
      ['world', 'world', 7, 12],
    ],
    'positions in the original text',
  );
  t.same(phraseStems('How can I cope?'), ['cope'], 'stop words are dropped');
  t.same(phraseStems('how can I'), ['how', 'can', 'i'], 'unless the phrase has nothing else');
  t.same(phraseStems('!!'), []);
  t.same(wordsOf('Feeling NUMB, “flat”'), ['feeling', 'numb', 'flat']);
  t.same(wordsOf('...'), []);
  t.same(
    tokenize('numb\u200bness').map(({ word, start, end }) => [word, start, end]),
    [
      ['numb', 0, 4],
      ['ness', 5, 9],
    ],
    'an invisible character breaks a word and keeps its place',
  );
  // Equivalent mutant, left: pushing a token whose normalised word is empty (a word of letters or
  // digits never normalises to nothing).
});

t.test('stems remembered are bounded: queries bring new words forever', async (t) => {
  const word = (n: number) => {
    let w = '';
    for (let k = 0; k < 5; k++, n = Math.floor(n / 26)) w += String.fromCharCode(97 + (n % 26));
    return `q${w}`;
  };
  for (let n = 0; n < MAX_REMEMBERED + 1000; n++) stem(word(n));
  t.equal(rememberedStems(), MAX_REMEMBERED);
  t.equal(stem('running'), 'run', 'stems are still right past the bound');
});

const prose = (text: string) => ({ text, tokens: tokenize(text) });
const marked = (s: string) => s.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');

t.test('snippets: the passage with most matched words, marked, with context', async (t) => {
  const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen';
  t.equal(snippet([], new Set(['x'])), '', 'no prose, no snippet');
  t.equal(
    snippet([prose(''), prose('Short text.')], new Set(['zzz'])),
    'Short text.',
    'no match: the opening of the first text with words',
  );
  t.equal(snippet([prose(long)], new Set(['zzz'])), `${long.split(' ').slice(0, 16).join(' ')}…`, 'cut after sixteen words');
  t.equal(
    marked(snippet([prose(long)], new Set([stem('twelve')]))),
    '…ten eleven [twelve] thirteen fourteen fifteen sixteen seventeen eighteen',
    'two words of context before',
  );
  t.equal(marked(snippet([prose('Numb   and\n flat.')], new Set([stem('numb')]))), '[Numb] and flat.', 'white space folded');
  t.equal(marked(snippet([prose('Numb and flat.\n')], new Set([stem('numb')]))), '[Numb] and flat.', 'and trimmed');
  const sixteen = long.split(' ').slice(0, 16).join(' ');
  t.equal(snippet([prose(`${sixteen}.`)], new Set(['zzz'])), `${sixteen}.`, 'exactly sixteen words: the whole text, no ellipsis');
  t.equal(
    marked(snippet([prose('numb here'), prose('nothing else')], new Set([stem('numb')]))),
    '[numb] here',
    'a later text without a match does not replace a match',
  );
  const f = (n: number) => 'filler '.repeat(n);
  t.match(
    marked(snippet([prose(`gamma ${f(19)}beta ${f(15)}gamma ${f(5)}`)], new Set([stem('beta'), stem('gamma')]))),
    /^\[gamma\] filler/,
    'a window holds sixteen words: a match sixteen words on is outside it',
  );
  t.match(
    marked(snippet([prose(`beta gamma ${f(20)}delta ${f(2)}epsilon ${f(5)}`)], new Set(['beta', 'gamma', 'delta', 'epsilon'].map(stem)))),
    /^\[beta\] \[gamma\]/,
    'words that left the window no longer count for it',
  );
  t.match(
    marked(snippet([prose(`${f(4)}beta gamma beta ${f(13)}delta ${f(5)}`)], new Set(['beta', 'gamma', 'delta'].map(stem)))),
    /^…filler \[beta\] \[gamma\] \[beta\]/,
    'a word still in the window counts after its first match leaves',
  );
  t.match(
    marked(snippet([prose(`beta beta beta ${f(20)}beta gamma ${f(5)}`)], new Set([stem('beta'), stem('gamma')]))),
    /^…filler filler \[beta\] \[gamma\]/,
    'distinct words count before repeats',
  );
  t.equal(
    marked(snippet([prose(long)], new Set([stem('one'), stem('two')]))),
    `[one] [two] ${long.split(' ').slice(2, 16).join(' ')}…`,
    'from the start: no ellipsis before',
  );

  const text = `alpha ${'filler '.repeat(20)}beta gamma ${'filler '.repeat(20)}beta`;
  t.match(
    marked(snippet([prose(text)], new Set([stem('beta'), stem('gamma')]))),
    /^…filler filler \[beta\] \[gamma\]/,
    'the window with most distinct words wins',
  );
  const twice = `beta ${'filler '.repeat(20)}beta ${'filler '.repeat(20)}`;
  t.match(marked(snippet([prose(twice)], new Set([stem('beta')]))), /^\[beta\] filler/, 'the earliest of equal windows');
  const crowded = `beta ${'filler '.repeat(20)}beta beta gamma`;
  t.match(
    marked(snippet([prose(crowded)], new Set([stem('beta'), stem('gamma')]))),
    /^…filler filler \[beta\] \[beta\] \[gamma\]$/,
    'more matches of the same words break a tie',
  );
  const leaving = `beta gamma ${'filler '.repeat(14)}delta ${'filler '.repeat(20)}`;
  t.match(
    marked(snippet([prose(leaving)], new Set([stem('beta'), stem('gamma'), stem('delta')]))),
    /^\[beta\] \[gamma\]/,
    'words leave the window as it moves on',
  );

  t.equal(
    marked(snippet([prose('nothing here'), prose('but numb here')], new Set([stem('numb')]))),
    'but [numb] here',
    'a later text with a match beats an opening without',
  );
  t.equal(
    marked(snippet([prose('numb first'), prose('numb and flat')], new Set([stem('numb'), stem('flat')]))),
    '[numb] and [flat]',
    'the text with more matched words',
  );
});
// Equivalent snippet mutants, left: the unreachable empty-window return (the chosen text has
// tokens), and `best.score > 0` as `true` or `>= 0` for the two words of context (with no match
// the window starts at 0, and max(0, 0 - 2) is 0 too). Also the shortcut in `squash` for a gap
// that is one space or nothing (dropping it, or either test, only runs the replacement, which
// gives those gaps back unchanged); the folding itself is tested above ("white space folded").

t.test('one text searched with different words: each snippet marks its own words only', async (t) => {
  // A text's stem positions are kept after its first search; a later query must not see the
  // earlier one's matches, and must find words the earlier one did not ask for.
  const text = prose('Talking with a friend helps. Writing in a journal helps too. Walking outside can lift a low mood.');
  const mark = (s: string) => `${MARK_START}${s}${MARK_END}`;
  t.match(snippet([text], new Set([stem('journal')])), mark('journal'));
  t.notMatch(snippet([text], new Set([stem('journal')])), mark('friend'));
  const later = snippet([text], new Set([stem('friend'), stem('walking')]));
  t.match(later, mark('friend'));
  t.match(later, mark('Walking'));
  t.notMatch(later, mark('journal'), 'the first query left nothing behind');
  t.equal(snippet([text], new Set([stem('absent')])).includes(MARK_START), false, 'no match, no mark');
});
// Equivalent mutant, left: building a text's stem positions again on every search
// (`if (!positions)` as true) gives the same positions, only more slowly.
