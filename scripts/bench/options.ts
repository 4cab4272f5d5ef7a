// Command-line flags and BENCH_* variables for `npm run bench`; a bad value stops the bench
// before anything is started, naming the flag.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.js';

/** An earlier build to compare with: its folder (its dist/server.mjs is run) or the server file itself. */
function baselineServer(given: string | undefined): string | null {
  if (!given) return null;
  const path = resolve(given);
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'dist', 'server.mjs') : path;
}

export interface BenchOptions {
  mode: 'full' | 'smoke';
  /** Requests per measured run (one scenario against one process); a quarter of it (at least 1,000) where every answer is computed anew. */
  requests: number;
  /** Requests of the warm-up run each process gets before anything is measured. */
  warmup: number;
  connections: number;
  /** Alternating API/ceiling pairs per scenario; the median pair is reported (noise on a shared machine). */
  rounds: number;
  /** Records per real record in the synthetic store; 1 means no scaling runs. */
  scale: number;
  coldStarts: number;
  /** Smoke runs are too short for the targets to mean anything. */
  thresholds: boolean;
  resultsDir: string;
  /** The API's LOG_LEVEL (BENCH_LOG_LEVEL): warn by default, info to measure the access log's cost. */
  logLevel: string;
  /**
   * Another build of the server (its dist/server.mjs, in a folder with node_modules), measured in
   * the same rounds as this one: before and after a change, in one run.
   */
  baseline: string | null;
}

function number(name: string, raw: string | undefined, fallback: number, min: number, max: number, integer = false): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

export function parseOptions(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string' },
      connections: { type: 'string' },
      scale: { type: 'string' },
      rounds: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      'results-dir': { type: 'string' },
      baseline: { type: 'string' },
    },
    strict: true,
  });
  const smoke = values.smoke === true;
  const requests = number('requests', values.requests ?? env.BENCH_REQUESTS, smoke ? 1000 : 20_000, 100, 10_000_000, true);
  return {
    mode: smoke ? 'smoke' : 'full',
    requests,
    warmup: Math.min(requests, smoke ? 500 : 10_000),
    connections: number('connections', values.connections ?? env.BENCH_CONNECTIONS, smoke ? 10 : 50, 1, 1000, true),
    rounds: number('rounds', values.rounds ?? env.BENCH_ROUNDS, smoke ? 1 : 3, 1, 15, true),
    scale: number('scale', values.scale ?? env.BENCH_SCALE, 1, 1, 1000, true),
    coldStarts: smoke ? 1 : 3,
    thresholds: !smoke,
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    baseline: baselineServer(values.baseline ?? env.BENCH_BASELINE),
    resultsDir: resolve(values['results-dir'] ?? env.BENCH_RESULTS_DIR ?? resolve(PROJECT_ROOT, 'bench/results')),
  };
}
