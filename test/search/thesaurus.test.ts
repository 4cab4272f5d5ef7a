// The thesaurus on its own (no app): how its three kinds of entry expand a query (forms and
// same-meaning names both ways, narrower words one way only), at what weight, and that the real
// entries each have words to look for. The route tests check what the expansions find.
import t from 'tap';
import { phraseStems } from '../../src/search/text.js';
import { Thesaurus } from '../../src/search/thesaurus-index.js';
import { THESAURUS } from '../../src/search/thesaurus.js';

/** What a phrase expands to, as "stems weight" strings. */
const expand = (thesaurus: Thesaurus, phrase: string) =>
  thesaurus.expand(phraseStems(phrase)).map((a) => `${a.stems.join(' ')} ${a.weight}`);

t.test('forms and same-meaning names expand both ways; narrower words one way', async (t) => {
  const thesaurus = new Thesaurus({
    forms: [['anxious', 'anxiety', 'anxieties']],
    same: [['alexithymia', 'trouble naming feelings']],
    narrower: [
      [
        ['husband', 'wife'],
        ['partner', 'relationship'],
      ],
    ],
  });
  t.same(expand(thesaurus, 'anxious'), ['anxieti 0.95'], 'a form: "anxieties" stems the same as "anxiety", listed once');
  t.same(expand(thesaurus, 'anxiety'), ['anxiou 0.95'], 'and back; never the phrase itself');
  t.same(expand(thesaurus, 'alexithymia'), ['troubl name feel 0.7']);
  t.same(expand(thesaurus, 'trouble naming feelings'), ['alexithymia 0.7'], 'looked up by its stems');
  t.same(expand(thesaurus, 'wife'), ['partner 0.6', 'relationship 0.6']);
  t.same(expand(thesaurus, 'partner'), [], 'the broader term does not expand to the narrower');
  t.same(expand(thesaurus, 'husband'), ['partner 0.6', 'relationship 0.6'], 'nor do the narrower words to each other');
  t.same(expand(thesaurus, 'unknown'), []);
  t.equal(thesaurus.maxSpan, 3, 'the longest phrase, in stems');
});

t.test('a phrase in two entries expands to both, a shared equivalent at the higher weight', async (t) => {
  const thesaurus = new Thesaurus({
    forms: [['withdrawn', 'withdrawal']],
    same: [
      ['withdrawal', 'pulling away', 'withdrawn'],
      ['withdrawal', 'isolating myself'],
    ],
    narrower: [[['withdrawal'], ['pulling away', 'distance']]],
  });
  t.same(expand(thesaurus, 'withdrawal'), ['withdrawn 0.95', 'pull awai 0.7', 'isol 0.7', 'distanc 0.6']);
  const reversed = new Thesaurus({ forms: [], same: [['withdrawal', 'withdrawn']], narrower: [[['withdrawal'], ['withdrawn']]] });
  t.same(expand(reversed, 'withdrawal'), ['withdrawn 0.7'], 'a lower weight met later does not lower it');
});

t.test('an empty thesaurus expands nothing and looks at single words', async (t) => {
  const empty = new Thesaurus({ forms: [], same: [], narrower: [] });
  t.equal(empty.maxSpan, 1);
  t.same(empty.expand(['anything']), []);
});

t.test('the real thesaurus: every phrase has words to look for, and the kinds work as documented', async (t) => {
  const phrases = [...THESAURUS.forms.flat(), ...THESAURUS.same.flat(), ...THESAURUS.narrower.flat(2)];
  t.same(
    phrases.filter((p) => phraseStems(p).length === 0),
    [],
    'no phrase without words',
  );
  const thesaurus = new Thesaurus();
  t.ok(expand(thesaurus, 'CBT').includes('cognit behavior therapi 0.95'), 'an acronym finds its long form');
  t.ok(expand(thesaurus, 'cognitive behavioral therapy').includes('cbt 0.95'), 'and back');
  t.ok(expand(thesaurus, 'marriage').includes('partner 0.6'), 'a narrower word finds the broader term');
  t.notOk(
    expand(thesaurus, 'partner').some((a) => a.startsWith('marriag ')),
    'not the other way',
  );
  t.ok(thesaurus.maxSpan >= 4, 'long phrases ("selective serotonin reuptake inhibitor") are looked up whole');
});
