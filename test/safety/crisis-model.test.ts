import { readFileSync, statSync } from 'node:fs';
import t from 'tap';
import { detectByPhrases, detectCrisis, normalise, readings } from '../../src/safety/crisis-detection.js';
import { featuresByWord, featuresOf } from '../../src/safety/crisis-features.js';
import { CRISIS_MODEL } from '../../src/safety/crisis-model-stored.js';
import { FALLBACK_CATEGORY, categoryOf, explain, modelDetect, riskScore } from '../../src/safety/crisis-model.js';
import { hashExamples, loadExamples } from '../../scripts/crisis-model/data.js';
import { MODEL_FILE, serialise, train } from '../../scripts/crisis-model/train.js';
import { ORDINARY } from '../helpers/crisis-phrasings.js';
import { DEVELOPMENT_SETS, TRAINING_SETS } from '../helpers/crisis-sets.js';

// The second reader of crisis detection (docs/crisis-detection.md, "The second reader"): a linear
// model trained by scripts/crisis-model/train.ts on development data only, stored as weights.

const examples = loadExamples();
const detect = (query: string) => modelDetect(CRISIS_MODEL, readings(normalise(query)));

t.test('the committed model was trained on the current data, and a fresh training run gives the same file', async (t) => {
  t.equal(CRISIS_MODEL.trainedOn, hashExamples(examples), 'training data unchanged since: run npm run crisis:train');
  t.equal(serialise(train()), readFileSync(MODEL_FILE, 'utf8'), 'the same weights: run npm run crisis:train');
});

t.test('the model is small: some thousands of weights, about 1 MB', async (t) => {
  t.ok(statSync(MODEL_FILE).size < 1_500_000, `${statSync(MODEL_FILE).size} bytes`);
  t.ok(
    Object.values(CRISIS_MODEL.weights).every((w) => Math.abs(w) >= 0.002),
    'tiny weights are pruned',
  );
});

t.test('what the model reads: words, their stems and word pairs of every reading', async (t) => {
  t.same(featuresOf(['she wants to die']).sort(), [
    'b:^ she',
    'b:die $',
    'b:she wants',
    'b:to die',
    'b:wants to',
    's:die',
    's:she',
    's:to',
    's:want',
    'w:die',
    'w:she',
    'w:to',
    'w:wants',
  ]);
  t.ok(featuresOf(readings(normalise('she wants to die'))).includes('b:i want'), 'the first-person reading is read too');
  t.same(featuresOf(['']), [], 'nothing in an empty query');
});

t.test('words within three of a negator are also read as negated: "dont want to die" is not "want to die"', async (t) => {
  const negated = (text: string) =>
    featuresOf([text])
      .filter((f) => f.startsWith('n:'))
      .sort();
  t.same(negated('i dont want to die'), ['n:die', 'n:to', 'n:want']);
  t.same(negated('never a b c d'), ['n:a', 'n:b', 'n:c'], 'three words, no more');
  t.same(negated('no'), [], 'a negator alone negates nothing');
  t.same(negated('i want to die'), [], 'nothing negated without a negator');
  for (const negator of ['not', 'dont', 'never', 'no', 'doesnt', 'didnt', 'wont', 'cant', 'cannot', 'isnt', 'arent'])
    t.same(negated(`${negator} x`), ['n:x'], negator);
  t.ok(featuresByWord('i dont want to die')[4]?.includes('n:die'), 'the explanation reads the negation too');
  t.notOk(featuresByWord('i want to die')[3]?.includes('n:die'));
});

t.test('the model alone finds most of the development sets, and each detection names a category and words of the query', async (t) => {
  for (const set of DEVELOPMENT_SETS) {
    const found = set.atRisk.map((p) => ({ p, d: detect(p.text) })).filter(({ d }) => d);
    t.ok(found.length / set.atRisk.length >= 0.9, `${set.name}: ${found.length} of ${set.atRisk.length} (it was trained on them)`);
    for (const { p, d } of found) {
      t.ok(d && d.matched.length > 0 && normalise(p.text).includes(d.matched), `"${p.text}": "${d?.matched}" is in the query`);
      t.ok(d && CRISIS_MODEL.categories.includes(d.reason), `"${p.text}": ${d?.reason} is a category`);
    }
  }
});

t.test('the explanation is the run of words that weighs most towards risk', async (t) => {
  t.equal(detect('honestly everyone would be better off if i was not here')?.matched.includes('better off'), true);
  t.equal(explain(CRISIS_MODEL, ''), '', 'nothing to explain in an empty query');
  // No word weighs towards risk: the whole query is the explanation.
  t.equal(explain({ ...CRISIS_MODEL, weights: {} }, 'a b c'), 'a b c');
});

t.test('the category is the likeliest one, or the broadest when none is clearly ahead', async (t) => {
  t.equal(categoryOf(CRISIS_MODEL, featuresOf(readings(normalise('how many tablets would be lethal')))), 'overdose');
  t.equal(categoryOf(CRISIS_MODEL, featuresOf(readings(normalise('what is the most painless way to die')))), 'method');
  t.equal(
    categoryOf({ ...CRISIS_MODEL, categoryWeights: {}, categoryBias: CRISIS_MODEL.categoryBias.map(() => 0) }, ['w:x']),
    FALLBACK_CATEGORY,
  );
});

t.test('a single word is left to the phrases: no word the model alone would flag is detected', async (t) => {
  const words = Object.keys(CRISIS_MODEL.weights).flatMap((f) => (f.startsWith('w:') ? [f.slice(2)] : []));
  const modelOnly = words.filter((w) => modelDetect(CRISIS_MODEL, readings(normalise(w))) && !detectByPhrases(w).detected);
  t.ok(modelOnly.length > 0, `${modelOnly.length} words the model alone would flag (${modelOnly.slice(0, 5).join(', ')} …)`);
  for (const w of modelOnly) t.equal(detectCrisis(w).detected, false, w);
  const longer = TRAINING_SETS.flatMap((set) => set.atRisk).filter(
    (p) => !detectByPhrases(p.text).detected && detectCrisis(p.text).detected,
  );
  t.ok(longer.length > 0, `${longer.length} longer phrasings of the training sets are the model's alone`);
});

t.test('the threshold decides: a score just under it is not a detection', async (t) => {
  const features = featuresOf(readings(normalise('i am going to end it on friday')));
  const score = riskScore(CRISIS_MODEL, features);
  t.ok(score >= CRISIS_MODEL.threshold, `scores ${score.toFixed(2)}`);
  t.equal(modelDetect({ ...CRISIS_MODEL, threshold: score + 1e-9 }, ['i am going to end it on friday']), null);
});

t.test(
  'ordinary phrasings, the service’s everyday phrasings and search queries are seldom flagged by the phrases and model together',
  async (t) => {
    // peopleSay and the judged search queries are what people ask this service about every day.
    for (const source of ['people-say', 'search'] as const) {
      const texts = examples.filter((e) => e.source === source).map((e) => e.text);
      const flagged = texts.filter((q) => detectCrisis(q).detected);
      t.ok(flagged.length / texts.length <= 0.01, `${source}: ${flagged.length} of ${texts.length}: ${flagged.join(' | ')}`);
    }
    const flagged = ORDINARY.filter((q) => detectCrisis(q).detected);
    t.ok(flagged.length / ORDINARY.length <= 0.02, `ordinary phrasings: ${flagged.join(' | ')}`);
  },
);
