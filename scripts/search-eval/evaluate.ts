import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Engine } from './engines.js';
import { type Judgements, type Scores, mean, score } from './metrics.js';

export const QUERIES_PATH = resolve(PROJECT_ROOT, 'test/search-eval/queries.json');
export const KINDS = ['question', 'keyword', 'misspelling', 'clinical', 'lay', 'everyday', 'situation', 'helping'] as const;
export type Kind = (typeof KINDS)[number];

export interface JudgedQuery {
  kind: Kind;
  q: string;
  relevant: Judgements;
}

export function loadQueries(path = QUERIES_PATH): JudgedQuery[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { queries: JudgedQuery[] }).queries;
}

/** The first `perKind` queries of each kind: a quick subset for CI. */
export const subset = (queries: JudgedQuery[], perKind: number): JudgedQuery[] =>
  KINDS.flatMap((kind) => queries.filter((q) => q.kind === kind).slice(0, perKind));

export interface Report {
  engine: string;
  byKind: Record<string, Scores & { queries: number }>;
  overall: Scores & { queries: number };
  perQuery: { q: string; kind: Kind; scores: Scores; top: string[] }[];
}

export function evaluate(engine: Engine, queries: JudgedQuery[]): Report {
  const perQuery = queries.map(({ q, kind, relevant }) => {
    const top = engine.search(q, 10);
    return { q, kind, scores: score(top, relevant), top };
  });
  const byKind: Report['byKind'] = {};
  for (const kind of KINDS) {
    const of = perQuery.filter((p) => p.kind === kind);
    if (of.length > 0) byKind[kind] = { ...mean(of.map((p) => p.scores)), queries: of.length };
  }
  return { engine: engine.name, byKind, overall: { ...mean(perQuery.map((p) => p.scores)), queries: perQuery.length }, perQuery };
}

export interface Timing {
  engine: string;
  queries: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Milliseconds per query, each query run once (so nothing is answered from a cache). */
export function time(engine: Engine, queries: string[]): Timing {
  const times = queries.map((q) => {
    const start = process.hrtime.bigint();
    engine.search(q, 20);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { engine: engine.name, queries: times.length, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/**
 * Distinct queries drawn from the judged set and the records' own words: single words, pairs
 * and short phrases, as people type them. Deterministic, so runs compare.
 */
export function distinctQueries(judged: JudgedQuery[], texts: string[], count: number): string[] {
  const words = [
    ...new Set(
      texts
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{3,}/gu) ?? [],
    ),
  ];
  const out = new Set(judged.map((j) => j.q));
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // next() is in [0, 1), so the index is always in range (the loop runs only when words is not empty).
  const pick = () => words[Math.floor(next() * words.length)] ?? '';
  while (out.size < count && words.length > 0) {
    const n = 1 + Math.floor(next() * 4);
    out.add(Array.from({ length: n }, pick).join(' '));
  }
  return [...out].slice(0, count);
}
