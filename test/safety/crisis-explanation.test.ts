import t from 'tap';
import { FEATURES_VERSION, featuresByWord, featuresOf } from '../../src/safety/crisis-features.js';
import { CRISIS_MODEL, checkedModel } from '../../src/safety/crisis-model-stored.js';
import { type CrisisModel, FALLBACK_CATEGORY, categoryOf, explain, modelDetect, riskScore } from '../../src/safety/crisis-model.js';

// How the crisis model explains and decides (src/safety/crisis-model.ts), on small models written
// here, so that each rule is pinned by a case whose answer can be worked out by hand.

const model = (weights: Record<string, number>, extra: Partial<CrisisModel> = {}): CrisisModel => ({
  ...CRISIS_MODEL,
  weights,
  ...extra,
});

t.test('each word of a reading, with the features it takes part in', async (t) => {
  t.same(
    featuresByWord('a b').map((f) => [...f].sort()),
    [
      ['b:^ a', 'b:a b', 's:a', 'w:a'],
      ['b:a b', 'b:b $', 's:b', 'w:b'],
    ],
  );
  t.same(featuresByWord(' a  b '), featuresByWord('a b'), 'empty words are not words');
  t.same(featuresByWord(''), []);
});

t.test('the explanation is the run of words that weighs most, less a cost per word', async (t) => {
  // die weighs 4, so each word costs 1: the run is "die" alone.
  t.equal(explain(model({ 'w:die': 4 }), 'i want to die now'), 'die');
  // Two strong words one weightless word apart: the run takes all three.
  t.equal(explain(model({ 'w:end': 4, 'w:tonight': 4 }), 'i will end it tonight'), 'end it tonight');
  // Four weightless words apart, the gap costs more than the second word brings: the first alone.
  t.equal(explain(model({ 'w:end': 4, 'w:tonight': 4 }), 'end a b c d tonight'), 'end');
  // A run that falls to exactly nothing starts again: "tonight" alone outweighs "end a tonight".
  t.equal(explain(model({ 'w:end': 4, 'w:tonight': 8 }), 'end a tonight'), 'tonight');
  t.equal(explain(model({ 'w:die': 4 }), ' die  now '), 'die', 'empty words are not words');
  t.equal(explain(model({}), 'a b c'), 'a b c', 'no word weighs towards risk: the whole query');
  t.equal(explain(model({ 'w:b': -2 }), 'a b c'), 'a b c', 'nor does one that weighs against it');
  t.equal(explain(model({}), ''), '');
});

t.test('a score at the threshold is a detection; just under it is not', async (t) => {
  const texts = ['i am going to end it on friday'];
  const score = riskScore(CRISIS_MODEL, featuresOf(texts));
  t.ok(modelDetect({ ...CRISIS_MODEL, threshold: score }, texts), 'at the threshold');
  t.equal(modelDetect({ ...CRISIS_MODEL, threshold: score + 1e-9 }, texts), null, 'just above the score');
});

t.test('the category is named when its probability is at least 0.4', async (t) => {
  const categories = ['a', 'b', 'c', 'd'];
  const half = Math.log(0.5);
  // Probabilities 0.4, 0.2, 0.2, 0.2: exactly at the bar.
  t.equal(categoryOf(model({}, { categories, categoryBias: [0, half, half, half], categoryWeights: {} }), []), 'a');
  // Five alike: 0.2 each, below the bar.
  t.equal(
    categoryOf(model({}, { categories: [...categories, 'e'], categoryBias: [0, 0, 0, 0, 0], categoryWeights: {} }), []),
    FALLBACK_CATEGORY,
  );
});

t.test('a model trained on other features is refused', async (t) => {
  t.equal(checkedModel(CRISIS_MODEL), CRISIS_MODEL);
  t.throws(() => checkedModel({ ...CRISIS_MODEL, featuresVersion: FEATURES_VERSION + 1 }), /trained on other features/);
});
