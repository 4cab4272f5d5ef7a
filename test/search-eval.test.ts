import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { miniSearchEngine, projectEngine } from '../scripts/search-eval/engines.js';
import { KINDS, distinctQueries, evaluate, loadQueries, subset, time } from '../scripts/search-eval/evaluate.js';
import { ndcgAt, reciprocalRankAt, successAt } from '../scripts/search-eval/metrics.js';
import { CONTENT_REGISTRY } from '../src/content/registry.js';
import { buildStore } from '../src/seed/build.js';
import { loadSeed } from '../src/seed/load.js';
import { MIGRATIONS_DIR, SEED_DIR } from './helpers/store.js';

// The evaluation is not a test of quality (its figures are reported in docs/search-eval.md, with no
// threshold here); CI runs it on a small subset so that `npm run search:eval` cannot rot.

t.test('the measures', async (t) => {
  const judged = { 'a/x': 2, 'a/y': 1 };
  t.equal(ndcgAt(5, ['a/x', 'a/y'], judged), 1, 'ideal order');
  t.ok(ndcgAt(5, ['a/y', 'a/x'], judged) < 1, 'swapped grades score less');
  t.equal(ndcgAt(5, ['a/z'], judged), 0);
  t.equal(reciprocalRankAt(10, ['a/z', 'a/y'], judged), 0.5);
  t.equal(successAt(3, ['a/z', 'a/z', 'a/z', 'a/x'], judged), 0, 'past the cut-off');
});

const SETS = ['queries', 'held-out', 'fresh', 'blind-c', 'blind-d', 'blind-e'];
const setPath = (set: string) => join(SEED_DIR, '..', 'test', 'search-eval', `${set}.json`);
// Every judged query of every set, for the smoke run that covers each kind.
const allJudged = () => SETS.flatMap((set) => loadQueries(setPath(set)));

t.test('the judged sets: each kind a set has, at least 10 times; every judged record exists', async (t) => {
  t.ok(loadQueries().length >= 60, 'the main set has at least 60 queries');
  t.ok(loadQueries(setPath('blind-c')).length >= 60, 'the everyday set (blind C) has at least 60 queries');
  const all = allJudged();
  for (const kind of KINDS)
    t.ok(
      all.some((q) => q.kind === kind),
      `${kind}: judged in some set`,
    );
  // The two sets the figures are reported by kind for; held-out and fresh are smaller confirmations.
  for (const set of ['queries', 'blind-c', 'blind-d', 'blind-e']) {
    const queries = loadQueries(setPath(set));
    for (const kind of new Set(queries.map((q) => q.kind)))
      t.ok(queries.filter((q) => q.kind === kind).length >= 10, `${set}, ${kind}: at least 10`);
  }
  const content = loadSeed(SEED_DIR);
  const known = new Set([
    ...content.topics.map((x) => `topic/${x.slug}`),
    ...Object.entries(content.records).flatMap(([c, rs]) => rs.map((r) => `${c}:${r.slug}`)),
  ]);
  const typeOf: Record<string, string> = Object.fromEntries(CONTENT_REGISTRY.map((c) => [c.type, c.collection]));
  for (const q of all) {
    for (const id of Object.keys(q.relevant)) {
      const [type, slug] = id.split('/') as [string, string];
      t.ok(type === 'topic' ? known.has(id) : known.has(`${typeOf[type]}:${slug}`), `${q.q}: ${id} exists`);
    }
  }
});

t.test('no judged query is copied into the vocabulary (peopleSay), in any set', async (t) => {
  const words = (text: string) => ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  const queries = allJudged().map((q) => words(q.q));
  t.ok(queries.length >= 120, `${queries.length} judged queries`);
  const content = loadSeed(SEED_DIR);
  const phrases = Object.values(content.records)
    .flat()
    .flatMap((r) => r.data.peopleSay)
    .concat(content.topics.flatMap((r) => r.data.peopleSay));
  t.ok(phrases.length > 300, `${phrases.length} phrases`);
  for (const phrase of phrases) {
    const p = words(phrase);
    // Short phrases may well meet a short query by chance ("talking therapy" was vocabulary before
    // it was a query); a query of three words or more inside a phrase is a copy.
    const copied = queries.filter((q) => q.trim().split(' ').length >= 3 && p.includes(q));
    t.same(copied, [], `"${phrase}" copies no judged query`);
  }
});

t.test('a smoke run on two queries per kind, beside MiniSearch', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'search-eval-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const storePath = join(dir, 'content.db');
  buildStore({ seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR, storePath });
  const queries = subset(allJudged(), 2);
  t.equal(queries.length, 2 * KINDS.length);
  for (const engine of [projectEngine(storePath), miniSearchEngine(loadSeed(SEED_DIR))]) {
    const report = evaluate(engine, queries);
    for (const kind of KINDS) t.equal(report.byKind[kind]?.queries, 2, `${engine.name}: ${kind}`);
    for (const value of [report.overall.ndcg5, report.overall.mrr10, report.overall.success3]) t.ok(value >= 0 && value <= 1);
    const timing = time(engine, distinctQueries(queries, ['journaling routine mindfulness'], 20));
    t.ok(timing.queries >= 10 && timing.p50 >= 0);
    engine.close();
  }
});
