// The two measuring phases: API against ceiling on the real store, then (with --scale) the real
// store against a synthetic one N times larger. Within a phase the two sides alternate, scenario
// by scenario, so that drift on a shared machine hits both alike.
import { type Child, cpuTimeOf, memoryOf, settle, stop } from '../lib/processes.js';
import { drive, type LoadResult, type Request } from './load.js';
import type { BenchOptions } from './options.js';
import type { Memory, ScaledScenario, ScenarioResult, Scaling } from './results.js';
import { DISTINCT_KINDS, type Prepared, prepare, SCALED_KINDS, SCENARIOS } from './scenarios.js';
import { coldStarts, startApi } from './servers.js';
import { buildScaledStore } from './stores.js';

export const log = (message: string) => process.stderr.write(`› ${message}\n`);

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // No values: NaN, as the arithmetic on an empty array always gave.
  const at = (i: number) => sorted[i] ?? NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

const size = (p: Prepared) => Buffer.byteLength(p.recorded.body, 'base64');

export function memory(pid: number, before: ReturnType<typeof memoryOf>): Memory {
  const after = memoryOf(pid);
  return { beforeLoadMB: before?.rssMB ?? null, afterLoadMB: after?.rssMB ?? null, peakMB: after?.peakMB ?? null };
}

/** Runs every one of `runs`, starting with a different one each turn; returns the results in the order given. */
async function rotate(turn: number, runs: (() => Promise<LoadResult>)[]): Promise<LoadResult[]> {
  const results: LoadResult[] = new Array<LoadResult>(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const at = (turn + i) % runs.length;
    // In range: `at` is taken modulo the number of runs.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
    results[at] = await runs[at]!();
  }
  return results;
}

/**
 * `rounds` rounds, each running `a` and `b` (and `others`, such as an earlier build) in turn; the
 * round whose `figure` of a and b is the median is the one reported, so its runs stay comparable
 * with each other. Returns that round and every round's figure.
 */
async function medianOfRounds(
  rounds: number,
  firstTurn: number,
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
  figure: (a: LoadResult, b: LoadResult) => number | undefined,
  others: (() => Promise<LoadResult>)[] = [],
): Promise<{ pair: [LoadResult, LoadResult]; others: LoadResult[]; figures: number[]; value: number | undefined }> {
  const pairs: { pair: [LoadResult, LoadResult]; others: LoadResult[]; value: number | undefined }[] = [];
  for (let round = 0; round < rounds; round++) {
    const [ra, rb, ...rest] = await rotate(firstTurn + round, [a, b, ...others]);
    if (!ra || !rb) throw new Error('a round ran nothing');
    pairs.push({ pair: [ra, rb], others: rest, value: figure(ra, rb) });
  }
  const valued = pairs
    .flatMap((p) => (p.value !== undefined && !Number.isNaN(p.value) ? [{ ...p, value: p.value }] : []))
    .sort((x, y) => x.value - y.value);
  const chosen = valued[Math.floor((valued.length - 1) / 2)] ?? pairs[0];
  if (!chosen) throw new Error('medianOfRounds needs at least one round');
  return { pair: chosen.pair, others: chosen.others, figures: pairs.map((p) => p.value ?? NaN), value: chosen.value };
}

/**
 * One measured run of a fixed number of requests (every answer is waited for, so none is still
 * being worked on when the CPU time is read), then a wait until the target answers a probe again.
 */
async function measured(target: Child, requests: Request[], amount: number, o: BenchOptions): Promise<LoadResult> {
  const cpuBefore = cpuTimeOf(target.pid);
  const result = await drive(target.baseUrl, requests, { amount }, o.connections);
  const cpuAfter = cpuTimeOf(target.pid);
  const drainMs = await settle(target);
  if (drainMs > 250) log(`${target.name} needed ${(drainMs / 1000).toFixed(1)} s after the run to answer again`);
  const cpu = cpuBefore !== null && cpuAfter !== null && result.responses > 0 ? (cpuAfter - cpuBefore) / result.responses : undefined;
  return { ...result, drainMs, ...(cpu === undefined ? {} : { cpuMicrosPerRequest: cpu }) };
}

// /proc counts CPU time in ticks of 10 ms: a run must take many of them on the ceiling's side too
// (about 40 µs an answer), or its CPU per request may read 0.
const MIN_DISTINCT_REQUESTS = 1000;

/** Requests per measured run: fewer for the scenarios that compute every answer anew. */
export const requestsFor = (kind: string, o: BenchOptions) =>
  DISTINCT_KINDS.has(kind as never) ? Math.max(Math.round(o.requests / 4), Math.min(o.requests, MIN_DISTINCT_REQUESTS)) : o.requests;

async function warmUp(targets: Child[], requests: Request[], o: BenchOptions): Promise<void> {
  if (requests.length === 0) return;
  for (const t of targets) {
    log(`warm-up: ${t.name}, ${o.warmup} requests`);
    await measured(t, requests, o.warmup, o);
  }
}

