import { stemmer } from 'stemmer';
import { INVISIBLE_ALL } from '../content/characters.js';

// Control characters, including bidi overrides and isolates, carry no meaning in a search box:
// they are removed (src/content/characters.ts) before words are found.
const WORD = /[\p{L}\p{N}]+/gu;
const DIACRITICS = /\p{M}+/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

// Words that carry no topic: the glue of questions ("how can I…", "what is the…"). They are
// dropped from queries so that they never decide the ranking; a query made only of them is
// searched as typed. Contractions typed without the apostrophe ("dont") are glue like the ones
// with it, which split into two stop words ("don", "t").
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at be been being but by can cannot could did do does doing
   don done for from getting had has have having he her here hers him his how i if in into is it its
   just let like me might more most much must my myself no nor not now of on once only or our ours
   over own really same she should so some such than that the their theirs them then there these they this
   those through to too t s ll ve re m d us very was we were what when where which while who whom why will
   with won would you your yours yourself always ever still way ways thing things lot get gets got go goes
   going gone make makes made take takes something anything anyone someone whether else even
   dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent im ive youre theyre
   hes shes thats theres whats whos hows hasnt havent hadnt youve weve theyve youd theyd youll theyll
   ya tbh
   soon lately recently nowadays kinda sorta basically literally totally actually honestly seriously probably maybe quite`.split(/\s+/),
);

// First-person framing: "I feel like…", "feeling so…", "…anymore" say how a person puts it, not
// what they are going through, and nearly every record says "feel". A query drops them when it has
// other meaningful words; a vocabulary phrase is not counted as longer for having them.
export const FRAMING: ReadonlySet<string> = new Set(['feel', 'feels', 'feeling', 'felt', 'anymore', 'seem', 'seems', 'seemed']);

/** Lower-cased, compatibility-normalised, diacritics and control characters removed. */
export const normalise = (text: string): string =>
  text.normalize('NFKD').replace(DIACRITICS, '').normalize('NFKC').replace(INVISIBLE_ALL, ' ').toLowerCase();

// Stemming is the bulk of building the index; the content repeats its words, so each is stemmed once.
const stems = new Map<string, string>();
export const MAX_REMEMBERED = 50_000;

/** How many stems are remembered (for the test of the bound). */
export const rememberedStems = (): number => stems.size;

/** The stem a word is indexed and searched under (Porter); other scripts and digits as they are. */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = word.length > 2 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
    // Queries bring new words forever: stop remembering rather than grow without bound.
    if (stems.size < MAX_REMEMBERED) stems.set(word, out);
  }
  return out;
}

export interface Token {
  /** The word as normalised (lower case). */
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** The words of a text with their positions in the original string (for snippets). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Normalising can change lengths (ligatures, full-width forms); match on the original so
  // positions stay true, and normalise each word on its own.
  for (const m of text.replace(INVISIBLE_ALL, ' ').matchAll(WORD)) {
    // Plain ASCII words (nearly all of them) need no Unicode normalisation.
    const word = ASCII_WORD.test(m[0]) ? m[0].toLowerCase() : normalise(m[0]);
    if (word) out.push({ word, stem: stem(word), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Stems of a phrase's meaningful words, or of all its words when it has only stop words. */
export const phraseStems = (phrase: string): string[] => {
  const words = normalise(phrase).match(WORD) ?? [];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return (meaningful.length > 0 ? meaningful : words).map(stem);
};

export const wordsOf = (text: string): string[] => normalise(text).match(WORD) ?? [];
