// `npm run bench` (issue 7): the API against a same-bytes ceiling on 127.0.0.1, cold start,
// resident memory and, with --scale N, latency growth on a store N times larger. Prints a report
// and writes bench/results/<timestamp>.json + latest.json. Targets are informative: the exit code
// is 0 unless something crashed. Flags: --requests n (per run), --connections n, --rounds n, --scale n,
// --smoke, --results-dir dir (or BENCH_REQUESTS, BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_SCALE,
// BENCH_RESULTS_DIR).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { killAllNow, memoryOf, stop } from '../lib/processes.js';
import { record, sameAnswer } from './fixtures.js';
import { compareWithCeiling, compareWithScaled, log, median, memory, requestsFor } from './measure.js';
import { longFlood } from './long-flood.js';
import { parseOptions } from './options.js';
import { renderReport } from './report.js';
import { type BenchResults, writeResults } from './results.js';
import { DISTINCT_KINDS, prepare, SCENARIOS } from './scenarios.js';
import { assertBuilt, coldStarts, startApi, startCeiling } from './servers.js';
import { buildRealStore } from './stores.js';
import { evaluateTargets } from './targets.js';

const options = parseOptions();
const startedAt = new Date().toISOString();
const scratch = mkdtempSync(join(tmpdir(), 'content-bench-'));

// Whatever ends the process, no server it started outlives it and no scratch store is left.
process.on('exit', () => {
  killAllNow();
  rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130);
  });
}
// Bounded in time even if a child hangs: every run as if it managed only 500 requests a second,
// room for builds and starts, and, with --scale, for a large store working off its backlog.
const runs = 2 + options.rounds * 2 * SCENARIOS.length + (options.scale > 1 ? 1 + options.rounds * 2 * 3 : 0);
const budgetSeconds = runs * (options.requests / 500 + 2) + 300 + (options.scale > 1 ? 600 : 0);
const watchdog = setTimeout(() => {
  log(`the bench overran its time budget (${budgetSeconds} s); stopping`);
  process.exit(1);
}, budgetSeconds * 1000);

function git(): BenchResults['git'] {
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = run('rev-parse', 'HEAD');
    const dirty = run('status', '--porcelain') !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

async function main(): Promise<void> {
  assertBuilt();
  log('building the store from seed/');
  const store = buildRealStore(scratch);
  log(`cold start × ${options.coldStarts}`);
  const coldRuns = await coldStarts(store.path, options.coldStarts);

  const api = await startApi('API', store.path);
  const baseline = options.baseline ? await startApi('API before', store.path, options.baseline) : undefined;
  const baselineColdRuns = options.baseline ? await coldStarts(store.path, options.coldStarts, options.baseline) : null;
  const floodSpan = options.rounds * requestsFor('flood', options);
  const prepared = await prepare(api.baseUrl, SCENARIOS, floodSpan);
  // The earlier build is sent the same recording requests, so that both hold the same answers
  // (the flood's sample fills the answer cache, and a fuller heap costs every answer some CPU).
  if (baseline) await prepare(baseline.baseUrl, SCENARIOS, floodSpan);
  const recordedPath = join(scratch, 'recorded.json');
  writeFileSync(
    recordedPath,
    JSON.stringify([await record(api.baseUrl, '/readyz'), ...prepared.flatMap((p) => [p.recorded, ...(p.extra ?? [])])]),
  );
  const ceiling = await startCeiling(recordedPath);
  for (const p of prepared.filter((x) => !x.skipped)) {
    const replayed = await record(ceiling.baseUrl, p.recorded.path, p.recorded.ifNoneMatch, p.request.headers);
    if (!sameAnswer(p.recorded, replayed)) throw new Error(`the ceiling does not replay ${p.scenario.label} faithfully`);
  }

  const before = memoryOf(api.pid);
  const ceilingBefore = memoryOf(ceiling.pid);
  // Cached scenarios first, then those with a new URL every request: memory is read after each.
  const baselineBefore = baseline ? memoryOf(baseline.pid) : null;
  const cached = await compareWithCeiling(
    api,
    ceiling,
    prepared.filter((p) => !DISTINCT_KINDS.has(p.scenario.kind)),
    options,
    baseline,
  );
  const apiMemory = memory(api.pid, before);
  const baselineMemory = baseline ? memory(baseline.pid, baselineBefore) : null;
  const flood = await compareWithCeiling(
    api,
    ceiling,
    prepared.filter((p) => DISTINCT_KINDS.has(p.scenario.kind)),
    options,
    baseline,
  );
  const afterFlood = memory(api.pid, before);
  const baselineAfterFlood = baseline ? memory(baseline.pid, baselineBefore) : null;
  if (baseline) await stop(baseline);
  const long = await longFlood(api, options);
  const scenarios = [...cached, ...flood];
  const ceilingMemory = memory(ceiling.pid, ceilingBefore);
  await stop(ceiling);
  const scaling = options.scale > 1 ? await compareWithScaled(api, prepared, scratch, options) : null;
  await stop(api);

  const { resultsDir: _dir, ...shownOptions } = options;
  const figures = {
    scenarios,
    coldStart: { runsMs: coldRuns, medianMs: median(coldRuns) },
    memory: apiMemory,
    memoryAfterFlood: afterFlood,
    longFlood: long,
    ceilingMemory,
    scaling,
    options: shownOptions,
  };
  const earlierBuild = baselineColdRuns
    ? {
        coldStart: { runsMs: baselineColdRuns, medianMs: median(baselineColdRuns) },
        memory: baselineMemory,
        memoryAfterFlood: baselineAfterFlood,
      }
    : null;
  const results: BenchResults = {
    schemaVersion: 1,
    mode: options.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      loadAverage: loadavg(),
    },
    git: git(),
    store,
    ...figures,
    baseline: earlierBuild,
    targets: evaluateTargets(figures),
  };
  console.log(`\n${renderReport(results)}\n`);
  log(`figures written to ${writeResults(options.resultsDir, results)}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? `bench failed: ${error.stack ?? error.message}` : error);
  process.exitCode = 1;
  // The servers started before the failure would keep this process alive (their output is read),
  // and the exit handler that stops them runs only once it exits.
  killAllNow();
} finally {
  clearTimeout(watchdog);
}
