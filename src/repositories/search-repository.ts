import type Database from 'better-sqlite3';
import { ftsExpression, queryTerms } from '../search/query.js';
import { Vocabulary } from '../search/typo.js';

export interface SearchQuery {
  q: string;
  types?: string[];
  topics?: string[];
  limit: number;
  offset: number;
}

export interface SearchRow {
  type: string;
  slug: string;
  score: number;
  /** Best-matching passage; \u0001 and \u0002 mark where each match starts and ends. */
  snippet: string;
}

export interface SearchResult {
  rows: SearchRow[];
  total: number;
  /** The query actually run when the typo fallback replaced misspelt words, else null. */
  correctedQuery: string | null;
}

// The exact search is "enough" from this many hits; below it the typo fallback may take over.
const ENOUGH_HITS = 3;
const MAX_COMPLETIONS = 12;

const FILTERS = `
   where search_index match @match
     and (@types is null or type in (select value from json_each(@types)))
     and (@topics is null
          or (type = 'topic' and slug in (select value from json_each(@topics)))
          or exists (select 1 from record_topics rt
                      where rt.record_type = search_index.type and rt.record_slug = search_index.slug
                        and rt.topic_slug in (select value from json_each(@topics))))`;

// Column weights for bm25: type and slug are not searched; a title match outweighs a keyword
// match, which outweighs the summary and then the body. (FTS5 auxiliary functions cannot share
// a query with window functions, so the total is counted separately.)
const PAGE_SQL = `
  select type, slug,
         rowid in (select rowid from search_index where search_index match @titleMatch) as titleHit,
         bm25(search_index, 0, 0, 10.0, 6.0, 3.0, 1.0) as rank,
         snippet(search_index, -1, char(1), char(2), '…', 16) as snippet
    from search_index ${FILTERS}
   order by titleHit desc, rank, type, slug
   limit @limit offset @offset`;
const COUNT_SQL = `select count(*) as total from search_index ${FILTERS}`;

/** Full-text search over the index the store build wrote (SQLite FTS5). */
export class SearchRepository {
  private readonly page: Database.Statement;
  private readonly count: Database.Statement;
  private readonly vocabulary: Vocabulary;

  constructor(sqlite: Database.Database) {
    this.page = sqlite.prepare(PAGE_SQL);
    this.count = sqlite.prepare(COUNT_SQL);
    this.vocabulary = new Vocabulary(sqlite.prepare('select term, documents from search_terms').all() as { term: string; documents: number }[]);
  }

  /** Undefined when the query has no searchable word at all. */
  search(query: SearchQuery): SearchResult | undefined {
    const terms = queryTerms(query.q);
    if (terms.length === 0) return undefined;
    const completions = this.vocabulary.completions(terms.at(-1)!, MAX_COMPLETIONS);
    const exact = this.run(ftsExpression(terms, { completions }), query);
    if (exact.total >= ENOUGH_HITS) return { ...exact, correctedQuery: null };

    // The last word may be unfinished: it is only corrected when no known word starts with it.
    const corrected = terms.map((t, i) => (i === terms.length - 1 && completions.length > 0 ? t : (this.vocabulary.correct(t) ?? t)));
    if (corrected.some((t, i) => t !== terms[i])) {
      const fixed = this.run(ftsExpression(corrected, { completions: this.vocabulary.completions(corrected.at(-1)!, MAX_COMPLETIONS) }), query);
      if (fixed.total > exact.total) return { ...fixed, correctedQuery: corrected.join(' ') };
    }
    if (terms.length > 1) {
      // No record has every word: rank records by how well they match any of them.
      const relaxed = this.run(ftsExpression(corrected, { mode: 'any', completions }), query);
      if (relaxed.total > exact.total) return { ...relaxed, correctedQuery: null };
    }
    return { ...exact, correctedQuery: null };
  }

  private run(match: string, query: SearchQuery): Omit<SearchResult, 'correctedQuery'> {
    const filters = {
      match,
      types: query.types ? JSON.stringify(query.types) : null,
      topics: query.topics ? JSON.stringify(query.topics) : null,
    };
    const { total } = this.count.get(filters) as { total: number };
    if (total === 0) return { total, rows: [] };
    // A record whose title matches always ranks above one that matches only in its text.
    const titleMatch = `title : (${match})`;
    const rows = this.page.all({ ...filters, titleMatch, limit: query.limit, offset: query.offset }) as {
      type: string;
      slug: string;
      titleHit: number;
      rank: number;
      snippet: string;
    }[];
    return {
      total,
      rows: rows.map((r) => ({ type: r.type, slug: r.slug, score: Math.round((r.titleHit * 100 - r.rank) * 1000) / 1000, snippet: r.snippet })),
    };
  }
}
