import { readFileSync } from 'node:fs';
import t from 'tap';
import { alt } from '../../src/safety/crisis-blocks.js';
import { CRISIS_PATTERNS, compile, detectCrisis, normalise, readings } from '../../src/safety/crisis-detection.js';
import { AT_RISK, MENTIONS, ORDINARY } from '../helpers/crisis-phrasings.js';
import { DEVELOPMENT_SETS } from '../helpers/crisis-sets.js';

// Mutation testing (StrykerJS): docs/mutation.md gives each module of src/safety/ its score and
// what is left alive; crisis-phrase-examples.test.ts pins the phrase modules' alternatives.

/** The categories in the order their reasons are reported: the most urgent first. */
const CATEGORY_IDS = [
  'intent-or-plan',
  'method',
  'overdose',
  'self-harm',
  'suicidal-thoughts',
  'burdensomeness',
  'thwarted-belongingness',
  'wish-to-be-dead',
  'hopelessness',
];
/** The sources' keys, as docs/crisis-detection.md lists them. */
const SOURCES = ['cssrs', 'asq', 'nice-ng225', 'samhsa', 'van-orden-2010', 'mft', 'mhf'];
const NOT_DETECTED = { detected: false, reason: null, matched: null };

t.test('the categories, in the order their reasons are reported', async (t) => {
  t.same(
    CRISIS_PATTERNS.map((p) => p.id),
    CATEGORY_IDS,
  );
  t.same(Object.keys(AT_RISK), CATEGORY_IDS, 'every category has at-risk phrasings');
});

t.test('each category has a label, the sources it rests on and phrases, all documented', async (t) => {
  const doc = readFileSync(new URL('../../docs/crisis-detection.md', import.meta.url), 'utf8');
  for (const pattern of CRISIS_PATTERNS) {
    t.match(pattern.label, /^[a-z].{20,}$/, `${pattern.id} has a label`);
    t.ok(pattern.sources.length > 0, `${pattern.id} names its sources`);
    for (const source of pattern.sources) t.ok(SOURCES.includes(source), `${pattern.id}: ${source} is a listed source`);
    t.ok(pattern.phrases.length > 0, `${pattern.id} has phrases`);
    t.ok(doc.includes(`\`${pattern.id}\``), `the doc describes ${pattern.id}`);
  }
  for (const source of SOURCES) t.ok(doc.includes(`\`${source}\``), `the doc lists the source ${source}`);
});

t.test('at-risk phrasings are detected, each under its category', async (t) => {
  for (const [id, phrasings] of Object.entries(AT_RISK)) {
    t.test(id, async (t) => {
      for (const query of phrasings) {
        const result = detectCrisis(query);
        t.equal(result.reason, id, `"${query}" is ${id}`);
        t.equal(result.detected, true);
        t.ok(result.matched && normalise(query).includes(result.matched), `"${query}": what matched is in the query`);
      }
    });
  }
});

t.test('ordinary phrasings that share words with them are not detected', async (t) => {
  for (const query of ORDINARY) t.same(detectCrisis(query), NOT_DETECTED, `"${query}" is ordinary`);
});

// Kept apart from crisis-phrasings.ts, which the model learns from: contractions lose their
// apostrophe ("i'd" reads "id"), which the concept rules once missed, and absences, a laugh and a
// fear of dying they once misread.
t.test('contractions without their apostrophe, and absences that are not for good', async (t) => {
  for (const [query, reason] of [
    ["i've been hoping for death", 'wish-to-be-dead'],
    ["i'd honestly welcome death", 'wish-to-be-dead'],
    ["i'll just be a burden to them", 'burdensomeness'],
    ['if im gone nobody would notice', 'thwarted-belongingness'],
    ['i want to drift off and not come back', 'wish-to-be-dead'],
  ] as const)
    t.equal(detectCrisis(query).reason, reason, query);
  for (const query of [
    "laughing so hard I thought I'd die at that video",
    "scared I'll drop dead from all this coffee",
    'my cat is not coming back, the vet called',
    "I'll be gone for a few days at my sister's",
    "he doesn't burn his arms any more",
  ])
    t.same(detectCrisis(query), NOT_DETECTED, query);
});

t.test('speaking of suicide, self-harm or an overdose as a topic or about someone else is detected too', async (t) => {
  // The lines help people who support someone or have lost someone as well; a topic search
  // costs one box of phone numbers.
  for (const [query, id] of MENTIONS) t.equal(detectCrisis(query).reason, id, `"${query}" is ${id}`);
});

t.test('every phrase of every category is needed by at least one at-risk phrasing', async (t) => {
  // So each phrase is tested (here, or by the development sets' 100 % recall), and none is a
  // leftover that another already covers. Phrasings are taken as detection reads them:
  // normalised, and their other readings (third person as first).
  const fromSets = DEVELOPMENT_SETS.flatMap((s) => s.atRisk.map((p) => p.text));
  for (const pattern of CRISIS_PATTERNS) {
    const texts = [...AT_RISK[pattern.id]!, ...fromSets].map(normalise).flatMap(readings);
    pattern.phrases.forEach((phrase, i) => {
      const alone = compile([phrase]);
      const without = compile(pattern.phrases.filter((_, j) => j !== i));
      t.ok(
        texts.some((text) => alone.test(text) && !without.test(text)),
        `${pattern.id}: ${phrase.slice(0, 80)}`,
      );
    });
  }
});

