import t from 'tap';
import { normalise, readings } from '../../src/safety/crisis-detection.js';

// The readings of a query, word by word (src/safety/crisis-detection.ts): every text-speak form,
// every word that is not a dropped "g" and every third-person word is listed here with what it
// must read as, so that a form dropped or emptied in the module fails here rather than passing
// unnoticed because no phrasing happened to use it.

const read = (query: string) => readings(normalise(query));

/** Each form as typed, and what the plain-spelling reading makes of it. */
const SPOKEN_FORMS: readonly [string, string][] = [
  ['n', 'and'],
  ['u', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['b', 'be'],
  ['wud', 'would'],
  ['wld', 'would'],
  ['cud', 'could'],
  ['shud', 'should'],
  ['cuz', 'because'],
  ['coz', 'because'],
  ['bc', 'because'],
  ['every1', 'everyone'],
  ['any1', 'anyone'],
  ['some1', 'someone'],
  ['agin', 'again'],
  ['agen', 'again'],
  ['agian', 'again'],
  ['tonite', 'tonight'],
  ['2nite', 'tonight'],
  ['tn', 'tonight'],
  ['tmrw', 'tomorrow'],
  ['tmr', 'tomorrow'],
  ['rn', 'right now'],
  ['thru', 'through'],
  ['jus', 'just'],
  ['wat', 'what'],
  ['wats', 'whats'],
  ['ppl', 'people'],
  ['famly', 'family'],
  ['funerel', 'funeral'],
  ['funral', 'funeral'],
  ['ibuprofin', 'ibuprofen'],
  ['wkend', 'weekend'],
  ['nobodyd', 'nobody would'],
  ['noboddy', 'nobody'],
  ['whod', 'who would'],
  ['oded', 'overdosed'],
  ['rite', 'right'],
  ['evry', 'every'],
  ['bettr', 'better'],
  ['nobdy', 'nobody'],
  ['4ever', 'forever'],
  ['noone', 'no one'],
  ['evryone', 'everyone'],
  ['evrything', 'everything'],
  ['paracetemol', 'paracetamol'],
];

t.test('every text-speak form is read as the words it stands for, as a whole word only', async (t) => {
  for (const [form, words] of SPOKEN_FORMS) {
    t.ok(read(`i said ${form} ok`).includes(`i said ${words} ok`), `${form} → ${words}`);
    t.notOk(
      read(`x${form}x`).some((r) => r.includes(words)),
      `x${form}x is not read as ${words}`,
    );
  }
});

/** Words ending in "in" that are words of their own, not a dropped "g". */
const WORDS_IN_IN = [
  'skin',
  'shin',
  'chin',
  'thin',
  'twin',
  'spin',
  'grin',
  'akin',
  'coin',
  'join',
  'within',
  'begin',
  'cousin',
  'margin',
  'origin',
  'basin',
  'cabin',
  'robin',
  'satin',
  'coffin',
  'violin',
  'muffin',
  'pumpkin',
  'napkin',
  'login',
  'admin',
  'latin',
  'toxin',
  'resin',
  'raisin',
  'vitamin',
  'insulin',
  'heroin',
  'aspirin',
  'melatonin',
  'serotonin',
];

t.test('a dropped final "g" is restored, except in words that end in "in" of their own', async (t) => {
  t.same(read('goin'), ['goin', 'going']);
  t.same(read('thinkin bout endin it'), ['thinkin bout endin it', 'thinking bout ending it']);
  for (const word of WORDS_IN_IN) t.same(read(`my ${word}`), [`my ${word}`], word);
  t.same(read('ruin'), ['ruin'], 'a vowel before "in" is no dropped "g"');
  t.same(read('win'), ['win'], 'nor is a word of three letters');
  t.same(read('penguin'), ['penguin'], 'nor a "u" before "in"');
});

/** A third person's words, and what the first-person reading makes of each. */
const THIRD_PERSON: readonly [string, string][] = [
  ['he', 'i'],
  ['she', 'i'],
  ['they', 'i'],
  ['him', 'me'],
  ['them', 'me'],
  ['his', 'my'],
  ['their', 'my'],
  ['himself', 'myself'],
  ['herself', 'myself'],
  ['themselves', 'myself'],
  ['themself', 'myself'],
  ['hes', 'im'],
  ['shes', 'im'],
  ['theyre', 'im'],
  ['hed', 'id'],
  ['shed', 'id'],
  ['theyd', 'id'],
  ['hell', 'ill'],
  ['shell', 'ill'],
  ['theyll', 'ill'],
];

t.test('someone else, told in the third person, is also read in the first person', async (t) => {
  for (const [word, first] of THIRD_PERSON) t.ok(read(`and ${word} said`).includes(`and ${first} said`), `${word} → ${first}`);
  t.ok(read('she hates herself').includes('i hate myself'), 'the verb loses its "s"');
});

t.test("od'd is read as overdosed wherever it stands as a word, and only there", async (t) => {
  t.equal(normalise("i od'd on pills"), 'i overdosed on pills');
  t.equal(normalise("od'd"), 'overdosed');
  t.equal(normalise("2od'd"), '2odd');
  t.equal(normalise("god'd"), 'godd');
});
