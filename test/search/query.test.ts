// Compiling a query on its own (no app): which words become concepts, and the ways each may
// appear in a record: thesaurus phrases and equivalents, completions of the word being typed,
// spelling corrections, and the first-person framing words that are dropped. A small made-up
// thesaurus and vocabulary keep each rule visible; the route tests check the same on the real
// content.
import t from 'tap';
import { type CompiledQuery, compileQuery, queryWords } from '../../src/search/query.js';
import { stem } from '../../src/search/text.js';
import { Thesaurus } from '../../src/search/thesaurus-index.js';
import { Vocabulary } from '../../src/search/typo.js';

const thesaurus = new Thesaurus({
  forms: [['anxious', 'anxiety']],
  same: [
    ['emotional numbness', 'feel nothing'],
    ['alexithymia', 'trouble naming feelings'],
    ['labelling emotions', 'naming feelings'],
    ['anhedonia', 'lost interest'],
    ['club', 'interest group'],
    ['husband', 'partner'],
    ['felt anymore', 'made up'],
    ['sleep trouble', 'insomnia'],
  ],
  narrower: [],
});
// Words the records use, with how many records use each.
const vocabulary = new Vocabulary(
  [
    ['lonely', 9],
    ['loneliness', 5],
    ['anxious', 4],
    ['journal', 3],
    ['crying', 2],
  ].map(([term, documents]) => ({ term: term as string, documents: documents as number })),
);
const indexed = new Set(['lonely', 'loneliness', 'anxious', 'anxiety', 'journal', 'crying', 'feel', 'partner'].map(stem));
const context = { has: (s: string) => indexed.has(s), thesaurus, vocabulary };

/** Each concept as "at: stems weight | …", so a whole compiled query reads on one line each. */
const shown = (compiled: CompiledQuery) =>
  compiled.concepts.map(
    (c) => `${c.at}: ${c.alternatives.map((a) => `${a.stems.join(' ')} ${Math.round(a.weight * 1000) / 1000}`).join(' | ')}`,
  );
const compile = (q: string) => compileQuery(queryWords(q), context);

t.test('the words of a query: normalised, at most twelve', async (t) => {
  t.same(queryWords('How do I stop Feeling NUMB?'), ['how', 'do', 'i', 'stop', 'feeling', 'numb']);
  const many = Array.from({ length: 14 }, (_, i) => `w${i}`);
  t.same(queryWords(many.join(' ')), many.slice(0, 12));
  t.same(queryWords('?!'), []);
});

t.test('stop words are dropped, unless the query has nothing else', async (t) => {
  t.same(shown(compile('how to be with my journal')), ['0: journal 1']);
  t.same(shown(compile('how to be')), ['0: how 1', '1: to 1', '2: be 1'], 'searched as typed');
  t.same(compile('how to be').corrected, null);
});

t.test('a word: itself first, then its thesaurus equivalents', async (t) => {
  t.same(shown(compile('anxious journal')), ['0: anxiou 1 | anxieti 0.95', '1: journal 1']);
  t.same(shown(compile('husband journal')), ['0: husband 1 | partner 0.7', '1: journal 1']);
  const compiled = compile('anxious journal');
  t.same([...compiled.highlight].sort(), ['anxieti', 'anxiou', 'journal'], 'every stem a match may show is highlighted');
  t.equal(compiled.corrected, null, 'nothing corrected');
});

t.test('a phrase the thesaurus knows is one concept: itself, its equivalents, then its words for less', async (t) => {
  t.same(shown(compile('trouble naming feelings')), ['0: troubl name feel 1 | alexithymia 0.7 | troubl 0.5 | name 0.5 | feel 0.5']);
  t.same(
    shown(compile('naming feelings journal')),
    ['0: name feel 1 | label emot 0.7 | name 0.5 | feel 0.5', '2: journal 1'],
    'at the start',
  );
  t.same(
    shown(compile('journal naming feelings')),
    ['0: journal 1', '1: name feel 1 | label emot 0.7 | name 0.5 | feel 0.5'],
    'at the end, after the word before it (in the order typed)',
  );
  t.same(
    shown(compile('crying trouble naming feelings')),
    ['0: cry 1', '1: troubl name feel 1 | alexithymia 0.7 | troubl 0.5 | name 0.5 | feel 0.5'],
    'the longest phrase wins over a shorter one inside it',
  );
  t.same(
    shown(compile('lost interest group')),
    ['0: lost interest 1 | anhedonia 0.7 | lost 0.5 | interest 0.5', '2: group 1'],
    'phrases do not overlap: the first found keeps its words',
  );
  t.same(
    shown(compile('sleep trouble naming feelings')),
    ['0: sleep 1', '1: troubl name feel 1 | alexithymia 0.7 | troubl 0.5 | name 0.5 | feel 0.5'],
    'nor does a shorter phrase before it take one of its words',
  );
  const highlight = compile('naming feelings').highlight;
  t.same([...highlight].sort(), ['emot', 'feel', 'label', 'name'].sort());
});

