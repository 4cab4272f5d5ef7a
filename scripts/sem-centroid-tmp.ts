import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SearchRepository } from '../src/repositories/search-repository.js';
import { FRAMING, STOP_WORDS, wordsOf } from '../src/search/text.js';
import { queryWords } from '../src/search/query.js';
import { loadQueries } from './search-eval/evaluate.js';
import { mean, score } from './search-eval/metrics.js';
const { vectors, rank } = JSON.parse(readFileSync('/tmp/sem/vec-sub.json', 'utf8')) as { vectors: Record<string, number[]>; rank: Record<string, number> };
const sqlite = new Database('/tmp/sem/grid.db', { readonly: true });
const rows = sqlite.prepare('select type, slug, title, keywords, people_say, summary, body from search_documents order by rowid').all() as Record<string, string>[];
const repo = new SearchRepository(sqlite);
const ok = (w: string) => /^[a-z]{3,}$/.test(w) && !STOP_WORDS.has(w) && !FRAMING.has(w);
const A = Number(process.env.SIF ?? '0.001');
const weightOf = (w: string) => { const r = rank[w] ?? 40000; const p = 1 / (r + 10); return A / (A + p * 10); };
const centroid = (words: string[], fieldW: number[] = []) => {
  const c = new Float64Array(100); let any = false;
  words.forEach((w, i) => { const v = vectors[w]; if (!v || !ok(w)) return; const k = weightOf(w) * (fieldW[i] ?? 1); any = true; for (let j = 0; j < 100; j++) c[j] += k * v[j]!; });
  const n = Math.hypot(...c); if (n > 0) for (let j = 0; j < 100; j++) c[j] /= n;
  return any ? c : null;
};
const bodyW = Number(process.env.BODYW ?? '0');
const recs = rows.map((r) => {
  const ws: string[] = []; const fw: number[] = [];
  const add = (t: string, k: number) => { for (const w of wordsOf(t)) { ws.push(w); fw.push(k); } };
  add(r.title!, 3); add((JSON.parse(r.keywords!) as string[]).join(' '), 1); add((JSON.parse(r.people_say!) as string[]).join(' '), 1); add(r.summary!, 1); if (bodyW > 0) add(r.body!, bodyW);
  return { id: `${r.type}/${r.slug}`, v: centroid(ws, fw)! };
});
const betas = (process.env.BETAS ?? '0,0.1,0.2,0.3,0.5').split(',').map(Number);
for (const set of (process.env.SETS ?? 'blind-c').split(',')) {
  const qs = loadQueries(resolve('test/search-eval', `${set}.json`));
  const res = betas.map(() => [] as ReturnType<typeof score>[]);
  const byKind = betas.map(() => new Map<string, ReturnType<typeof score>[]>());
  for (const q of qs) {
    const r = repo.search({ q: q.q, limit: 100, offset: 0 });
    const lex = new Map((r?.rows ?? []).map((x) => [`${x.type}/${x.slug}`, x.score]));
    const max = Math.max(1e-9, ...lex.values());
    const qv = centroid(queryWords(q.q));
    betas.forEach((b, i) => {
      const ranked = recs.map((d) => ({ id: d.id, s: (lex.get(d.id) ?? 0) / max + (qv ? b * d.v.reduce((s, x, j) => s + x * qv[j]!, 0) : 0) }))
        .filter((d) => b > 0 || lex.has(d.id)).sort((a, c) => c.s - a.s).map((d) => d.id);
      const sc = score(ranked.slice(0, 10), q.relevant); res[i]!.push(sc);
      const k = byKind[i]!; k.set(q.kind, [...(k.get(q.kind) ?? []), sc]);
    });
  }
  betas.forEach((b, i) => console.log(`${set} beta=${b} ndcg5=${mean(res[i]!).ndcg5.toFixed(3)} ${[...byKind[i]!].map(([k, v]) => `${k}:${mean(v).ndcg5.toFixed(2)}`).join(' ')}`));
}
