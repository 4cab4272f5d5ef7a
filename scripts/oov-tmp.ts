import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildStore } from '../src/seed/build.js';
import { STOP_WORDS, stem, wordsOf } from '../src/search/text.js';
import { queryWords } from '../src/search/query.js';
const storePath = '/tmp/sem/store.db';
buildStore({ seedDir: '/work/wt-semantic/seed', migrationsDir: '/work/wt-semantic/migrations', storePath });
const sqlite = new Database(storePath, { readonly: true });
const rows = sqlite.prepare('select title, keywords, people_say, summary, body from search_documents').all() as Record<string, string>[];
const df = new Map<string, number>();
for (const r of rows) for (const s of new Set(Object.values(r).flatMap(wordsOf).map(stem))) df.set(s, (df.get(s) ?? 0) + 1);
const nb = JSON.parse(readFileSync(process.argv[2]!, 'utf8')).neighbours;
const qs = JSON.parse(readFileSync(`/work/wt-semantic/test/search-eval/${process.argv[3]}.json`, 'utf8')).queries;
for (const q of qs) {
  const ws = queryWords(q.q).filter((w) => !STOP_WORDS.has(w));
  const info = ws.map((w) => `${w}(${df.get(stem(w)) ?? 0})${df.has(stem(w)) ? '' : '→' + (nb[w] ?? '-').split(' ').filter((_: string, i: number) => i % 2 === 0).slice(0, 4).join(',')}`);
  console.log(q.kind.padEnd(10), info.join(' '));
}
