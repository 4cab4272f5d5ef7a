import type { Scored } from './engine.js';

// A search should never end in nothing to do. When no record matches well — none at all, or none
// that has at least RELEVANCE_FLOOR of what the query says — the answer suggests where to go next:
// the topics (those the closest records belong to first) and the help directory. The results the
// words found are still returned; the suggestions come beside them.

/**
 * The share of the query's telling words (by idf, outside the body: `Scored.coverage`) the best
 * record must match for the search to count as answered: a third, so that a query of which no
 * record has even one word in three (a subject the content does not cover, with one of its
 * everyday words) is offered a way on.
 */
export const RELEVANCE_FLOOR = 1 / 3;

export type SuggestionReason = 'no-results' | 'weak-match';

// How many of the records found decide which topics come first.
const CLOSEST = 10;

/** Why the search should suggest where to go next, or null when some record matches well enough. */
export function suggestionReason(scored: readonly Scored[]): SuggestionReason | null {
  if (scored.length === 0) return 'no-results';
  for (const s of scored) if (s.coverage >= RELEVANCE_FLOOR) return null;
  return 'weak-match';
}

/**
 * Every topic (`topics`, in their own order), those most of the closest records found belong to
 * first; `topicsOf` holds each record's topics.
 */
export function topicsToSuggest(scored: readonly Scored[], topicsOf: readonly ReadonlySet<string>[], topics: readonly string[]): string[] {
  const votes = new Map<string, number>();
  for (const s of scored.slice(0, CLOSEST)) for (const t of topicsOf[s.doc] ?? []) votes.set(t, (votes.get(t) ?? 0) + 1);
  return topics
    .map((slug, i) => ({ slug, i, votes: votes.get(slug) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.i - b.i)
    .map((t) => t.slug);
}
