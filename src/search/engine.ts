import type { Alternative } from './thesaurus-index.js';
import { type ListPhrases, listPhrases, PhraseMatches } from './phrases.js';
import type { Prose } from './snippet.js';
import { ConceptMatches, Totals } from './score-sums.js';
import { STOP_WORDS, type Token, tokenize } from './text.js';

/** The searchable fields of a record, most telling first. */
export const FIELDS = ['title', 'peopleSay', 'keywords', 'summary', 'body'] as const;
export type Field = (typeof FIELDS)[number];

// BM25F: a field's weight multiplies its term frequency before saturation. The title, the vocabulary
// lists and the summary say what a record is about; the long body mentions much in passing. A title
// match counts more, but never forms a tier above every other match.
const WEIGHTS: Record<Field, number> = { title: 5, peopleSay: 2, keywords: 2, summary: 2, body: 0.5 };
const K1 = 1.2;
// Length normalisation per field (BM25F's b). Prose that runs longer mentions more in passing; a
// vocabulary list that runs longer lists more ways of saying the same thing, which should not make
// each of them count for less.
const LENGTH_NORMALISATION: Record<Field, number> = { title: 0.75, peopleSay: 0.25, keywords: 0.25, summary: 0.75, body: 0.75 };
// How strongly matching more of the query's concepts counts (1 = in proportion).
const COORDINATION = 2;
const FIELD_WEIGHTS = FIELDS.map((f) => WEIGHTS[f]);
const FIELD_B = FIELDS.map((f) => LENGTH_NORMALISATION[f]);
// The vocabulary lists hold whole phrases (phrases.ts): a match there counts by the largest share
// of one phrase's meaningful words the query has, and the phrase that holds the most of the query
// adds that share of the query's idf (times this weight), as a whole-phrase match.
const LISTS = (['peopleSay', 'keywords'] as const).map((f) => FIELDS.indexOf(f));
export const LIST_SEPARATOR = ' ; ';
const PHRASE_WEIGHTS = [2, 1];
const TITLE = FIELDS.indexOf('title');
const KEYWORDS = FIELDS.indexOf('keywords');
const SUMMARY = FIELDS.indexOf('summary');
const BODY = FIELDS.indexOf('body');
const BODY_ONLY = 0.5;
// Proximity (a sequential dependence model): two neighbouring query words found close together,
// in order, in one field of a record ("keep … feelings") add to its score, as a phrase would; a
// record that merely mentions both far apart does not. Close means at most this many positions
// apart (stop words take no position).
const PROXIMITY_WINDOW = 2;
const PROXIMITY_WEIGHT = 0.5;

export interface SearchDocument {
  type: string;
  slug: string;
  fields: Record<Field, string>;
}

/** A meaningful word (or phrase) of a query and the ways it may appear in a record. */
export interface Concept {
  /** Where it starts among the query's meaningful words. */
  at: number;
  /** The first is the word or phrase as typed. */
  alternatives: Alternative[];
}

/** Per field, where a stem (or a phrase) starts in a record: positions among meaningful words. */
type Positions = readonly (readonly number[])[];
// The one list every empty field shares (never written to: the index is read-only once built).
const NONE: readonly number[] = [];

// A prose token without its word: snippets need its stem and where it stands in the text.
const placesOf = (tokens: Token[]): Prose['tokens'] => tokens.map(({ stem, start, end }) => ({ stem, start, end }));

export interface Scored {
  doc: number;
  score: number;
  /**
   * The share of the query's idf the record matches outside its body (a concept matched only in
   * the body, or through a looser alternative, counts in part): 1 when it has every meaningful word.
   */
  coverage: number;
  /** The share of the query's idf the record matches in its title or keywords: the words that name what it is. */
  named: number;
}

/** An in-memory BM25F index over the records' stems. */
export class Engine {
  readonly docs: readonly SearchDocument[];
  private readonly fieldLengths: number[][] = [];
  private readonly proseOf: Prose[][] = [];
  /** stem → record → positions of the stem in each field (stop words not counted). */
  private readonly postings = new Map<string, Map<number, Positions>>();
  private readonly averageLength: number[];
  /** Per vocabulary list (LISTS), per record, where its phrases lie. */
  private readonly phrasesOf: ListPhrases[][] = LISTS.map(() => []);

