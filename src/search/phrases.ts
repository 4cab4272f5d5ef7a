import { FRAMING, type Token } from './text.js';

// The vocabulary lists (peopleSay, keywords) hold whole phrases: "I push people away when they get
// close". One word of a phrase met alone in a query ("stay" of "staying sober") says little; a
// query that says much of one phrase, and little else, is what that phrase was written for. So a
// list counts by its best phrase: the share of that phrase's words the query covers, and the share
// of the query (by idf) the phrase holds.

/** Where the phrases of one record's list lie among the field's positions (stop words take none). */
export interface ListPhrases {
  /** The phrase each position belongs to. */
  phraseAt: Uint16Array;
  /** The first position of each phrase. */
  starts: Uint16Array;
  /** How many meaningful words each phrase has, framing words ("feel") not counted. */
  sizes: Uint8Array;
}

// Phrases are at most 80 characters, so far fewer than 31 words: one bit per word of a phrase.
const MAX_WORDS = 31;

/**
 * The phrases of `text` (a list joined by `separator`), given the field's tokens and the position
 * each token was indexed at (-1 for stop words).
 */
export function listPhrases(text: string, separator: string, tokens: readonly Token[], positions: readonly number[]): ListPhrases {
  const ends: number[] = [];
  let at = 0;
  for (const phrase of text.split(separator)) {
    at += phrase.length;
    ends.push(at);
    at += separator.length;
  }
  const phraseAt: number[] = [];
  const starts: number[] = ends.map(() => 0);
  const sizes: number[] = ends.map(() => 0);
  let phrase = 0;
  let previous = -1;
  tokens.forEach((token, i) => {
    while ((ends[phrase] ?? Infinity) < token.end) phrase++;
    const position = positions[i] ?? -1;
    if (position < 0) return;
    phraseAt[position] = phrase;
    if (phrase !== previous) starts[phrase] = position;
    previous = phrase;
    if (!FRAMING.has(token.word)) sizes[phrase] = (sizes[phrase] ?? 0) + 1;
  });
  return { phraseAt: Uint16Array.from(phraseAt), starts: Uint16Array.from(starts), sizes: Uint8Array.from(sizes) };
}

/** What a query found in one phrase: the words covered (a bit each) and each concept's best weight. */
interface Hit {
  covered: number;
  weights: number[];
}

/** What a record's best phrase of one list gives the query. */
export interface BestPhrase {
  /** The share of the phrase's meaningful words the query covers (0 to 1). */
  share: number;
  /** The query's idf mass the phrase holds (concepts weighted by their match), times `share`. */
  mass: number;
}

/** For one query and one list: which concepts each record's phrases hold. */
export class PhraseMatches {
  private readonly hits = new Map<number, Map<number, Hit>>();

  constructor(
    private readonly phrasesOf: readonly ListPhrases[],
    private readonly concepts: number,
  ) {}

  /**
   * Concept `k` (matched with `weight`, by an alternative of `length` stems) starts at these
   * positions of record `doc`'s list; an alternative running past the end of a phrase is no match of it.
   */
  add(doc: number, k: number, weight: number, length: number, starts: readonly number[]): void {
    const phrases = this.phrasesOf[doc];
    if (!phrases) return;
    for (const p of starts) {
      const phrase = phrases.phraseAt[p];
      if (phrase === undefined || phrases.phraseAt[p + length - 1] !== phrase) continue;
      const offset = p - (phrases.starts[phrase] ?? 0);
      if (offset + length > MAX_WORDS) continue;
      let byPhrase = this.hits.get(doc);
      if (!byPhrase) this.hits.set(doc, (byPhrase = new Map<number, Hit>()));
      let hit = byPhrase.get(phrase);
      if (!hit) byPhrase.set(phrase, (hit = { covered: 0, weights: new Array<number>(this.concepts).fill(0) }));
      if ((hit.weights[k] ?? 0) < weight) hit.weights[k] = weight;
      hit.covered |= ((1 << length) - 1) << offset;
    }
  }

  /** Each record's best phrase (by `mass`), given each concept's idf. */
  best(idfs: readonly number[]): Map<number, BestPhrase> {
    const out = new Map<number, BestPhrase>();
    for (const [doc, byPhrase] of this.hits) {
      const sizes = this.phrasesOf[doc]?.sizes;
      const best: BestPhrase = { share: 0, mass: 0 };
      for (const [phrase, hit] of byPhrase) {
        let mass = 0;
        hit.weights.forEach((w, k) => (mass += w * (idfs[k] ?? 0)));
        // Framing words take a position but are not counted in the size: a phrase "I feel numb"
        // is all covered by "numb".
        const share = Math.min(1, popcount(hit.covered) / Math.max(1, sizes?.[phrase] ?? 1));
        if (share > best.share) best.share = share;
        if (mass * share > best.mass) best.mass = mass * share;
      }
      out.set(doc, best);
    }
    return out;
  }
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
