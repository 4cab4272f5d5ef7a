// The bound on memory, checked on the running API: 100,000 distinct valid list URLs
// (Accept-Encoding: br, gzip), then 10,000 distinct Origin values on one URL, counted in requests
// rather than seconds; then resident memory is read and the API must still answer.
import autocannon from 'autocannon';
import { type Child, memoryOf } from '../lib/processes.js';
import { floodPaths, FLOOD_SIZE } from './flood.js';
import { memory } from './measure.js';
import type { BenchOptions } from './options.js';
import type { LongFlood } from './results.js';

/** Origin values as long as a browser would ever send (256 characters), each one new. */
const originOf = (i: number) => `https://partner-${i}.${'x'.repeat(200)}.example`.slice(0, 256);

function count(baseUrl: string, amount: number, connections: number, next: () => { path: string; headers: Record<string, string> }) {
  return new Promise<{ ok: number; failed: number }>((resolve, reject) => {
    autocannon(
      { url: baseUrl, connections, amount, timeout: 10, requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, ...next() }) }] },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({ ok: result['2xx'] + result['3xx'], failed: result['1xx'] + result['4xx'] + result['5xx'] + result.errors + result.timeouts });
      },
    );
  });
}

export async function longFlood(api: Child, options: BenchOptions): Promise<LongFlood> {
  const urls = options.mode === 'smoke' ? 1_000 : 100_000;
  const origins = options.mode === 'smoke' ? 100 : 10_000;
  const before = memoryOf(api.pid);
  // Half-way through the family of flood URLs: none of them was asked for by the timed flood.
  const path = floodPaths(Math.floor(FLOOD_SIZE / 2));
  const distinct = await count(api.baseUrl, urls, options.connections, () => ({ path: path(), headers: { 'accept-encoding': 'br, gzip' } }));
  let o = 0;
  const fromOrigins = await count(api.baseUrl, origins, options.connections, () => ({ path: '/v1/signs?limit=5', headers: { origin: originOf(o++) } }));
  const after = memory(api.pid, before);
  const answering = (await fetch(`${api.baseUrl}/v1/topics`)).status === 200;
  return { urls, origins, ok: distinct.ok + fromOrigins.ok, failed: distinct.failed + fromOrigins.failed, memory: after, answering };
}