/** The ceiling's CPU time per request divided by the API's: 1 means the API costs no more than bare Fastify. */
const cpuRatio = (api: LoadResult, ceiling: LoadResult) =>
  api.cpuMicrosPerRequest && ceiling.cpuMicrosPerRequest ? ceiling.cpuMicrosPerRequest / api.cpuMicrosPerRequest : undefined;

/**
 * Each scenario on the API and the ceiling, and on `baseline` (an earlier build of the API) when
 * given, in turn within each round: the figures of one run, side by side.
 */
export async function compareWithCeiling(
  api: Child,
  ceiling: Child,
  prepared: Prepared[],
  o: BenchOptions,
  baseline?: Child,
): Promise<ScenarioResult[]> {
  // A flood is its own warm-up: each of its requests is new anyway.
  await warmUp(
    baseline ? [api, baseline, ceiling] : [api, ceiling],
    prepared.filter((p) => !p.skipped && !p.request.next).map((p) => p.request),
    o,
  );
  const results: ScenarioResult[] = [];
  for (const [turn, p] of prepared.entries()) {
    const { id, kind, label, path } = p.scenario;
    const base = { id, kind, label, path, requestHeaders: p.request.headers ?? {}, status: p.recorded.status, responseBytes: size(p) };
    if (p.skipped) {
      log(`${label}: ${p.skipped}`);
      results.push({ ...base, skipped: p.skipped });
      continue;
    }
    const amount = requestsFor(kind, o);
    log(`${label}: API and ceiling, ${amount} requests each${o.rounds > 1 ? `, ${o.rounds} rounds` : ''}`);
    const run = (target: Child, requests: Request[]) => () => measured(target, requests, amount, o);
    // The figure that decides the median round is CPU per request (ceiling ÷ API): unlike req/s,
    // it does not depend on how much of the two cores the load generator takes.
    // The baseline's paths must be new to it too: it draws them from its own copy of the generator.
    const baselineRun = baseline
      ? [run(baseline, [{ ...p.request, next: p.request.next && p.scenario.paths ? p.scenario.paths() : p.request.next }])]
      : [];
    const { pair, others, figures, value } = await medianOfRounds(
      o.rounds,
      turn,
      run(api, [p.request]),
      run(ceiling, p.ceilingRequests ?? [p.request]),
      cpuRatio,
      baselineRun,
    );
    const [before] = others;
    results.push({
      ...base,
      api: pair[0],
      ceiling: pair[1],
      ratio: pair[0].requestsPerSecond / pair[1].requestsPerSecond,
      cpuRatio: value,
      roundCpuRatios: figures,
      ...(before ? { baseline: before, baselineCpuRatio: cpuRatio(before, pair[1]) } : {}),
    });
  }
  return results;
}

export async function compareWithScaled(realApi: Child, realPrepared: Prepared[], scratch: string, o: BenchOptions): Promise<Scaling> {
  log(`writing a ×${o.scale} seed and building its store`);
  const store = buildScaledStore(scratch, o.scale);
  log(`×${o.scale} store: ${store.records} records, ${store.megabytes.toFixed(1)} MB; cold starts`);
  const runs = await coldStarts(store.path, o.coldStarts);
  const scaledApi = await startApi(`API ×${o.scale}`, store.path);
  try {
    const prepared = await prepare(
      scaledApi.baseUrl,
      SCENARIOS.filter((s) => SCALED_KINDS.includes(s.kind)),
    );
    const before = memoryOf(scaledApi.pid);
    await warmUp(
      [scaledApi],
      prepared.filter((p) => !p.skipped).map((p) => p.request),
      o,
    );
    const scenarios: ScaledScenario[] = [];
    for (const [turn, scaled] of prepared.entries()) {
      const real = realPrepared.find((p) => p.scenario.id === scaled.scenario.id);
      const { id, kind, label, path } = scaled.scenario;
      const base = { id, kind, label, path, responseBytes: { real: real ? size(real) : 0, scaled: size(scaled) } };
      const skipped = scaled.skipped ?? real?.skipped ?? (real ? undefined : 'skipped: not measured on the real store');
      if (skipped || !real) {
        scenarios.push({ ...base, skipped });
        continue;
      }
      const amount = requestsFor(kind, o);
      log(`${label}: real and ×${o.scale} store, ${amount} requests each${o.rounds > 1 ? `, ${o.rounds} rounds` : ''}`);
      const { pair, figures, value } = await medianOfRounds(
        o.rounds,
        turn,
        () => measured(realApi, [real.request], amount, o),
        () => measured(scaledApi, [scaled.request], amount, o),
        // No answer at all within the run has no p99; the target judges that case on its own.
        (r, x) => (x.ok && r.ok ? x.latency.p99 / r.latency.p99 : undefined),
      );
      scenarios.push({ ...base, real: pair[0], scaled: pair[1], p99Growth: value, roundGrowths: figures });
    }
    return {
      factor: o.scale,
      store,
      coldStart: { runsMs: runs, medianMs: median(runs) },
      memory: memory(scaledApi.pid, before),
      scenarios,
    };
  } finally {
    await stop(scaledApi);
  }
}
