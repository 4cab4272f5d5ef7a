// The issue's targets, judged on one run. Informative only: a FAIL never changes the exit code,
// because figures from a shared 2-core machine are evidence, not a gate.
import type { BenchResults, Target } from './results.js';

type Figures = Pick<BenchResults, 'scenarios' | 'coldStart' | 'memory' | 'memoryAfterFlood' | 'longFlood' | 'scaling' | 'options'>;

function judge(judged: boolean, value: number | null | undefined, ok: (v: number) => boolean): boolean | null {
  if (!judged || value === null || value === undefined || Number.isNaN(value)) return null;
  return ok(value);
}

export function evaluateTargets({ scenarios, coldStart, memory, memoryAfterFlood, longFlood, scaling, options }: Figures): Target[] {
  const on = options.thresholds;
  const byKind = (kind: string) => scenarios.find((s) => s.kind === kind && !s.skipped);
  const targets: Target[] = [];

  for (const kind of ['detail', 'list'] as const) {
    const s = byKind(kind);
    targets.push({ id: `${kind}-ratio`, figure: `${s?.label ?? kind}: API/ceiling req/s`, value: s?.ratio ?? null, unit: '×', target: '≥ 0.80', pass: judge(on, s?.ratio, (v) => v >= 0.8) });
  }

  const flood = byKind('flood');
  targets.push({ id: 'flood-ratio', figure: `${flood?.label ?? 'flood'}: API/ceiling req/s`, value: flood?.ratio ?? null, unit: '×', target: '≥ 0.25', pass: judge(on, flood?.ratio, (v) => v >= 0.25) });
  targets.push({ id: 'flood-rss', figure: 'API resident memory after the distinct-URL scenarios', value: memoryAfterFlood.afterLoadMB, unit: 'MB', target: '< 150 MB', pass: judge(on, memoryAfterFlood.afterLoadMB, (v) => v < 150) });

  // Bounded by construction: after 100,000 distinct URLs and 10,000 Origin values, still answering.
  const long = longFlood.memory.afterLoadMB;
  targets.push({
    id: 'long-flood-rss',
    figure: `API resident memory after ${longFlood.urls} distinct URLs and ${longFlood.origins} Origin values`,
    value: long,
    unit: 'MB',
    target: '< 150 MB, every request answered, still answering',
    pass: judge(on, long, (v) => v < 150 && longFlood.failed === 0 && longFlood.answering),
  });

  const search = byKind('search');
  const at = `at ${options.connections} connections${options.connections === 50 ? '' : ' (target is for 50)'}`;
  const p99 = search?.api?.latency.p99;
  targets.push({ id: 'search-p99', figure: `search p99 ${at}`, value: p99 ?? null, unit: 'ms', target: '< 5 ms', pass: judge(on, p99, (v) => v < 5) });
  // Issue 14: with every query new, search itself must be cheap, not just replayed from a cache.
  const distinct = byKind('search-distinct');
  targets.push({ id: 'search-distinct-ratio', figure: 'search, every query distinct: API/ceiling req/s', value: distinct?.ratio ?? null, unit: '×', target: '≥ 0.25', pass: judge(on, distinct?.ratio, (v) => v >= 0.25) });

  targets.push({ id: 'cold-start', figure: `cold start, median of ${coldStart.runsMs.length}`, value: coldStart.medianMs, unit: 'ms', target: '< 500 ms', pass: judge(on, coldStart.medianMs, (v) => v < 500) });
  targets.push({ id: 'rss', figure: 'API resident memory after the cached scenarios', value: memory.afterLoadMB, unit: 'MB', target: '< 120 MB', pass: judge(on, memory.afterLoadMB, (v) => v < 120) });

  // "Cheaper" measured as throughput: more 304s per second than full answers of the same URL.
  const full = byKind('detail')?.api?.requestsPerSecond;
  const revalidated = byKind('revalidation')?.api?.requestsPerSecond;
  const gain = full && revalidated ? revalidated / full : null;
  targets.push({ id: 'revalidation', figure: '304 req/s ÷ full detail req/s', value: gain, unit: '×', target: '> 1', pass: judge(on, gain, (v) => v > 1) });

  if (scaling) {
    for (const s of scaling.scenarios) {
      // Not a single answer from the larger store within the run: its p99 is beyond measuring.
      const unanswered = s.scaled?.ok === 0 && (s.real?.ok ?? 0) > 0;
      targets.push({
        id: `scale-${s.kind}-p99`,
        figure: `${s.label}: p99 at ×${scaling.factor} ÷ p99 real${unanswered ? ` (no answer within ${options.duration} s)` : ''}`,
        value: s.p99Growth ?? null,
        unit: '×',
        target: '< 2',
        pass: unanswered && on ? false : judge(on, s.p99Growth, (v) => v < 2),
      });
    }
  }
  return targets;
}
