import { collectionOfType } from '../content/types.js';
import type { ContentRecord, ContentRepository, Topic } from '../repositories/content-repository.js';
import type { SearchQuery, SearchRepository, SearchResult, SearchRow } from '../repositories/search-repository.js';
import { type CrisisDetection, detectCrisis } from '../safety/crisis-detection.js';
import type { SuggestionReason } from '../search/suggestions.js';

// What a search finds, before it is written as JSON (/v1/search) or as a page for people
// (/search): both are renderings of this one answer, so they cannot disagree about risk, ranking,
// correction or suggestions.

/** A ranked row with the topic or record it names. */
export interface FoundHit extends SearchRow {
  item: Topic | ContentRecord;
}

export interface SearchAnswer extends Pick<SearchResult, 'total' | 'correctedQuery' | 'intent'> {
  /** Whether the query suggests the reader may be at risk; then help comes before any result. */
  crisis: CrisisDetection;
  hits: FoundHit[];
  /** When no record matches well: why, and the topics to start from (those nearest the query first). */
  suggestions: { reason: SuggestionReason; topics: Topic[] } | null;
}

export interface SearchSources {
  search: SearchRepository;
  content: ContentRepository;
}

/** The answer to a search; undefined when the query has no word to search for. */
export function answerSearch(sources: SearchSources, query: SearchQuery): SearchAnswer | undefined {
  // Detected from the query alone, so a query that matches no record still carries help.
  const crisis = detectCrisis(query.q);
  const result = sources.search.search(query);
  if (!result) return undefined;
  return {
    crisis,
    hits: result.rows.map((row) => ({ ...row, item: itemOf(sources.content, row.type, row.slug) })),
    total: result.total,
    correctedQuery: result.correctedQuery,
    intent: result.intent,
    suggestions: result.suggestions && {
      reason: result.suggestions.reason,
      topics: result.suggestions.topics.map((slug) => topicOf(sources.content, slug)),
    },
  };
}

function itemOf(content: ContentRepository, type: string, slug: string): Topic | ContentRecord {
  if (type === 'topic') return topicOf(content, slug);
  const collection = collectionOfType(type);
  const record = collection && content.get(collection, slug);
  if (!record) throw unindexed(type, slug);
  return record;
}

function topicOf(content: ContentRepository, slug: string): Topic {
  const topic = content.getTopic(slug);
  if (!topic) throw unindexed('topic', slug);
  return topic;
}

// The index is built from the same store it is read with, so a hit always has its record.
const unindexed = (type: string, slug: string) =>
  new Error(`The search index found ${type} "${slug}", which the content store does not have.`);
