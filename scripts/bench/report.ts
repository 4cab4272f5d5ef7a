// The printed report: plain fixed-width tables, so a run can be pasted into an issue or README.
import type { BenchResults, Target } from './results.js';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const count = (v: number | undefined) => (v === undefined ? '—' : String(v));
const bytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} B`;

function verdict(t: Target | undefined): string {
  if (!t) return '';
  const mark = t.pass === null ? '' : t.pass ? ' PASS' : ' FAIL';
  return `${t.target}${mark}`;
}

const TARGET_OF: Record<string, string> = {
  list: 'list-cpu-ratio',
  'search-distinct': 'search-distinct-cpu-ratio',
  revalidation: 'revalidation',
  flood: 'flood-cpu-ratio',
};

export function renderReport(r: BenchResults): string {
  const target = (id: string | undefined) => r.targets.find((t) => t.id === id);
  const out: string[] = [];
  const rounds = r.options.rounds > 1 ? `, ${r.options.rounds} rounds per scenario (the round with the median CPU ratio is shown)` : '';
  out.push(
    `Bench (${r.mode}): the API as shipped (rate limiting on, LOG_LEVEL=${r.options.logLevel}); ${r.options.connections} connections, ${r.options.requests} requests per run (a quarter, at least 1,000, where every answer is new)${rounds}, warm-up ${r.options.warmup} requests; Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}`,
  );
  out.push("CPU µs/req: the server process's own CPU time (user + system, from /proc) per answer; cpu ratio = ceiling ÷ API.");
  out.push(`Store: ${r.store.records} records, ${r.store.megabytes.toFixed(1)} MB, built in ${Math.round(r.store.buildMs)} ms`, '');
  const withBaseline = r.options.baseline !== null;
  const header = [
    'scenario',
    'size',
    ...(withBaseline ? ['before µs/req', 'before ratio'] : []),
    'API µs/req',
    'ceiling µs/req',
    'cpu ratio',
    r.options.rounds > 1 ? 'per round' : '',
    'API req/s',
    'ceiling req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx/3xx',
    'errors',
    'target',
  ];
  out.push(
    table(
      header,
      r.scenarios.map((s) =>
        s.skipped
          ? [s.label, '', s.skipped, ...header.slice(3).map(() => '')]
          : [
              s.label,
              bytes(s.responseBytes),
              ...(withBaseline ? [fixed(s.baseline?.cpuMicrosPerRequest, 0), fixed(s.baselineCpuRatio, 2)] : []),
              fixed(s.api?.cpuMicrosPerRequest, 0),
              fixed(s.ceiling?.cpuMicrosPerRequest, 0),
              fixed(s.cpuRatio, 2),
              r.options.rounds > 1 ? (s.roundCpuRatios ?? []).map((v) => fixed(v, 2)).join(' ') : '',
              fixed(s.api?.requestsPerSecond, 0),
              fixed(s.ceiling?.requestsPerSecond, 0),
              fixed(s.api?.latency.p50, 2),
              fixed(s.api?.latency.p99, 2),
              count(s.api?.non2xx3xx),
              count(s.api ? s.api.errors + s.api.timeouts : undefined),
              s.kind === 'revalidation'
                ? `${fixed(target('revalidation')?.value, 2)}× full: ${verdict(target('revalidation'))}`
                : verdict(target(TARGET_OF[s.kind])),
            ],
      ),
    ),
  );
  out.push('');
  const cold = target('cold-start');
  out.push(
    `Cold start (spawn → first 200 from /readyz): median ${fixed(r.coldStart.medianMs, 0)} ms of [${r.coldStart.runsMs.map((v) => v.toFixed(0)).join(', ')}]  ${verdict(cold)}`,
  );
  out.push(
    `API resident memory: ${fixed(r.memory.beforeLoadMB, 1)} MB before load, ${fixed(r.memory.afterLoadMB, 1)} MB after the cached scenarios (peak ${fixed(r.memory.peakMB, 1)} MB)  ${verdict(target('rss'))}`,
  );
  out.push(
    `API resident memory after the distinct-URL scenarios (every search new, then the list flood): ${fixed(r.memoryAfterFlood.afterLoadMB, 1)} MB (peak ${fixed(r.memoryAfterFlood.peakMB, 1)} MB)  ${verdict(target('flood-rss'))}`,
  );
  const long = r.longFlood;
  out.push(
    `API resident memory after ${long.urls} more distinct list URLs and ${long.origins} distinct Origin values: ${fixed(long.memory.afterLoadMB, 1)} MB (peak ${fixed(long.memory.peakMB, 1)} MB); ${long.ok} answered, ${long.failed} not; ${long.answering ? 'still answering' : 'NOT ANSWERING'}  ${verdict(target('long-flood-rss'))}`,
  );
  if (r.baseline) {
    const b = r.baseline;
    out.push(
      `Before (${r.options.baseline}): cold start median ${fixed(b.coldStart.medianMs, 0)} ms of [${b.coldStart.runsMs.map((v) => v.toFixed(0)).join(', ')}]; resident memory ${fixed(b.memory?.afterLoadMB, 1)} MB after the cached scenarios, ${fixed(b.memoryAfterFlood?.afterLoadMB, 1)} MB after the distinct-URL ones`,
    );
  }
  out.push(
    `Ceiling resident memory, same load: ${fixed(r.ceilingMemory.beforeLoadMB, 1)} MB before, ${fixed(r.ceilingMemory.afterLoadMB, 1)} MB after (peak ${fixed(r.ceilingMemory.peakMB, 1)} MB)`,
  );

  if (r.scaling) {
    const s = r.scaling;
    out.push(
      '',
      `Scaling ×${s.factor}: ${s.store.records} records, ${s.store.megabytes.toFixed(1)} MB store (seed written in ${Math.round(s.store.seedMs)} ms, built in ${Math.round(s.store.buildMs)} ms)`,
    );
    out.push(
      table(
        [
          'scenario',
          'size real → scaled',
          'req/s real',
          `req/s ×${s.factor}`,
          'p99 real',
          `p99 ×${s.factor}`,
          'growth',
          r.options.rounds > 1 ? 'growth per round' : '',
          'non-2xx/3xx',
          'errors',
          'target',
        ],
        s.scenarios.map((x) =>
          x.skipped
            ? [x.label, '', x.skipped, '', '', '', '', '', '', '', '']
            : [
                x.label,
                `${bytes(x.responseBytes.real)} → ${bytes(x.responseBytes.scaled)}`,
                fixed(x.real?.requestsPerSecond, 0),
                fixed(x.scaled?.requestsPerSecond, 0),
                fixed(x.real?.latency.p99, 2),
                x.scaled?.ok === 0 ? 'none' : fixed(x.scaled?.latency.p99, 2),
                x.p99Growth === undefined ? '—' : `${fixed(x.p99Growth, 2)}×`,
                r.options.rounds > 1 ? (x.roundGrowths ?? []).map((v) => fixed(v, 2)).join(' ') : '',
                count(x.scaled?.non2xx3xx),
                count(x.scaled ? x.scaled.errors + x.scaled.timeouts : undefined),
                verdict(target(`scale-${x.kind}-p99`)),
              ],
        ),
      ),
    );
    out.push(
      `Cold start on the ×${s.factor} store: median ${fixed(s.coldStart.medianMs, 0)} ms; resident memory ${fixed(s.memory.beforeLoadMB, 1)} → ${fixed(s.memory.afterLoadMB, 1)} MB (peak ${fixed(s.memory.peakMB, 1)} MB)`,
    );
  }
  if (!r.options.thresholds) out.push('', 'Smoke run: targets not judged.');
  return out.join('\n');
}