t.test('phrases are written as the rules in crisis-blocks.ts say', async (t) => {
  for (const pattern of CRISIS_PATTERNS) {
    for (const phrase of pattern.phrases) {
      t.notMatch(phrase, / [?*+{]/, `no quantifier straight after a space: ${phrase.slice(0, 60)}`);
      t.match(phrase, /^[ -~]+$/, 'printable ASCII');
    }
  }
});

t.test('what matched is reported as it reads in the normalised query', async (t) => {
  t.same(detectCrisis('I want to KILL myself tonight!!'), { detected: true, reason: 'intent-or-plan', matched: 'kill myself tonight' });
  t.same(detectCrisis('nobody would miss me.'), { detected: true, reason: 'thwarted-belongingness', matched: 'nobody would miss me' });
  t.same(detectCrisis('iwanttodie'), { detected: true, reason: 'wish-to-be-dead', matched: 'iwanttodie' });
  t.same(detectCrisis("I'm just so hopeless"), { detected: true, reason: 'hopelessness', matched: 'im just so hopeless' });
  t.same(detectCrisis(''), NOT_DETECTED);
});

t.test('compile: a space may be missing, a doubled letter single, and only whole words match', async (t) => {
  const kill = compile(['kill myself']);
  for (const text of ['kill myself', 'killmyself', 'kil myself', 'i kill myself now']) t.ok(kill.test(text), text);
  for (const text of ['skill myself', 'kill myselfish', 'kill  myself', 'kiill myself']) t.notOk(kill.test(text), text);
  t.notOk(compile(['od']).test('odd'), 'a single letter stays single');
  t.ok(compile(['too']).test('to'));
  t.ok(compile(['a b', 'c']).test('c'), 'phrases are alternatives');
  t.notOk(compile(['a b', 'c']).test('a bc'));
  // After a gap of a few words, the next word starts a word of its own ("praying i will die" is
  // not read as "praying i w" + "ill die").
  const gapped = compile(['hoping(?:\\s\\S+){0,2}? ill die']);
  t.ok(gapped.test('hoping i ill die'));
  t.notOk(gapped.test('hoping i will die'), 'no word starts inside the word before');
  t.ok(gapped.test('hoping illdie'), 'a space written elsewhere may still be missing');
  // A phrase may follow a glued first person: "iwant", "imgonna", "ivebeen", "idrather", "illend", "mewant".
  for (const person of ['i', 'im', 'ive', 'id', 'ill', 'me']) t.ok(compile(['want']).test(`${person}want`), `${person}want`);
  t.notOk(compile(['want']).test('xwant'));
  t.notOk(compile(['2']).test('i2'), 'only before a letter');
  t.notOk(compile(['want']).test('iiwant'));
});

t.test('an empty phrase or alternative, as an edit may leave, is dropped rather than matching anywhere', async (t) => {
  t.equal(alt('a', '', 'b'), '(?:a|b)');
  t.notOk(compile(['', 'kill myself']).test('dead tired'));
  t.notOk(compile(['', 'kill myself']).test(''), 'not even an empty query');
  t.same(detectCrisis('?!'), NOT_DETECTED);
  t.notOk(compile([`x ${alt('', 'y')}`]).test('x z'));
});

t.test('normalisation', async (t) => {
  const cases: [string, string][] = [
    ['  Don\u2019t   want to   be HERE!! ', 'dont want to be here'],
    ["don't", 'dont'],
    ['don\u2018t', 'dont'],
    ['don\u02bct', 'dont'],
    ['don`t', 'dont'],
    ['don\u00b4t', 'don t'], // NFKD makes the acute accent a space and a mark; the patterns allow either
    ['Suic\u00edd\u00e9', 'suicide'],
    ['sui\u200bcide', 'suicide'],
    ['\ufb01ne', 'fine'],
    ['self-harm', 'self harm'],
    ['ab -- cd\t\nef', 'ab cd ef'],
    ['pleeease', 'please'],
    ['sooo', 'so'],
    ['soo', 'soo'],
    ['d i e', 'die'],
    ['i wanna d i e now', 'i wanna die now'],
    ['s u i c i d e', 'suicide'],
    ['o d', 'o d'],
    ['a b cd', 'a b cd'],
    ['xa b c', 'xa b c'],
    ['su1c1de', 'suicide'],
    ['k1ll', 'kill'],
    ['d3ad', 'dead'],
    ['g0ne', 'gone'],
    ['want 2 die', 'want 2 die'],
    ['1st a1 b2b', '1st a1 b2b'],
    ['20 pills', '20 pills'],
    ['!!!', ''],
    ['', ''],
  ];
  for (const [query, expected] of cases) t.equal(normalise(query), expected, JSON.stringify(query));
});

t.test('detection is deterministic and keeps no state between queries', async (t) => {
  for (const query of ['kill myself', 'dead tired', 'kill myself']) t.same(detectCrisis(query), detectCrisis(query));
  t.equal(detectCrisis('suicide').reason, 'suicidal-thoughts');
  t.equal(detectCrisis('suicide').reason, 'suicidal-thoughts', 'twice in a row');
});

t.test('the longest queries with many near-misses are checked quickly', async (t) => {
  // Guards against a phrase whose gaps or optional spaces make the regex engine backtrack.
  const worst = [
    'no one '.repeat(28),
    'i '.repeat(100),
    'a'.repeat(200),
    'how many pills '.repeat(13),
    'kill '.repeat(40),
    'd i '.repeat(50),
  ];
  for (const query of worst) {
    const start = performance.now();
    detectCrisis(query.slice(0, 200));
    t.ok(performance.now() - start < 100, `${query.slice(0, 20)}... in under 100 ms`);
  }
});
