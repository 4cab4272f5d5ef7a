import { resolve } from 'node:path';
import { buildStore } from '../src/seed/build.js';
import { projectEngine } from './search-eval/engines.js';
import { evaluate, loadQueries } from './search-eval/evaluate.js';
import { SEM } from '../src/search/query.js';
const storePath = '/tmp/sem/grid.db';
buildStore({ seedDir: resolve('seed'), migrationsDir: resolve('migrations'), storePath });
const sets = (process.env.SETS ?? 'blind-c').split(',');
const configs: string[] = JSON.parse(process.env.CONFIGS ?? '[]');
const show = process.env.SHOW === '1';
for (const set of sets) {
  const qs = loadQueries(resolve('test/search-eval', `${set}.json`));
  SEM.weight = 0;
  SEM.df = -1;
  const e = projectEngine(storePath);
  const base = evaluate(e, qs);
  console.log(`${set} base ${base.overall.ndcg5.toFixed(3)} ${Object.entries(base.byKind).map(([k, v]) => `${k}:${v.ndcg5.toFixed(2)}`).join(' ')}`);
  for (const c of configs) {
    const [df, w, th, top] = c.split(' ').map(Number);
    Object.assign(SEM, { df, weight: w, threshold: th, top });
    const r = evaluate(e, qs);
    console.log(`${set} ${c.padEnd(18)} ${r.overall.ndcg5.toFixed(3)} (${(r.overall.ndcg5 - base.overall.ndcg5 >= 0 ? '+' : '') + (r.overall.ndcg5 - base.overall.ndcg5).toFixed(3)}) ${Object.entries(r.byKind).map(([k, v]) => `${k}:${v.ndcg5.toFixed(2)}`).join(' ')}`);
    if (show) r.perQuery.forEach((p, i) => {
      const b = base.perQuery[i]!;
      if (Math.abs(p.scores.ndcg5 - b.scores.ndcg5) > 0.05) console.log(`   ${(p.scores.ndcg5 - b.scores.ndcg5).toFixed(2).padStart(6)} ${b.scores.ndcg5.toFixed(2)}→${p.scores.ndcg5.toFixed(2)} "${p.q}"`);
    });
  }
  e.close();
}
