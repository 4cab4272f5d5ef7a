// The bound on memory, checked on the running API: 100,000 distinct valid list URLs
// (Accept-Encoding: br, gzip), then 10,000 distinct Origin values on one URL, counted in requests
// rather than seconds; then resident memory is read and the API must still answer.
import { type Child, memoryOf } from '../lib/processes.js';
import { FLOOD_HEADERS, floodPath, floodPaths, FLOOD_SIZE } from './flood.js';
import { drive, type LoadResult } from './load.js';
import { log, memory } from './measure.js';
import type { BenchOptions } from './options.js';
import type { LongFlood } from './results.js';

/** Origin values as long as a browser would ever send (256 characters), each one new. */
const originOf = (i: number) => `https://partner-${i}.${'x'.repeat(200)}.example`.slice(0, 256);

export async function longFlood(api: Child, options: BenchOptions): Promise<LongFlood> {
  const urls = options.mode === 'smoke' ? 1_000 : 100_000;
  const origins = options.mode === 'smoke' ? 100 : 10_000;
  log(`${urls} distinct list URLs, then ${origins} distinct Origin values`);
  const before = memoryOf(api.pid);
  // Half-way through the family of flood URLs: none of them was asked for by the timed flood.
  const from = Math.floor(FLOOD_SIZE / 2);
  const distinct = await drive(
    api.baseUrl,
    [{ path: floodPath(from), headers: FLOOD_HEADERS, next: floodPaths(from) }],
    { amount: urls },
    options.connections,
  );
  let o = 0;
  const fromOrigins = await drive(
    api.baseUrl,
    [{ path: '/v1/signs?limit=5', nextHeaders: () => ({ origin: originOf(o++) }) }],
    { amount: origins },
    options.connections,
  );
  const after = memory(api.pid, before);
  const answering = (await fetch(`${api.baseUrl}/v1/topics`)).status === 200;
  const failed = (r: LoadResult) => r.non2xx3xx + r.errors + r.timeouts;
  return { urls, origins, ok: distinct.ok + fromOrigins.ok, failed: failed(distinct) + failed(fromOrigins), memory: after, answering };
}
