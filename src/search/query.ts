import { synonymsOf } from '../content/synonyms.js';

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;
const WORD = /[\p{L}\p{N}]+/gu;
// Control characters, including bidi overrides and isolates, carry no meaning in a search box.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The words of a user's query: normalised, lower-cased, punctuation and FTS syntax dropped. */
export function queryTerms(q: string): string[] {
  const words = q.normalize('NFKC').replace(CONTROL, ' ').toLowerCase().match(WORD) ?? [];
  return words.slice(0, MAX_TERMS);
}

const quote = (phrase: string) => `"${phrase.replace(/"/g, '""')}"`;
const phraseOf = (text: string) => (text.toLowerCase().match(WORD) ?? []).join(' ');

/**
 * An FTS5 MATCH expression built only from quoted terms, so user input can never be read as FTS
 * syntax. Each term also matches its acronym/spelling synonyms. The last term also matches as a
 * prefix, because people search as they type; `completions` lists whole words it may be the
 * start of, since the stemmed index cannot match a prefix of a word's unstemmed form
 * ("mindf" → mindfulness is indexed as "mind").
 */
export function ftsExpression(terms: string[], options: { mode?: 'all' | 'any'; completions?: string[] } = {}): string {
  const parts = terms.map((term, i) => {
    const last = i === terms.length - 1;
    const alternatives = [quote(term), ...synonymsOf(term).map((s) => quote(phraseOf(s)))];
    if (last && term.length >= 2) alternatives.push(`${quote(term)}*`, ...(options.completions ?? []).map(quote));
    return alternatives.length > 1 ? `(${[...new Set(alternatives)].join(' OR ')})` : alternatives[0]!;
  });
  return parts.join(options.mode === 'any' ? ' OR ' : ' AND ');
}
