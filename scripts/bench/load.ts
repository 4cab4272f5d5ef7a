// One autocannon run against one process. Latencies are collected from autocannon's per-response
// event because its own histogram keeps whole milliseconds, and most answers here take less.
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';

export interface Request {
  path: string;
  headers?: Record<string, string>;
  /** When set, each request goes to the path this returns instead (a flood of distinct URLs). */
  next?: () => string;
  /** When set, each request also carries the headers this returns (a new Origin each time). */
  nextHeaders?: () => Record<string, string>;
}

export interface LoadResult {
  /** 2xx and 3xx answers per second: a fast 503 or 429 is not throughput. */
  requestsPerSecond: number;
  /** Milliseconds, to the microsecond, of the 2xx and 3xx answers only (a shed request is quick). */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** All answers, whatever their status, and the 2xx/3xx ones among them. */
  responses: number;
  ok: number;
  statusCounts: Record<string, number>;
  /** Responses that were neither 2xx nor 3xx (429, 503, 5xx...). */
  non2xx3xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  seconds: number;
  /** How long the process still needed, after the run, before it answered a probe. */
  drainMs?: number;
  /** The server's CPU time (user + system) per answer over the run, in microseconds, from /proc. */
  cpuMicrosPerRequest?: number;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Drives `baseUrl` with `requests` (cycled per connection) for some seconds, or for a number of requests. */
export function drive(
  baseUrl: string,
  requests: Request[],
  length: { seconds: number } | { amount: number },
  connections: number,
): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let responses = 0;
  // autocannon reports whole seconds; a run of a fixed number of requests is timed here instead.
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
        timeout: 10,
        requests: requests.map(({ path, headers, next, nextHeaders }) => ({
          method: 'GET' as const,
          path,
          headers: headers ?? {},
          ...(next || nextHeaders
            ? {
                setupRequest: (req: { path?: string; headers?: IncomingHttpHeaders }) => ({
                  ...req,
                  ...(next ? { path: next() } : {}),
                  ...(nextHeaders ? { headers: { ...req.headers, ...nextHeaders() } } : {}),
                }),
              }
            : {}),
        })),
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const sorted = latencies.subarray(0, count).sort();
        const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
        const seconds = (performance.now() - startedAt) / 1000;
        resolve({
          requestsPerSecond: count / seconds,
          latency: {
            p50: percentile(sorted, 0.5),
            p90: percentile(sorted, 0.9),
            p99: percentile(sorted, 0.99),
            max: percentile(sorted, 1),
            mean: count ? sorted.reduce((a, b) => a + b, 0) / count : NaN,
          },
          responses,
          ok: count,
          statusCounts,
          non2xx3xx: result['1xx'] + result['4xx'] + result['5xx'],
          errors: result.errors,
          timeouts: result.timeouts,
          bytesPerSecond: result.throughput.average,
          seconds,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      responses++;
      if (status >= 400) return;
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = responseTime;
    });
  });
}
