// The second reader of crisis detection: a linear model over the words, word pairs and letter
// sequences of a query (crisis-features.ts), trained on the development data by
// scripts/crisis-model/train.ts and stored as weights in crisis-model.json. Serving is a sum of
// weights; nothing is learnt at run time. It only adds detections to the phrase patterns, for the
// phrasings they have no phrase for (docs/crisis-detection.md, "The second reader").
import { featuresByWord, featuresOf } from './crisis-features.js';

export interface CrisisModel {
  featuresVersion: number;
  /** Hash of the training data (scripts/crisis-model/data.ts), to see when it has moved on. */
  trainedOn: string;
  /** The options and figures of the training run, for the record. */
  training: Record<string, unknown>;
  /** A query is at risk when its score reaches this (chosen by cross-validation). */
  threshold: number;
  bias: number;
  /** Feature -> weight towards being at risk. Features not listed weigh nothing. */
  weights: Record<string, number>;
  /** The categories the model tells apart, as detectCrisis reports them. */
  categories: string[];
  categoryBias: number[];
  /** Feature -> one weight per category, in the order of `categories`. */
  categoryWeights: Record<string, number[]>;
}

export interface ModelDetection {
  reason: string;
  /** The words of the normalised query that weighed most towards the detection. */
  matched: string;
  score: number;
}

/** When no category is clearly ahead, the broadest one is reported. */
export const FALLBACK_CATEGORY = 'suicidal-thoughts';
/** A category is reported only when the model gives it at least this probability. */
const CATEGORY_CONFIDENCE = 0.4;
/** Each word added to an explanation must bring this share of the strongest word's weight: keeps it short. */
const SPAN_COST = 0.25;

/** Every feature has the value 1 / sqrt(feature count): a long query does not outweigh a short one. */
export function riskScore(model: CrisisModel, features: readonly string[]): number {
  let sum = 0;
  for (const feature of features) sum += model.weights[feature] ?? 0;
  return model.bias + sum / Math.sqrt(Math.max(features.length, 1));
}

export function categoryOf(model: CrisisModel, features: readonly string[]): string {
  const scale = 1 / Math.sqrt(Math.max(features.length, 1));
  const scores = [...model.categoryBias];
  for (const feature of features) {
    const weights = model.categoryWeights[feature];
    if (weights) weights.forEach((w, k) => (scores[k] = (scores[k] ?? 0) + w * scale));
  }
  const max = Math.max(...scores);
  const total = scores.reduce((sum, s) => sum + Math.exp(s - max), 0);
  const best = scores.indexOf(max);
  return 1 / total >= CATEGORY_CONFIDENCE ? (model.categories[best] ?? FALLBACK_CATEGORY) : FALLBACK_CATEGORY;
}

/**
 * The run of words in the normalised query that weighs most towards risk, less a cost per word
 * so it stays a phrase; the whole query when no word weighs towards risk on its own (the model
 * then read it in another reading, or from the words together).
 */
export function explain(model: CrisisModel, text: string): string {
  const tokens = text.split(' ').filter(Boolean);
  const weights = featuresByWord(text).map((features) => features.reduce((sum, f) => sum + (model.weights[f] ?? 0), 0));
  const cost = Math.max(0, ...weights) * SPAN_COST;
  let [best, bestFrom, bestTo] = [0, 0, tokens.length];
  let [run, from] = [0, 0];
  weights.forEach((weight, i) => {
    if (run <= 0) [run, from] = [0, i];
    run += weight - cost;
    if (run > best) [best, bestFrom, bestTo] = [run, from, i + 1];
  });
  return tokens.slice(bestFrom, bestTo).join(' ');
}

/** What the model reads in a query's readings (normalised text first), or null when it is below the threshold. */
export function modelDetect(model: CrisisModel, texts: readonly string[]): ModelDetection | null {
  const features = featuresOf(texts);
  const score = riskScore(model, features);
  if (score < model.threshold) return null;
  return { reason: categoryOf(model, features), matched: explain(model, texts[0] ?? ''), score };
}
