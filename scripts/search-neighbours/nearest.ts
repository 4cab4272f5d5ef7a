// The nearest index words of each word by cosine similarity of word vectors: a pure function of
// its inputs (words in any order give the same table), so the committed table can be rebuilt
// and compared.

/** Unit-length vectors by word. */
export type Vectors = ReadonlyMap<string, Float32Array>;

export interface NearestOptions {
  /** Lowest cosine similarity kept. */
  threshold: number;
  /** At most this many neighbours per word. */
  top: number;
  /** The stem a word is indexed under: a neighbour sharing the word's stem, or another neighbour's, adds nothing. */
  stemOf: (word: string) => string;
  /**
   * Hubness correction (CSLS): a word close to everything ("think", "kind") is a neighbour of
   * every word and tells nothing. Each similarity is lowered by the mean similarity of each side
   * to its `hubs` nearest words on the other side; 0 turns it off.
   */
  hubs?: number;
}

export interface Neighbour {
  word: string;
  similarity: number;
}

/** Scales a vector to unit length (a zero vector stays zero). */
export function unit(vector: ArrayLike<number>, dimensions: number): Float32Array {
  const out = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += (vector[i] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dimensions; i++) out[i] = (vector[i] ?? 0) / norm;
  return out;
}

const dot = (a: Float32Array, b: Float32Array): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
};

// Similarities are rounded to two decimals: the table stays small and reads the same on every machine.
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * For each key with a vector, its most similar targets with a vector (at least `threshold`,
 * at most `top`, one per stem, none sharing the key's stem), most similar first, ties by word.
 * Keys without a neighbour are left out.
 */
export function nearest(keys: Iterable<string>, targets: Iterable<string>, vectors: Vectors, options: NearestOptions): Map<string, Neighbour[]> {
  const pool = [...new Set(targets)]
    .sort()
    .flatMap((word) => {
      const vector = vectors.get(word);
      return vector ? [{ word, vector, stem: options.stemOf(word) }] : [];
    });
  const sortedKeys = [...new Set(keys)].sort();
  const hubs = options.hubs ?? 0;
  const meanTop = (vector: Float32Array, pool: Float32Array[]) => {
    const sims = pool.map((v) => dot(vector, v)).sort((a, b) => b - a);
    return sims.slice(0, hubs).reduce((s, x) => s + x, 0) / Math.max(1, Math.min(hubs, sims.length));
  };
  const keyVectors = sortedKeys.flatMap((k) => { const v = vectors.get(k); return v ? [v] : []; });
  const targetHub = new Map(pool.map((t) => [t.word, hubs > 0 ? meanTop(t.vector, keyVectors) : 0]));
  const targetVectors = pool.map((t) => t.vector);
  const out = new Map<string, Neighbour[]>();
  for (const key of sortedKeys) {
    const vector = vectors.get(key);
    if (!vector) continue;
    const keyHub = hubs > 0 ? meanTop(vector, targetVectors) : 0;
    const own = options.stemOf(key);
    const byStem = new Map<string, Neighbour>();
    for (const target of pool) {
      if (target.stem === own) continue;
      const similarity = round(hubs > 0 ? (2 * dot(vector, target.vector) - keyHub - (targetHub.get(target.word) ?? 0) + 1) / 2 : dot(vector, target.vector));
      if (similarity < options.threshold) continue;
      const seen = byStem.get(target.stem);
      // Targets are in word order, so of two words with one stem the first keeps a tie.
      if (!seen || similarity > seen.similarity) byStem.set(target.stem, { word: target.word, similarity });
    }
    const best = [...byStem.values()]
      .sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, options.top);
    if (best.length > 0) out.set(key, best);
  }
  return out;
}
