// Fits the crisis model's weights to examples: a logistic regression for "at risk or not" over
// every example, and a softmax over the categories of the at-risk ones. The result is the
// serving shape (src/safety/crisis-model.ts) without its threshold, which cross-validation sets.
import { FEATURES_VERSION, featuresOf } from '../../src/safety/crisis-features.js';
import { normalise, readings } from '../../src/safety/crisis-detection.js';
import type { CrisisModel } from '../../src/safety/crisis-model.js';
import { CRISIS_CATEGORIES } from '../../src/safety/crisis-patterns.js';
import { type Example, isNearMiss } from './data.js';
import { type SparseRow, type TrainOptions, trainBinary, trainSoftmax } from './logistic.js';

export interface Prepared extends Example {
  features: string[];
}

export interface FitOptions {
  /** A feature is learnt only when at least this many training examples have it. */
  minCount: number;
  /** At-risk examples count this many times the negatives' total, as a whole (1 = balanced). */
  riskShare: number;
  /** Ordinary phrasings written to share words with at-risk ones count this many times. */
  hardNegativeWeight: number;
  risk: TrainOptions;
  category: TrainOptions;
  /** Weights smaller than this are dropped from the stored model. */
  prune: number;
  /** A feature's category weights are dropped when none is this large (they only choose the category named). */
  categoryPrune: number;
}

export type FittedModel = Omit<CrisisModel, 'threshold' | 'trainedOn' | 'training'>;

export const CATEGORIES = CRISIS_CATEGORIES.map((c) => c.id);

export function prepare(examples: readonly Example[]): Prepared[] {
  return examples.map((e) => ({ ...e, features: featuresOf(readings(normalise(e.text))) }));
}

function vocabularyOf(examples: readonly Prepared[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([f, n]) => n >= minCount && /^[ -~]+$/.test(f)).map(([f]) => f);
  return new Map(kept.sort().map((f, i) => [f, i]));
}

function rowsOf(examples: readonly Prepared[], vocabulary: Map<string, number>): SparseRow[] {
  return examples.map((e) => ({
    indices: Int32Array.from(e.features.flatMap((f) => vocabulary.get(f) ?? [])),
    value: 1 / Math.sqrt(Math.max(e.features.length, 1)),
  }));
}

/** Four decimals are ample for a sum of a few hundred weights, and keep the file small. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const round3 = (x: number) => Math.round(x * 1e3) / 1e3;

export function fit(examples: readonly Prepared[], options: FitOptions): FittedModel {
  const vocabulary = vocabularyOf(examples, options.minCount);
  const features = [...vocabulary.keys()];
  const atRisk = examples.filter((e) => e.atRisk).length;
  const positiveWeight = (options.riskShare * (examples.length - atRisk)) / Math.max(atRisk, 1);
  const w = trainBinary(
    rowsOf(examples, vocabulary),
    examples.map((e) => e.atRisk),
    examples.map((e) => (e.atRisk ? positiveWeight : isNearMiss(e) ? options.hardNegativeWeight : 1)),
    features.length,
    options.risk,
  );
  const weights: Record<string, number> = {};
  features.forEach((f, i) => {
    const weight = w[i] ?? 0;
    if (Math.abs(weight) >= options.prune) weights[f] = round(weight);
  });

  const positives = examples.filter((e) => e.atRisk);
  const categoryVocabulary = vocabularyOf(positives, options.minCount);
  const classes = CATEGORIES.length;
  const labels = positives.map((e) => CATEGORIES.indexOf(e.category ?? ''));
  if (labels.includes(-1)) throw new Error('an at-risk example without a known category');
  const size = categoryVocabulary.size;
  const c = trainSoftmax(rowsOf(positives, categoryVocabulary), labels, classes, size, options.category);
  const categoryWeights: Record<string, number[]> = {};
  for (const [f, i] of categoryVocabulary) {
    const row = Array.from(c.subarray(i * classes, (i + 1) * classes));
    if (row.some((x) => Math.abs(x) >= options.categoryPrune)) categoryWeights[f] = row.map(round3);
  }
  return {
    featuresVersion: FEATURES_VERSION,
    bias: round(w[features.length] ?? 0),
    weights,
    categories: CATEGORIES,
    categoryBias: Array.from(c.subarray(size * classes)).map(round),
    categoryWeights,
  };
}
