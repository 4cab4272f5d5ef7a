import type Database from 'better-sqlite3';
import { Engine, LIST_SEPARATOR, type SearchDocument } from '../search/engine.js';
import { detectIntent, type Intent } from '../search/intent.js';
import { compileQuery, queryWords } from '../search/query.js';
import { type RecordFacts, rerank } from '../search/rerank.js';
import { snippet } from '../search/snippet.js';
import { type SuggestionReason, suggestionReason, topicsToSuggest } from '../search/suggestions.js';
import { wordsOf } from '../search/text.js';
import { Thesaurus } from '../search/thesaurus-index.js';
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
  /** Best-matching passage of the record's prose; \u0001 and \u0002 mark each match. */
  snippet: string;
}

export interface SearchResult {
  rows: SearchRow[];
  total: number;
  /** The query as understood when misspelt words were corrected, else null. */
  correctedQuery: string | null;
  /** What the query asks for, when one of the intent cues matched (src/search/intent.ts). */
  intent: Intent | null;
  /**
   * When no record matches well (src/search/suggestions.ts): why, and every topic's slug, those
   * the closest records belong to first. Null when the search found a good match.
   */
  suggestions: { reason: SuggestionReason; topics: string[] } | null;
}

interface DocumentRow {
  type: string;
  slug: string;
  title: string;
  keywords: string;
  people_say: string;
  summary: string;
  body: string;
}

// One thesaurus for the process: it is code, not content, so every store shares it.
const thesaurus = new Thesaurus();

/**
 * Ranked search over the records the store build wrote to `search_documents`, indexed in memory
 * (BM25F over stems with field weights, stop words dropped, query expansion
 * through the thesaurus): each query costs a few map look-ups, never a database round trip.
 */
export class SearchRepository {
  private built?: {
    engine: Engine;
    vocabulary: Vocabulary;
    topicsOf: Set<string>[];
    facts: RecordFacts[];
    byId: Map<string, number>;
    /** The topics' slugs, in the store's order. */
    topicSlugs: string[];
  };

  // The index is built on the first search, not when the store opens: start-up and store swaps
  // stay quick, and a process that is never asked to search never pays for it.
  constructor(private readonly sqlite: Database.Database) {}

  private index() {
    if (this.built) return this.built;
    const rows = this.sqlite
      .prepare('select type, slug, title, keywords, people_say, summary, body from search_documents order by rowid')
      .all() as DocumentRow[];
    const docs: SearchDocument[] = rows.map((r) => ({
      type: r.type,
      slug: r.slug,
      fields: {
        title: r.title,
        peopleSay: (JSON.parse(r.people_say) as string[]).join(LIST_SEPARATOR),
        keywords: (JSON.parse(r.keywords) as string[]).join(LIST_SEPARATOR),
        summary: r.summary,
        body: r.body,
      },
    }));

    const documentsPerWord = new Map<string, number>();
    for (const d of docs) {
      const words = new Set(
        Object.values(d.fields)
          .flatMap(wordsOf)
          .filter((w) => w.length >= 3),
      );
      for (const w of words) documentsPerWord.set(w, (documentsPerWord.get(w) ?? 0) + 1);
    }

    const links = this.sqlite.prepare('select record_type as type, record_slug as slug, topic_slug as topic from record_topics').all() as {
      type: string;
      slug: string;
      topic: string;
    }[];
    const byRecord = new Map<string, Set<string>>();
    for (const l of links) byRecord.set(`${l.type}/${l.slug}`, (byRecord.get(`${l.type}/${l.slug}`) ?? new Set()).add(l.topic));

    const byId = new Map(docs.map((d, i) => [`${d.type}/${d.slug}`, i]));
    this.built = {
      engine: new Engine(docs),
      facts: this.factsOf(docs),
      byId,
      topicSlugs: docs.filter((d) => d.type === 'topic').map((d) => d.slug),
      vocabulary: new Vocabulary([...documentsPerWord].map(([term, documents]) => ({ term, documents }))),
      topicsOf: docs.map((d) => (d.type === 'topic' ? new Set([d.slug]) : (byRecord.get(`${d.type}/${d.slug}`) ?? new Set()))),
    };
    return this.built;
  }

  /** What ranking needs beside the words: each record's type and facet (a sign's kind). */
  private factsOf(docs: SearchDocument[]): RecordFacts[] {
    const kinds = new Map(
      (this.sqlite.prepare('select slug, kind from signs').all() as { slug: string; kind: string }[]).map((r) => [r.slug, r.kind]),
    );
    return docs.map((d) => {
      const kind = d.type === 'sign' ? kinds.get(d.slug) : undefined;
      return { type: d.type, facet: kind ? `sign:${kind}` : null };
    });
  }

  /** Undefined when the query has no searchable word at all. */
  search(query: SearchQuery): SearchResult | undefined {
    const words = queryWords(query.q);
    if (words.length === 0) return undefined;
    const { engine, vocabulary, topicsOf, facts, byId, topicSlugs } = this.index();
    const intent = detectIntent(query.q);
    const compiled = compileQuery(words, { has: (s) => engine.has(s), thesaurus, vocabulary, framing: intent.rule?.framing });
    const types = query.types && new Set(query.types);
    const topics = query.topics;
    // d is always a record of this index, so both lookups find it.
    const allowed =
      types || topics
        ? (d: number) => (!types || types.has(engine.docs[d]?.type ?? '')) && (!topics || topics.some((t) => topicsOf[d]?.has(t)))
        : undefined;
    const scored = rerank(engine.score(compiled.concepts, allowed), { rule: intent.rule, facts, byId, allowed });
    const rows = scored.slice(query.offset, query.offset + query.limit).map(({ doc, score }) => {
      const { type, slug } = engine.document(doc);
      return { type, slug, score: Math.round(score * 1000) / 1000, snippet: snippet(engine.prose(doc), compiled.highlight) };
    });
    const reason = suggestionReason(scored);
    return {
      rows,
      total: scored.length,
      correctedQuery: compiled.corrected,
      intent: intent.intent,
      suggestions: reason && { reason, topics: topicsToSuggest(scored, topicsOf, topicSlugs) },
    };
  }
}