  constructor(docs: SearchDocument[]) {
    this.docs = docs;
    const totals = FIELDS.map(() => 0);
    docs.forEach((doc, d) => {
      const tokens = FIELDS.map((f) => tokenize(doc.fields[f]));
      // Snippets come from the prose only, tokenised once here rather than per request; they
      // need each word's stem and place, not the word. `tokens` has one list per field, so
      // neither fallback is ever taken.
      this.proseOf.push([
        { text: doc.fields.summary, tokens: placesOf(tokens[SUMMARY] ?? []) },
        { text: doc.fields.body, tokens: placesOf(tokens[BODY] ?? []) },
      ]);
      const lengths = tokens.map((list, f) => {
        let length = 0;
        const placed: number[] = [];
        for (const token of list) {
          // Stop words are indexed (a query made only of them is searched as typed) but do not
          // count towards a field's length or a phrase's positions.
          const position = STOP_WORDS.has(token.word) ? -1 : length++;
          placed.push(position);
          let byDoc = this.postings.get(token.stem);
          if (!byDoc) this.postings.set(token.stem, (byDoc = new Map<number, Positions>()));
          let positions = byDoc.get(d);
          if (!positions) byDoc.set(d, (positions = FIELDS.map((): number[] => [])));
          (positions[f] as number[]).push(position);
        }
        totals[f] = (totals[f] ?? 0) + length;
        const l = LISTS.indexOf(f);
        if (l >= 0) this.phrasesOf[l]?.push(listPhrases(doc.fields[FIELDS[f] ?? 'keywords'], LIST_SEPARATOR, list, placed));
        return length;
      });
      this.fieldLengths.push(lengths);
    });
    this.averageLength = totals.map((t) => Math.max(1, t / Math.max(1, docs.length)));
    // The index is read-only from here. Lists grown by push keep room for more (17 places for
    // one position), so each is copied to its length and the empty ones share one array: the
    // positions then take a third of the memory, and the collector has far fewer objects to mark.
    for (const byDoc of this.postings.values()) {
      for (const [d, positions] of byDoc)
        byDoc.set(
          d,
          positions.map((list) => (list.length === 0 ? NONE : list.slice())),
        );
    }
  }

  document(doc: number): SearchDocument {
    const found = this.docs[doc];
    if (!found) throw new RangeError(`No record ${doc} in the search index.`);
    return found;
  }

  prose(doc: number): Prose[] {
    const prose = this.proseOf[doc];
    if (!prose) throw new RangeError(`No record ${doc} in the search index.`);
    return prose;
  }

  has(stem: string): boolean {
    return this.postings.has(stem);
  }

  /**
   * Start positions per field of the stem sequence (a phrase: in order), in each record that has
   * it. A single stem's are the postings themselves (read-only), with nothing copied.
   */
  private occurrences(stems: string[]): ReadonlyMap<number, Positions> {
    const [head, ...rest] = stems;
    const first = head === undefined ? undefined : this.postings.get(head);
    if (!first) return EMPTY;
    if (rest.length === 0) return first;
    const lists: Map<number, Positions>[] = [];
    for (const s of rest) {
      const list = this.postings.get(s);
      if (!list) return EMPTY;
      lists.push(list);
    }
    const out = new Map<number, Positions>();
    for (const [d, positions] of first) {
      const others: Positions[] = [];
      for (const list of lists) {
        const o = list.get(d);
        if (!o) break;
        others.push(o);
      }
      if (others.length < lists.length) continue;
      // Every record's positions have one list per field, so o[f] is there.
      const starts = positions.map((list, f) => list.filter((p) => p >= 0 && others.every((o, j) => o[f]?.includes(p + j + 1))));
      if (starts.some((list) => list.length > 0)) out.set(d, starts);
    }
    return out;
  }

