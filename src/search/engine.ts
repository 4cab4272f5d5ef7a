import type { Alternative } from './thesaurus-index.js';
import type { Prose } from './snippet.js';
import { STOP_WORDS, type Token, tokenize } from './text.js';

/** The searchable fields of a record, most telling first. */
export const FIELDS = ['title', 'peopleSay', 'keywords', 'summary', 'body'] as const;
export type Field = (typeof FIELDS)[number];

// BM25F: a field's weight multiplies its term frequency before saturation. The title, the vocabulary
// lists and the summary say what a record is about; the long body mentions much in passing. A title
// match counts more, but never forms a tier above every other match.
const WEIGHTS: Record<Field, number> = { title: 3, peopleSay: 2, keywords: 2, summary: 2, body: 0.5 };
const K1 = 1.2;
// Length normalisation per field (BM25F's b). Prose that runs longer mentions more in passing; a
// vocabulary list that runs longer lists more ways of saying the same thing, which should not make
// each of them count for less.
const LENGTH_NORMALISATION: Record<Field, number> = { title: 0.75, peopleSay: 0.25, keywords: 0.25, summary: 0.75, body: 0.75 };
// How strongly matching more of the query's concepts counts (1 = in proportion).
const COORDINATION = 2;
const FIELD_WEIGHTS = FIELDS.map((f) => WEIGHTS[f]);
const FIELD_B = FIELDS.map((f) => LENGTH_NORMALISATION[f]);
// The vocabulary lists hold whole phrases ("staying sober"): one of their words met alone in a
// query ("stay") says little, so a match there counts by the largest share of one phrase's
// meaningful words the query has.
const LISTS = (['peopleSay', 'keywords'] as const).map((f) => FIELDS.indexOf(f));
export const LIST_SEPARATOR = ' ; ';
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
}

