// The shape of one bench run, as written to bench/results/*.json so that runs can be compared
// (`latest.json` is always the last one; smoke runs write smoke-*.json and leave those alone).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { BenchOptions } from './options.js';
import type { Kind } from './scenarios.js';
import type { BuiltStore } from './stores.js';

export interface ScenarioResult {
  id: string;
  kind: Kind;
  label: string;
  path: string;
  requestHeaders: Record<string, string>;
  status: number;
  responseBytes: number;
  skipped?: string;
  api?: LoadResult;
  ceiling?: LoadResult;
  /** API requests/s divided by the ceiling's, in the reported round (its runs are `api` and `ceiling`). */
  ratio?: number;
  /** The ceiling's CPU time per request divided by the API's, in the round with the median of this figure. */
  cpuRatio?: number;
  /** That CPU ratio in each round, in the order they ran. */
  roundCpuRatios?: number[];
  /** The earlier build given with --baseline, in the same round as `api`. */
  baseline?: LoadResult;
  /** The ceiling's CPU per request divided by the earlier build's, in that round. */
  baselineCpuRatio?: number;
}

export interface ColdStart {
  runsMs: number[];
  medianMs: number;
}

export interface Memory {
  beforeLoadMB: number | null;
  afterLoadMB: number | null;
  /** VmHWM: the most the process ever had resident. */
  peakMB: number | null;
}

export interface ScaledScenario {
  id: string;
  kind: Kind;
  label: string;
  path: string;
  responseBytes: { real: number; scaled: number };
  skipped?: string;
  real?: LoadResult;
  scaled?: LoadResult;
  /** Scaled p99 divided by the real store's p99, measured in alternation in the same run; the round with the median growth. */
  p99Growth?: number;
  /** The growth of each round, in the order they ran. */
  roundGrowths?: number[];
}

export interface Scaling {
  factor: number;
  store: BuiltStore & { seedMs: number };
  coldStart: ColdStart;
  memory: Memory;
  scenarios: ScaledScenario[];
}

export interface Target {
  id: string;
  figure: string;
  value: number | null;
  unit: string;
  target: string;
  /** null when not judged: smoke mode, or the figure is missing. */
  pass: boolean | null;
}

/** 100,000 distinct list URLs, then 10,000 distinct Origin values, counted in requests. */
export interface LongFlood {
  urls: number;
  origins: number;
  /** 2xx and 3xx answers; anything else, connection errors and timeouts are `failed`. */
  ok: number;
  failed: number;
  memory: Memory;
  /** The API answered a plain request afterwards. */
  answering: boolean;
}

export interface BenchResults {
  schemaVersion: 1;
  mode: BenchOptions['mode'];
  startedAt: string;
  finishedAt: string;
  options: Omit<BenchOptions, 'resultsDir'>;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number[] };
  git: { commit: string | null; dirty: boolean | null };
  store: BuiltStore;
  coldStart: ColdStart;
  /** After the cached scenarios. */
  memory: Memory;
  /** After the scenarios with a new URL every request as well (distinct searches, the list flood). */
  memoryAfterFlood: Memory;
  longFlood: LongFlood;
  /** The same load's cost in a process that does nothing else: a baseline for `memory`. */
  ceilingMemory: Memory;
  scenarios: ScenarioResult[];
  scaling: Scaling | null;
  /** The earlier build given with --baseline: its cold start and memory, measured in the same run. */
  baseline: { coldStart: ColdStart; memory: Memory | null; memoryAfterFlood: Memory | null } | null;
  targets: Target[];
}

/** Writes `<timestamp>.json` and `latest.json`; returns the timestamped path. */
export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const prefix = results.mode === 'smoke' ? 'smoke-' : '';
  const stamp = results.startedAt.replaceAll(':', '-');
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const path = join(dir, `${prefix}${stamp}.json`);
  writeFileSync(path, json);
  writeFileSync(join(dir, `${prefix}latest.json`), json);
  return path;
}