  /**
   * How often, per field, the phrase `b` starts within PROXIMITY_WINDOW positions after the phrase
   * `a` ends, in each record that has both.
   */
  private near(before: ReadonlyMap<number, Positions>, a: number, after: ReadonlyMap<number, Positions>): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const [small, large] = before.size <= after.size ? [before, after] : [after, before];
    for (const d of small.keys()) {
      const starts = before.get(d);
      const ends = after.get(d);
      if (!starts || !ends || !large.has(d)) continue;
      const tf = ends.map((list, f) => {
        const from = starts[f] ?? NONE;
        return list.filter((q) => from.some((p) => p >= 0 && q - (p + a - 1) > 0 && q - (p + a - 1) <= PROXIMITY_WINDOW)).length;
      });
      if (tf.some((n) => n > 0)) out.set(d, tf);
    }
    return out;
  }

  /** BM25F of one record's term frequencies per field, read from `tf` at `at` (FIELDS.length of them). */
  private bm25f(tf: ArrayLike<number>, at: number, doc: number, idf: number): number {
    let weighted = 0;
    const lengths = this.fieldLengths[doc];
    if (!lengths) throw new RangeError(`No record ${doc} in the search index.`);
    for (let i = 0; i < FIELD_WEIGHTS.length; i++) {
      const frequency = tf[at + i];
      // Hot loop: the weights, `lengths` and the averages all have one entry per field, so these
      // reads are in range; a check or fallback per read would only slow scoring down.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const b = FIELD_B[i]!;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      if (frequency) weighted += (FIELD_WEIGHTS[i]! * frequency) / (1 - b + (b * lengths[i]!) / this.averageLength[i]!);
    }
    return (idf * weighted * (K1 + 1)) / (K1 + weighted);
  }

  /**
   * Scores every record matching at least one concept. A concept's alternatives count as one
   * term (as a search engine treats synonyms): per field the best weighted frequency counts, with one
   * idf, from the records that match any of them, so a rare synonym cannot outweigh the word
   * typed. The record's score is the sum over concepts, plus its best vocabulary phrases
   * (phrases.ts) and neighbouring words found close together, times the share of the query's idf
   * it matches (coordination), so records matching more of the telling words rank first.
   *
   * Per-record sums live in arrays indexed by record (a few hundred records, a few concepts):
   * a search then allocates a handful of arrays rather than an object per record and concept.
   */
  score(concepts: Concept[], allowed?: (doc: number) => boolean): Scored[] {
    const n = this.docs.length;
    const width = FIELDS.length;
    const lists = this.phrasesOf.map((phrases) => new PhraseMatches(phrases, concepts.length));
    // Each alternative's occurrences are looked up once: proximity needs the typed words' again.
    const typed: ReadonlyMap<number, Positions>[] = [];
    const matches = concepts.map(() => new ConceptMatches(n, width));
    const idfs: number[] = [];
    concepts.forEach((concept, k) => {
      const combined = matches[k] as ConceptMatches;
      concept.alternatives.forEach((alt, a) => {
        const found = this.occurrences(alt.stems);
        if (a === 0) typed.push(found);
        // Per field, the number of places the alternative starts is its term frequency.
        for (const [d, starts] of found) {
          if (allowed && !allowed(d)) continue;
          combined.add(d);
          const at = d * width;
          // Hot loop: `starts` has one entry per field, and `at + i` is within record d's fields.
          for (let i = 0; i < width; i++) {
            // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
            const v = starts[i]!.length * alt.weight;
            if (v > (combined.tf[at + i] as number)) combined.tf[at + i] = v;
          }
          if (alt.weight > (combined.weight[d] as number)) combined.weight[d] = alt.weight;
          LISTS.forEach((f, l) => {
            const places = starts[f];
            if (places && places.length > 0) lists[l]?.add(d, k, alt.weight, alt.stems.length, places);
          });
        }
      });
      idfs.push(Math.log(1 + (n - combined.docs.length + 0.5) / (combined.docs.length + 0.5)));
    });
    const best = lists.map((l) => l.best(idfs));
    const idfTotal = idfs.reduce((sum, idf) => sum + idf, 0);

    const totals = new Totals(n);
    matches.forEach(({ docs, tf, weight }, k) => {
      const idf = idfs[k] ?? 0;
      for (const d of docs) {
        const at = d * width;
        LISTS.forEach((f, l) => {
          if (tf[at + f]) tf[at + f] = (tf[at + f] as number) * (best[l]?.get(d)?.share ?? 0);
        });
        const w = weight[d] as number;
        totals.add(d);
        if (tf[at + TITLE] || tf[at + KEYWORDS]) totals.named[d] = (totals.named[d] as number) + idf * w;
        totals.score[d] = (totals.score[d] as number) + this.bm25f(tf, at, d, idf);
        // A concept found only through a looser alternative, or only in passing in the body,
        // counts as partly matched: the other fields say what the record is about.
        let outsideBody = false;
        for (let i = 0; i < width; i++) if (i !== BODY && (tf[at + i] as number) > 0) outsideBody = true;
        totals.matched[d] = (totals.matched[d] as number) + idf * w * (outsideBody ? 1 : BODY_ONLY);
      }
    });
    for (const d of totals.docs) {
      best.forEach((list, l) => (totals.score[d] = (totals.score[d] as number) + (PHRASE_WEIGHTS[l] ?? 0) * (list.get(d)?.mass ?? 0)));
    }
    for (let i = 1; i < concepts.length; i++) {
      const before = typed[i - 1];
      const after = typed[i];
      const a = concepts[i - 1]?.alternatives[0]?.stems.length ?? 1;
      if (!before || !after || before.size === 0 || after.size === 0) continue;
      const pairs = this.near(before, a, after);
      // Over the allowed records, as each concept's idf is.
      let found = 0;
      for (const d of pairs.keys()) if (!allowed || allowed(d)) found++;
      const idf = Math.log(1 + (n - found + 0.5) / (found + 0.5));
      for (const [d, tf] of pairs) {
        if (totals.has(d) && (!allowed || allowed(d)))
          totals.score[d] = (totals.score[d] as number) + PROXIMITY_WEIGHT * this.bm25f(tf, 0, d, idf);
      }
    }
    const out: Scored[] = [];
    for (const doc of totals.docs) {
      const coverage = idfTotal > 0 ? (totals.matched[doc] as number) / idfTotal : 0;
      const named = idfTotal > 0 ? (totals.named[doc] as number) / idfTotal : 0;
      out.push({ doc, score: (totals.score[doc] as number) * coverage ** COORDINATION, coverage, named });
    }
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

const EMPTY: ReadonlyMap<number, Positions> = new Map();
