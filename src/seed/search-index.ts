import { sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { CONTENT_TYPES } from '../content/types.js';
import { expansionsFor } from '../content/synonyms.js';
import { markdownToText } from '../render/markdown.js';
import type { SeedContent } from './load.js';

type Tx = BaseSQLiteDatabase<'sync', unknown, Record<string, unknown>>;

const WORD = /[\p{L}\p{N}]+/gu;

/** Fills the full-text index and the typo dictionary while the store is built. */
export function indexForSearch(tx: Tx, content: SeedContent): void {
  const documentsPerTerm = new Map<string, number>();
  const add = (type: string, slug: string, title: string, keywords: string[], summary: string, bodyMarkdown: string) => {
    const body = markdownToText(bodyMarkdown);
    const all = [title, ...keywords, summary, body].join(' ');
    const extra = [...keywords, ...expansionsFor(all)].join(' ; ');
    tx.run(sql`insert into search_index (type, slug, title, keywords, summary, body) values (${type}, ${slug}, ${title}, ${extra}, ${summary}, ${body})`);
    const terms = new Set((`${all} ${extra}`.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3));
    for (const term of terms) documentsPerTerm.set(term, (documentsPerTerm.get(term) ?? 0) + 1);
  };
  for (const t of content.topics) add('topic', t.slug, t.data.title, t.data.keywords, t.data.summary, `${t.data.definition}\n\n${t.body}`);
  for (const { collection, type } of CONTENT_TYPES) {
    for (const r of content.records[collection]) add(type, r.slug, r.data.title, r.data.keywords, r.data.summary, r.body);
  }
  for (const [term, documents] of documentsPerTerm) tx.run(sql`insert into search_terms (term, documents) values (${term}, ${documents})`);
}
