// Search evaluation: nDCG@5, MRR@10 and success@3 per kind of query, this API beside MiniSearch
// on the same records, plus in-process time per query with every query distinct.
//   npm run search:eval                 the whole judged set
//   npm run search:eval -- --subset 2   two queries per kind (the CI smoke run)
//   npm run search:eval -- --set held-out   the held-out set (test/search-eval/held-out.json)
//   npm run search:eval -- --set fresh      the fresh blind set (test/search-eval/fresh.json)
//   npm run search:eval -- --misses     also list the queries scoring under 0.6 nDCG@5
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/seed/build.js';
import { loadSeed } from '../../src/seed/load.js';
import { miniSearchEngine, projectEngine } from './engines.js';
import { KINDS, type Report, distinctQueries, evaluate, loadQueries, subset, time } from './evaluate.js';

const { values } = parseArgs({
  options: {
    // A judged set under test/search-eval/, by name: queries, held-out or fresh.
    set: { type: 'string', default: 'queries' },
    subset: { type: 'string' },
    misses: { type: 'boolean' },
    timing: { type: 'string', default: '500' },
  },
});
const seedDir = resolve(PROJECT_ROOT, 'seed');
const dir = mkdtempSync(join(tmpdir(), 'search-eval-'));
try {
  const storePath = join(dir, 'content.db');
  buildStore({ seedDir, migrationsDir: resolve(PROJECT_ROOT, 'migrations'), storePath });
  const content = loadSeed(seedDir);
  const all = loadQueries(resolve(PROJECT_ROOT, 'test/search-eval', `${basename(values.set)}.json`));
  const queries = values.subset ? subset(all, Number(values.subset)) : all;
  const engines = [projectEngine(storePath), miniSearchEngine(content)];
  const reports = engines.map((e) => evaluate(e, queries));
  const [project] = reports;
  if (!project) throw new Error('no engine was evaluated');

  const f = (n: number) => n.toFixed(2);
  const row = (label: string, pick: (r: Report) => { ndcg5: number; mrr10: number; success3: number; queries: number } | undefined) => {
    const cells = reports.map((r) => pick(r)).map((s) => (s ? `${f(s.ndcg5)}  ${f(s.mrr10)}  ${f(s.success3)}` : '   —'));
    const n = pick(project)?.queries ?? 0;
    console.log(`${label.padEnd(12)} ${String(n).padStart(3)}   ${cells.map((c) => c.padEnd(18)).join('   ')}`);
  };
  console.log(`${''.padEnd(12)}   n   ${reports.map((r) => r.engine.padEnd(18)).join('   ')}`);
  console.log(`${''.padEnd(18)}${reports.map(() => 'nDCG@5 MRR@10 S@3'.padEnd(21)).join('')}`);
  for (const kind of KINDS) row(kind, (r) => r.byKind[kind]);
  row('overall', (r) => r.overall);

  if (values.misses) {
    for (const p of project.perQuery.filter((p) => p.scores.ndcg5 < 0.6)) {
      console.log(`  ${p.kind.padEnd(11)} ${f(p.scores.ndcg5)}  "${p.q}" → ${p.top.slice(0, 5).join(', ')}`);
    }
  }

  const texts = [...content.topics, ...Object.values(content.records).flat()].map((r) => `${r.data.title} ${r.data.summary}`);
  const distinct = distinctQueries(all, texts, Number(values.timing));
  console.log(`\nin-process time per query, ${distinct.length} distinct queries (ms):`);
  for (const e of engines) {
    e.search('warm up', 10);
    const t = time(e, distinct);
    console.log(`  ${t.engine.padEnd(12)} p50 ${t.p50.toFixed(3)}   p90 ${t.p90.toFixed(3)}   p99 ${t.p99.toFixed(3)}`);
  }
  engines.forEach((e) => e.close());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
