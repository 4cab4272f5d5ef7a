import type { Concept } from './engine.js';
import { FRAMING, STOP_WORDS, stem, wordsOf } from './text.js';
import type { Alternative, Thesaurus } from './thesaurus-index.js';
import type { Vocabulary } from './typo.js';

export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;
const MAX_COMPLETIONS = 12;
// A match through a completion of an unfinished last word, or through a spelling correction,
// counts less than one of the words as typed.
const COMPLETION_WEIGHT = 0.5;
const CORRECTION_WEIGHT = 0.7;
const PHRASE_WORD_WEIGHT = 0.5;
// Framing words (text.ts) are dropped when the query has other meaningful words, unless they
// belong to a phrase the thesaurus knows ("feel nothing"). A leading "stop" ("how do I stop…",
// "can I stop…") frames a wish the same way.
const LEADING_FRAMING: ReadonlySet<string> = new Set(['stop']);

export interface CompiledQuery {
  concepts: Concept[];
  /** The query with misspelt words replaced, when any was; else null. */
  corrected: string | null;
  /** Every stem a match may show, for marking snippets. */
  highlight: Set<string>;
}

export interface QueryContext {
  has(stem: string): boolean;
  thesaurus: Thesaurus;
  vocabulary: Vocabulary;
  /** Words the query's intent stands for ("help" in "how do I help my son"), dropped like framing. */
  framing?: ReadonlySet<string>;
}

// Short forms people type in messages, read as the words they stand for before anything else,
// so that "ppl" meets the "people" of a phrase. Only forms with one reading.
const SHORT_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    ppl: ['people'],
    bf: ['boyfriend'],
    gf: ['girlfriend'],
    yr: ['year'],
    yrs: ['years'],
    thru: ['through'],
    tho: ['though'],
    bc: ['because'],
    bcos: ['because'],
    cuz: ['because'],
    coz: ['because'],
    idk: ['dont', 'know'],
    pls: ['please'],
    plz: ['please'],
    rn: ['right', 'now'],
    u: ['you'],
    ur: ['your'],
    r: ['are'],
  }),
);

/** The words of a user's query, normalised, short forms spelt out; empty when there is no searchable word. */
export function queryWords(q: string): string[] {
  return wordsOf(q)
    .flatMap((w) => SHORT_FORMS.get(w) ?? [w])
    .slice(0, MAX_WORDS);
}

/**
 * Turns the query into concepts: one per meaningful word (stop words dropped unless nothing else
 * is left), each with its word forms, thesaurus equivalents, completions (the last word, as people
 * search while typing) and, for a word no record uses, its likely correction. A multi-word
 * phrase the thesaurus knows ("trouble naming feelings" → alexithymia) is one concept.
 */
export function compileQuery(words: string[], context: QueryContext): CompiledQuery {
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  const used = meaningful.length > 0 ? meaningful : words;
  const stems = used.map(stem);
  const concepts: Concept[] = [];
  const corrected = [...used];
  let correctedAny = false;

  // Phrases the thesaurus knows, longest first and not overlapping, each become one concept in
  // place of their words, so a phrase does not count once as itself and again word by word.
  const phraseAt = new Map<number, { length: number; expansions: Alternative[] }>();
  const covered = new Set<number>();
  for (let length = Math.min(context.thesaurus.maxSpan, stems.length); length >= 2; length--) {
    for (let i = 0; i + length <= stems.length; i++) {
      if (Array.from({ length }, (_, k) => i + k).some((k) => covered.has(k))) continue;
      const expansions = context.thesaurus.expand(stems.slice(i, i + length));
      if (expansions.length === 0) continue;
      phraseAt.set(i, { length, expansions });
      for (let k = i; k < i + length; k++) covered.add(k);
    }
  }
  for (const [i, { length, expansions }] of phraseAt) {
    const span = stems.slice(i, i + length);
    // A record with only some of the phrase's words still matches, for less.
    const words = span.map((s) => ({ stems: [s], weight: PHRASE_WORD_WEIGHT }));
    concepts.push({ at: i, alternatives: [{ stems: span, weight: 1 }, ...expansions, ...words] });
  }

  const framing = (i: number) =>
    (FRAMING.has(used[i] ?? '') || context.framing?.has(used[i] ?? '') === true || (i === 0 && LEADING_FRAMING.has(used[i] ?? ''))) &&
    !covered.has(i);
  const framed = used.some((_, i) => !framing(i));
  used.forEach((word, i) => {
    if (covered.has(i) || (framed && framing(i))) return;
    // stems[i] is stem(word), computed once above; the fallback only satisfies the index check.
    const wordStem = stems[i] ?? stem(word);
    const alternatives: Alternative[] = [{ stems: [wordStem], weight: 1 }, ...context.thesaurus.expand([wordStem])];
    // Only the word typed last may be unfinished.
    const last = i === used.length - 1 && word === words.at(-1);
    const completions = last ? context.vocabulary.completions(word, MAX_COMPLETIONS) : [];
    for (const c of completions) alternatives.push({ stems: [stem(c)], weight: COMPLETION_WEIGHT });
    if (!context.has(wordStem) && alternatives.length === 1) {
      const fix = context.vocabulary.correct(word);
      if (fix) {
        alternatives.push(
          { stems: [stem(fix)], weight: CORRECTION_WEIGHT },
          ...context.thesaurus.expand([stem(fix)]).map((a) => ({ ...a, weight: a.weight * CORRECTION_WEIGHT })),
        );
        corrected[i] = fix;
        correctedAny = true;
      }
    }
    concepts.push({ at: i, alternatives });
  });
  // In the order typed, so that neighbouring words can be found near each other in a record.
  concepts.sort((a, b) => a.at - b.at);

  const highlight = new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
  return { concepts, corrected: correctedAny ? corrected.join(' ') : null, highlight };
}
