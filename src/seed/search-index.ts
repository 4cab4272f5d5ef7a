import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Registry } from '../content/registry.js';
import { searchDocuments } from '../db/schema.js';
import { markdownToText } from '../render/markdown.js';
import type { SeedContent } from './load.js';

type Tx = BaseSQLiteDatabase<'sync', unknown, Record<string, unknown>>;

interface Indexable {
  title: string;
  summary: string;
  keywords: string[];
  peopleSay: string[];
}

/** Writes what search indexes: each record's text as plain prose and its vocabulary lists. */
export function indexForSearch(tx: Tx, content: SeedContent, registry: Registry): void {
  const add = (type: string, slug: string, data: Indexable, bodyMarkdown: string) => {
    tx.insert(searchDocuments)
      .values({
        type,
        slug,
        title: data.title,
        keywords: data.keywords,
        peopleSay: data.peopleSay,
        summary: data.summary,
        body: markdownToText(bodyMarkdown),
      })
      .run();
  };
  for (const t of content.topics) add('topic', t.slug, t.data, `${t.data.definition}\n\n${t.body}`);
  for (const { collection, type } of registry) {
    for (const r of content.records[collection as keyof SeedContent['records']]) add(type, r.slug, r.data, r.body);
  }
}
