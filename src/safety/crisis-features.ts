// What the crisis model (crisis-model.ts) reads in a query: the words, their stems and the word
// pairs of each of its readings (crisis-detection.ts: as typed, in plain spelling with typos of
// risk words corrected, in the first person). Word pairs carry what single words cannot ("want
// to" + "to die"); stems let "ending", "ended" and "ends" share what was learnt. Letter sequences
// (3 to 5 letters) were tried as well and did not improve cross-validated recall: the readings
// already correct the misspellings that matter (docs/crisis-detection.md, "The second reader").
// Training (scripts/crisis-model/) and serving use this one file, so they cannot drift apart.
import { stemmer } from 'stemmer';

/** Bumped whenever what a feature means changes: a model trained on the old features is then refused. */
export const FEATURES_VERSION = 2;

const START = '^';
const END = '$';

/** A word's own features: itself and its stem. */
function wordFeatures(token: string, into: Set<string>): void {
  into.add(`w:${token}`);
  into.add(`s:${stemmer(token)}`);
}
const pair = (a: string, b: string) => `b:${a} ${b}`;

/** Words that turn what follows around ("dont want to die" is not "want to die"). */
const NEGATORS = new Set(['not', 'dont', 'never', 'no', 'doesnt', 'didnt', 'wont', 'cant', 'cannot', 'isnt', 'arent']);
/** How many words after a negator are read as negated. */
const NEGATION_SPAN = 3;
const negated = (tokens: readonly string[], i: number) => tokens.slice(Math.max(0, i - NEGATION_SPAN), i).some((t) => NEGATORS.has(t));

/**
 * The features of a query, from its readings (normalised text first). Each counts once, however
 * often it occurs: a query is short, and presence is what the training data can teach.
 */
export function featuresOf(texts: readonly string[]): string[] {
  const features = new Set<string>();
  const words = new Set<string>();
  for (const text of texts) {
    const tokens = text.split(' ').filter(Boolean);
    tokens.forEach((token, i) => {
      words.add(token);
      features.add(pair(tokens[i - 1] ?? START, token));
      if (negated(tokens, i)) features.add(`n:${token}`);
    });
    if (tokens.length > 0) features.add(pair(tokens[tokens.length - 1] ?? '', END));
  }
  // The readings mostly share their words: each is stemmed once (stemming is the costly part).
  for (const token of words) wordFeatures(token, features);
  return [...features];
}

/**
 * For each word of one reading (the normalised query), the features it takes part in: used to
 * say which words made the model detect, so the explanation is always a span of what was typed.
 */
export function featuresByWord(text: string): string[][] {
  const tokens = text.split(' ').filter(Boolean);
  return tokens.map((token, i) => {
    const own = new Set<string>([pair(tokens[i - 1] ?? START, token), pair(token, tokens[i + 1] ?? END)]);
    if (negated(tokens, i)) own.add(`n:${token}`);
    wordFeatures(token, own);
    return [...own];
  });
}
