// npm run soak: drives the real server on 127.0.0.1 with autocannon for a bounded time and fails
// on any 5xx, socket error, timeout, unexpected status, or resident memory growth past the limit.
// Options: --duration (SOAK_DURATION, s), --warmup, --connections, --max-growth-mb.
import { setTimeout as sleep } from 'node:timers/promises';
import { type LoadResult, runLoad } from './load.js';
import { buildMix } from './mix.js';
import { soakOptions } from './options.js';
import { type Server, startServer } from './server.js';

const options = soakOptions();
let server: Server | undefined;

// Ctrl-C or a supervisor's SIGTERM: stop the server before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nsoak: ${signal}, stopping the server`);
    void (server ? server.stop(2000) : Promise.resolve()).finally(() => process.exit(130));
  });
}

const mb = (n: number) => `${n.toFixed(1)} MB`;
const problemsOf = (phase: string, r: LoadResult) => [
  ...(r.serverErrors ? [`${phase}: ${r.serverErrors} responses were 5xx`] : []),
  ...(r.errors ? [`${phase}: ${r.errors} socket errors (${r.timeouts} timeouts)`] : []),
  ...[...r.unexpected].map(([what, n]) => `${phase}: ${n}× ${what}`),
];

async function main(): Promise<number> {
  server = await startServer();
  const targets = await buildMix(server.baseUrl);
  const atStart = server.memory();
  console.log(
    `soak: pid ${server.pid} at ${server.baseUrl}; ${targets.length} URLs over ${options.connections} connections; warm-up ${options.warmup} s, soak ${options.duration} s`,
  );

  const warm = await runLoad(server.baseUrl, targets, options.warmup, options.connections);
  // The same short pause before both readings: in-flight buffers drain, nothing is forced.
  await sleep(1000);
  const before = server.memory();
  // RSS every few seconds during the soak: a plateau is a warm heap, a steady climb is a leak.
  const samples: number[] = [];
  const running = server;
  const sampler = setInterval(() => samples.push(running.memory().rssMB), Math.max(1000, (options.duration * 1000) / 12));
  const soak = await runLoad(server.baseUrl, targets, options.duration, options.connections);
  clearInterval(sampler);
  await sleep(1000);
  const after = server.memory();
  const shutdown = await server.stop();

  const growth = after.rssMB - before.rssMB;
  const failures = [
    ...problemsOf('warm-up', warm),
    ...problemsOf('soak', soak),
    ...(growth > options.maxGrowthMB ? [`RSS grew ${mb(growth)} during the soak (limit ${options.maxGrowthMB} MB)`] : []),
  ];
  console.log(
    [
      '',
      `requests        ${soak.requests} in ${options.duration} s (${Math.round(soak.requests / options.duration)}/s), after ${warm.requests} warm-up`,
      `statuses        ${Object.entries(soak.statuses)
        .map(([code, n]) => `${code}×${n}`)
        .join(' ')}`,
      `5xx             ${soak.serverErrors}`,
      `errors          ${soak.errors} (timeouts ${soak.timeouts})`,
      `unexpected      ${[...soak.unexpected.values()].reduce((a, b) => a + b, 0)}`,
      `latency         p50 ${soak.p50} ms, p99 ${soak.p99} ms`,
      `RSS             start ${mb(atStart.rssMB)}, after warm-up ${mb(before.rssMB)}, after soak ${mb(after.rssMB)} (peak ${mb(after.peakMB)})`,
      `RSS growth      ${growth >= 0 ? '+' : ''}${mb(growth)} (limit ${options.maxGrowthMB} MB)`,
      `RSS during      ${samples.map((n) => n.toFixed(0)).join(' → ')} MB`,
      `shutdown        ${shutdown}`,
      '',
      failures.length ? `FAIL\n  ${failures.join('\n  ')}` : 'PASS',
    ].join('\n'),
  );
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
    await server?.stop(2000);
    process.exit(1);
  },
);