t.test('first-person framing words are dropped when the query has other meaningful words', async (t) => {
  for (const framing of ['feel', 'feels', 'feeling', 'felt', 'anymore']) {
    t.same(
      shown(compile(`${framing} crying`)).map((c) => c.split(' | ')[0]),
      ['1: cry 1'],
      framing,
    );
  }
  t.same(
    shown(compile('I feel so lonely anymore')).map((c) => c.split(' | ')[0]),
    ['1: lone 1'],
    'placed among the meaningful words',
  );
  t.same(
    shown(compile('feeling')).map((c) => c.split(' | ')[0]),
    ['0: feel 1'],
    'kept when nothing else is left',
  );
  t.same(
    shown(compile('feeling anymore')).map((c) => c.split(' | ')[0]),
    ['0: feel 1', '1: anymor 1'],
    'all framing: all kept',
  );
  t.same(
    shown(compile('how do I stop crying')).map((c) => c.split(' | ')[0]),
    ['1: cry 1'],
    'a leading "stop" frames a wish',
  );
  t.same(
    shown(compile('crying stop')).map((c) => c.split(' | ')[0]),
    ['0: cry 1', '1: stop 1'],
    'a "stop" that does not lead is a word like any other',
  );
  t.same(
    shown(compile('I feel nothing')).map((c) => c.split(' | ')[0]),
    ['0: feel noth 1'],
    'a framing word in a phrase the thesaurus knows stays',
  );
  t.same(
    shown(compile('feeling felt anymore')).map((c) => c.split(' | ')[0]),
    ['1: felt anymor 1'],
    'a phrase of framing words counts as meaningful: a framing word beside it is dropped',
  );
});

t.test('the last word typed may be unfinished: its completions count for half', async (t) => {
  t.same(shown(compile('journal lonel')), ['0: journal 1', '1: lonel 1 | lone 0.5 | loneli 0.5']);
  // An earlier word is taken as finished: no completions (a word no record uses is corrected).
  t.same(shown(compile('lonel journal')), ['0: lonel 1 | lone 0.7', '1: journal 1'], 'not an earlier word');
  t.same(
    shown(compile('lonel lonel')),
    ['0: lonel 1 | lone 0.7', '1: lonel 1 | lone 0.5 | loneli 0.5'],
    'only the last, even when repeated',
  );
  t.same(shown(compile('lonel and')), ['0: lonel 1 | lone 0.7'], 'not when a stop word was typed after it');
  const many = new Vocabulary(Array.from({ length: 14 }, (_, i) => ({ term: `abc${String.fromCharCode(97 + i)}`, documents: 1 })));
  const compiled = compileQuery(['abc'], { ...context, vocabulary: many });
  t.equal(compiled.concepts[0]?.alternatives.length, 1 + 12, 'at most twelve completions');
});

t.test('a word no record uses, with nothing else to find, is corrected: the fix counts 0.7', async (t) => {
  const compiled = compile('lonly journal');
  t.same(shown(compiled), ['0: lonli 1 | lone 0.7', '1: journal 1']);
  t.equal(compiled.corrected, 'lonely journal', 'the query as understood');
  t.ok(compiled.highlight.has(stem('lonely')), 'the fix is highlighted');
  const both = compile('anxous lonly crying');
  t.same(
    shown(both),
    ['0: anxou 1 | anxiou 0.7 | anxieti 0.665', '1: lonli 1 | lone 0.7', '2: cry 1'],
    'the fix’s equivalents too, at 0.7 of their weight',
  );
  t.equal(both.corrected, 'anxious lonely crying');
  t.equal(compile('how to be lonly').corrected, 'lonely', 'of the meaningful words');

  t.same(shown(compile('journal crying')), ['0: journal 1', '1: cry 1'], 'a word records use is not corrected');
  t.equal(compile('journal crying').corrected, null);
  t.same(shown(compile('husband crying')), ['0: husband 1 | partner 0.7', '1: cry 1'], 'nor one the thesaurus knows');
  t.same(shown(compile('crying lonel')), ['0: cry 1', '1: lonel 1 | lone 0.5 | loneli 0.5'], 'nor one being completed');
  t.same(shown(compile('zzzzzz crying')), ['0: zzzzzz 1', '1: cry 1'], 'nor one with nothing close');
  t.equal(compile('zzzzzz crying').corrected, null);
});
// Equivalent query mutants, left: `Math.max` for `Math.min` in the longest span tried (longer spans
// than the query has find no phrase), and the `?? stem(word)` (or `&&`: the same stem) and `?? ''`
// fallbacks (never taken).
