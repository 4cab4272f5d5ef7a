import { stem } from './text.js';

/** The table scripts/search-neighbours/main.ts writes: each word's nearest index words by word-vector similarity. */
export interface NeighbourTable {
  source: string;
  threshold: number;
  /** word → "neighbour similarity neighbour similarity …", most similar first. */
  neighbours: Record<string, string>;
}

export interface Neighbour {
  stem: string;
  similarity: number;
}

/** Each word's nearest index words, read from the table when a query first asks for the word. */
export class WordNeighbours {
  private readonly parsed = new Map<string, readonly Neighbour[]>();

  constructor(private readonly table: NeighbourTable) {}

  /** The word's neighbours of at least `threshold` similarity, most similar first; empty for a word the table does not hold. */
  of(word: string, threshold: number, top: number): readonly Neighbour[] {
    let list = this.parsed.get(word);
    if (!list) {
      const line = Object.hasOwn(this.table.neighbours, word) ? this.table.neighbours[word] : undefined;
      const parts = line ? line.split(' ') : [];
      const out: Neighbour[] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) out.push({ stem: stem(parts[i] ?? ''), similarity: Number(parts[i + 1]) });
      list = out;
      if (line) this.parsed.set(word, list);
    }
    return list.filter((n) => n.similarity >= threshold).slice(0, top);
  }
}
