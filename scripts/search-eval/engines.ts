import MiniSearch from 'minisearch';
import Database from 'better-sqlite3';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { markdownToText } from '../../src/render/markdown.js';
import { SearchRepository } from '../../src/repositories/search-repository.js';
import type { SeedContent } from '../../src/seed/load.js';

/** A search engine under evaluation: the ids (type/slug) of its first `limit` results. */
export interface Engine {
  name: string;
  search(q: string, limit: number): string[];
  close(): void;
}

/** The project's own search, run in process on a built store (no HTTP, no cache). */
export function projectEngine(storePath: string): Engine {
  const sqlite = new Database(storePath, { readonly: true });
  const repository = new SearchRepository(sqlite);
  return {
    name: 'this API',
    search: (q, limit) => (repository.search({ q, limit, offset: 0 })?.rows ?? []).map((r) => `${r.type}/${r.slug}`),
    close: () => sqlite.close(),
  };
}

interface Doc {
  id: string;
  title: string;
  keywords: string;
  summary: string;
  body: string;
}

/** MiniSearch over the same records and fields, with its default fuzzy and prefix settings. */
export function miniSearchEngine(content: SeedContent): Engine {
  const docs: Doc[] = [];
  // The vocabulary lists (keywords and what people say) go in one field: MiniSearch gets the
  // same words to work with, weighted by its defaults.
  const add = (id: string, data: { title: string; summary: string; keywords: string[]; peopleSay: string[] }, body: string) =>
    docs.push({
      id,
      title: data.title,
      keywords: [...data.keywords, ...data.peopleSay].join(' ; '),
      summary: data.summary,
      body: markdownToText(body),
    });
  for (const t of content.topics) add(`topic/${t.slug}`, t.data, `${t.data.definition}\n\n${t.body}`);
  for (const { collection, type } of CONTENT_TYPES) {
    for (const r of content.records[collection]) add(`${type}/${r.slug}`, r.data, r.body);
  }
  const index = new MiniSearch<Doc>({ fields: ['title', 'keywords', 'summary', 'body'], searchOptions: { fuzzy: 0.2, prefix: true } });
  index.addAll(docs);
  return {
    name: 'MiniSearch',
    search: (q, limit) =>
      index
        .search(q)
        .slice(0, limit)
        .map((r) => String(r.id)),
    close: () => undefined,
  };
}
