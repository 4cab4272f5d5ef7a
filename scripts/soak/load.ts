// One autocannon run over the mix, counting every status that is not the one its request expects.
import autocannon from 'autocannon';
import type { Target } from './mix.js';

export interface LoadResult {
  requests: number;
  /** Socket errors and timeouts. */
  errors: number;
  timeouts: number;
  serverErrors: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** `GET path → status (expected n)` with how often it happened. */
  unexpected: Map<string, number>;
}

export async function runLoad(baseUrl: string, targets: Target[], seconds: number, connections: number): Promise<LoadResult> {
  const unexpected = new Map<string, number>();
  const requests = targets.map((target) => ({
    method: 'GET' as const,
    path: target.path,
    headers: target.headers ?? {},
    onResponse: (status: number) => {
      if (status === target.expect) return;
      const key = `GET ${target.path}${target.headers?.['if-none-match'] ? ' (If-None-Match)' : ''} → ${status} (expected ${target.expect})`;
      unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
    },
  }));
  const result = await autocannon({ url: baseUrl, connections, duration: seconds, timeout: 10, requests });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrors: result['5xx'],
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    unexpected,
  };
}
