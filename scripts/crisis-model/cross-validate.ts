// Cross-validation by set: the model is trained on two of the development sets A, B, C (with two
// thirds of the other data) and scored on the third, so every example gets a score from a model
// that never saw it. The threshold is chosen on those scores, and the recall on each held-out set
// estimates how the model does on phrasings written by someone else.
import { categoryOf, riskScore } from '../../src/safety/crisis-model.js';
import { type Source, isNearMiss } from './data.js';
import { type FitOptions, type Prepared, fit } from './fit.js';

export const FOLDS = ['A', 'B', 'C'];

export interface OutOfFold {
  /** Each example's risk score from the model trained without its fold. */
  scores: number[];
  /** Each example's category from that model. */
  categories: string[];
}

export function outOfFold(examples: readonly Prepared[], options: FitOptions): OutOfFold {
  const scores = new Array<number>(examples.length).fill(0);
  const categories = new Array<string>(examples.length).fill('');
  FOLDS.forEach((_, fold) => {
    const model = {
      ...fit(
        examples.filter((e) => e.fold !== fold),
        options,
      ),
      threshold: 0,
      trainedOn: '',
      training: {},
    };
    examples.forEach((e, i) => {
      if (e.fold !== fold) return;
      scores[i] = riskScore(model, e.features);
      categories[i] = categoryOf(model, e.features);
    });
  });
  return { scores, categories };
}

/**
 * The lowest threshold at which at most `ceiling` of all held-out negatives, and at most
 * `setCeiling` of the hand-written near misses, score at or above it.
 */
export function thresholdFor(examples: readonly Prepared[], scores: readonly number[], ceiling: number, setCeiling: number): number {
  const negatives = examples.flatMap((e, i) => (e.atRisk ? [] : [{ e, score: scores[i] ?? 0 }])).sort((a, b) => b.score - a.score);
  const [total, inSets] = [negatives.length, negatives.filter(({ e }) => isNearMiss(e)).length];
  let flagged = 0;
  let flaggedInSets = 0;
  for (const { e, score } of negatives) {
    // Flagging this negative too would break a ceiling: the threshold goes just above it.
    if (flagged + 1 > total * ceiling || (isNearMiss(e) && flaggedInSets + 1 > inSets * setCeiling)) return score + 1e-6;
    flagged++;
    if (isNearMiss(e)) flaggedInSets++;
  }
  return -Infinity;
}

export interface FoldReport {
  fold: string;
  /** At-risk phrasings of the held-out set the model alone detects. */
  recall: number;
  atRisk: number;
  /** Of those detected, the share reported under the set's own category. */
  categoryAgreement: number;
  /** Ordinary phrasings of the held-out set (topic mentions apart) the model flags. */
  falseAlarms: number;
  ordinary: number;
}

export function foldReports(examples: readonly Prepared[], oof: OutOfFold, threshold: number): FoldReport[] {
  return FOLDS.map((fold, f) => {
    const inSet = examples.flatMap((e, i) =>
      e.source === 'set' && e.fold === f ? [{ e, flagged: (oof.scores[i] ?? 0) >= threshold, category: oof.categories[i] }] : [],
    );
    const detected = inSet.filter(({ e, flagged }) => e.atRisk && flagged);
    const ordinary = inSet.filter(({ e }) => !e.atRisk);
    return {
      fold,
      recall: round3(detected.length / inSet.filter(({ e }) => e.atRisk).length),
      atRisk: inSet.filter(({ e }) => e.atRisk).length,
      categoryAgreement: round3(detected.filter(({ e, category }) => e.category === category).length / Math.max(detected.length, 1)),
      falseAlarms: ordinary.filter((x) => x.flagged).length,
      ordinary: ordinary.length,
    };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Held-out negatives flagged, by source, at the threshold. */
export function falseAlarmsBySource(examples: readonly Prepared[], scores: readonly number[], threshold: number): Record<Source, string> {
  const by = {} as Record<Source, string>;
  for (const source of ['set', 'training', 'phrasings', 'people-say', 'search'] as const) {
    const negatives = examples.flatMap((e, i) => (!e.atRisk && e.source === source ? [scores[i] ?? 0] : []));
    const flagged = negatives.filter((s) => s >= threshold).length;
    by[source] = `${flagged} of ${negatives.length} (${((100 * flagged) / Math.max(negatives.length, 1)).toFixed(1)} %)`;
  }
  return by;
}
