// Standard ranking measures over graded judgements (the highest grade is what the person is after; 1 = related).

export type Judgements = Record<string, number>;

const gain = (grade: number) => 2 ** grade - 1;

/** Normalised discounted cumulative gain of the first `k` results. */
export function ndcgAt(k: number, ranked: string[], relevant: Judgements): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(relevant[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Reciprocal rank of the first relevant result within `k`, else 0. */
export function reciprocalRankAt(k: number, ranked: string[], relevant: Judgements): number {
  const i = ranked.slice(0, k).findIndex((id) => (relevant[id] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** 1 when a relevant result is within the first `k`, else 0. */
export function successAt(k: number, ranked: string[], relevant: Judgements): number {
  return ranked.slice(0, k).some((id) => (relevant[id] ?? 0) > 0) ? 1 : 0;
}

export interface Scores {
  ndcg5: number;
  mrr10: number;
  success3: number;
}

export function score(ranked: string[], relevant: Judgements): Scores {
  return { ndcg5: ndcgAt(5, ranked, relevant), mrr10: reciprocalRankAt(10, ranked, relevant), success3: successAt(3, ranked, relevant) };
}

export function mean(all: Scores[]): Scores {
  const n = Math.max(all.length, 1);
  const sum = (pick: (s: Scores) => number) => all.reduce((t, s) => t + pick(s), 0) / n;
  return { ndcg5: sum((s) => s.ndcg5), mrr10: sum((s) => s.mrr10), success3: sum((s) => s.success3) };
}