/** An in-memory BM25F index over the records' stems. */
export class Engine {
  readonly docs: readonly SearchDocument[];
  private readonly fieldLengths: number[][] = [];
  private readonly proseOf: Prose[][] = [];
  /** stem → record → positions of the stem in each field (stop words not counted). */
  private readonly postings = new Map<string, Map<number, Positions>>();
  private readonly averageLength: number[];
  /** Per record, per vocabulary list (LISTS), the meaningful stems of each phrase. */
  private readonly phrasesOf: string[][][][] = [];

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
        for (const token of list) {
          // Stop words are indexed (a query made only of them is searched as typed) but do not
          // count towards a field's length or a phrase's positions.
          const position = STOP_WORDS.has(token.word) ? -1 : length++;
          let byDoc = this.postings.get(token.stem);
          if (!byDoc) this.postings.set(token.stem, (byDoc = new Map<number, Positions>()));
          let positions = byDoc.get(d);
          if (!positions) byDoc.set(d, (positions = FIELDS.map((): number[] => [])));
          (positions[f] as number[]).push(position);
        }
        totals[f] = (totals[f] ?? 0) + length;
        return length;
      });
      this.fieldLengths.push(lengths);
      this.phrasesOf.push(
        LISTS.map((f) =>
          doc.fields[FIELDS[f] ?? 'keywords']
            .split(LIST_SEPARATOR)
            .map((phrase) =>
              tokenize(phrase)
                .filter((t) => !STOP_WORDS.has(t.word))
                .map((t) => t.stem),
            )
            .filter((stems) => stems.length > 0),
        ),
      );
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

  /** Start positions per field of the stem sequence (a phrase: in order), in each record that has it. */
  private occurrences(stems: string[]): Map<number, Positions> {
    const out = new Map<number, Positions>();
    const lists: Map<number, Positions>[] = [];
    for (const s of stems) {
      const list = this.postings.get(s);
      if (!list) return out;
      lists.push(list);
    }
    const [first, ...rest] = lists;
    if (!first) return out;
    for (const [d, positions] of first) {
      if (rest.length === 0) {
        out.set(d, positions);
        continue;
      }
      const others: Positions[] = [];
      for (const list of rest) {
        const o = list.get(d);
        if (!o) break;
        others.push(o);
      }
      if (others.length < rest.length) continue;
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
  private near(a: string[], b: string[]): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const before = this.occurrences(a);
    if (before.size === 0) return out;
    for (const [d, after] of this.occurrences(b)) {
      const starts = before.get(d);
      if (!starts) continue;
      const tf = after.map((list, f) => {
        const from = starts[f] ?? [];
        return list.filter((q) => from.some((p) => p >= 0 && q - (p + a.length - 1) > 0 && q - (p + a.length - 1) <= PROXIMITY_WINDOW))
          .length;
      });
      if (tf.some((n) => n > 0)) out.set(d, tf);
    }
    return out;
  }

  private bm25f(tf: number[], doc: number, idf: number): number {
    let weighted = 0;
    const lengths = this.fieldLengths[doc];
    if (!lengths) throw new RangeError(`No record ${doc} in the search index.`);
    for (let i = 0; i < FIELD_WEIGHTS.length; i++) {
      const frequency = tf[i];
      // Hot loop: the weights, `lengths` and the averages all have one entry per field, so these
      // reads are in range; a check or fallback per read would only slow scoring down.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const b = FIELD_B[i]!;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      if (frequency) weighted += (FIELD_WEIGHTS[i]! * frequency) / (1 - b + (b * lengths[i]!) / this.averageLength[i]!);
    }
    return (idf * weighted * (K1 + 1)) / (K1 + weighted);
  }

  /** The largest share of one phrase's meaningful stems among `wanted`, in a record's k-th list. */
  private listCoverage(doc: number, k: number, wanted: Set<string>): number {
    let best = 0;
    for (const stems of this.phrasesOf[doc]?.[k] ?? []) {
      let found = 0;
      for (const s of stems) if (wanted.has(s)) found++;
      const share = found / stems.length;
      if (share > best) best = share;
    }
    return best;
  }

  /**
   * Scores every record matching at least one concept. A concept's alternatives count as one
   * term (as a search engine treats synonyms): per field the best weighted frequency counts, with one
   * idf, from the records that match any of them, so a rare synonym cannot outweigh the word
   * typed. The record's score is the sum over concepts times the share of concepts it matches
   * (coordination), so records matching more of the meaningful words rank first.
   */
  score(concepts: Concept[], allowed?: (doc: number) => boolean): Scored[] {
    const n = this.docs.length;
    const totals = new Map<number, { score: number; matched: number }>();
    const wanted = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
    for (const concept of concepts) {
      const combined = new Map<number, { tf: number[]; weight: number }>();
      for (const alt of concept.alternatives) {
        // Per field, the number of places the alternative starts is its term frequency.
        for (const [d, starts] of this.occurrences(alt.stems)) {
          if (allowed && !allowed(d)) continue;
          let c = combined.get(d);
          if (!c) combined.set(d, (c = { tf: FIELDS.map(() => 0), weight: 0 }));
          // Hot loop: `starts` and `c.tf` both have one entry per field.
          for (let i = 0; i < FIELDS.length; i++) {
            // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
            const v = starts[i]!.length * alt.weight;
            // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
            if (v > c.tf[i]!) c.tf[i] = v;
          }
          if (alt.weight > c.weight) c.weight = alt.weight;
        }
      }
      const idf = Math.log(1 + (n - combined.size + 0.5) / (combined.size + 0.5));
      for (const [d, c] of combined) {
        for (const [k, f] of LISTS.entries()) if (c.tf[f]) c.tf[f] *= this.listCoverage(d, k, wanted);
        const t = totals.get(d) ?? { score: 0, matched: 0 };
        t.score += this.bm25f(c.tf, d, idf);
        // A concept found only through a looser alternative, or only in passing in the body,
        // counts as partly matched: the other fields say what the record is about.
        t.matched += c.weight * (c.tf.some((v, i) => v > 0 && i !== BODY) ? 1 : BODY_ONLY);
        totals.set(d, t);
      }
    }
    for (let i = 1; i < concepts.length; i++) {
      const a = concepts[i - 1]?.alternatives[0]?.stems;
      const b = concepts[i]?.alternatives[0]?.stems;
      if (!a || !b) continue;
      const pairs = this.near(a, b);
      // Over the allowed records, as each concept's idf is.
      let found = 0;
      for (const d of pairs.keys()) if (!allowed || allowed(d)) found++;
      const idf = Math.log(1 + (n - found + 0.5) / (found + 0.5));
      for (const [d, tf] of pairs) {
        const t = totals.get(d);
        if (t && (!allowed || allowed(d))) t.score += PROXIMITY_WEIGHT * this.bm25f(tf, d, idf);
      }
    }
    const out: Scored[] = [];
    for (const [doc, t] of totals) out.push({ doc, score: t.score * (t.matched / concepts.length) ** COORDINATION });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
