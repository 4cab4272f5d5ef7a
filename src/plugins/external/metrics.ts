import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { PROJECT_ROOT } from '../../config.js';
import { sendProblem } from '../../http/problems.js';

/** What the app's own parts report; one call per event, nothing else to know about Prometheus. */
export interface Metrics {
  cacheHit(): void;
  cacheMiss(): void;
  rateLimited(tier: 'keyless' | 'partner'): void;
  /** A rate-limit check that could not reach the shared store and let the request through. */
  rateLimitStoreFailure(): void;
  contentVersion(version: string, builtAt: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export interface MetricsOptions {
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  token?: string;
}

export const METRICS_PATH = '/metrics';
// Requests no route matched are labelled together, so label values stay bounded whatever URLs clients try.
const UNMATCHED = '(unmatched)';

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

// Prometheus metrics (prom-client) at /metrics: requests and latency by matched route pattern and
// status, cache and rate-limit events, the content and build, and the process. One registry per
// app, so several apps in one process (tests) never mix their series.
export default fp<MetricsOptions>(
  async function metrics(app: FastifyInstance, { token }) {
    const register = new Registry();
    collectDefaultMetrics({ register });
    const labelNames = ['method', 'route', 'status_code'] as const;
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by matched route pattern and status.',
      labelNames,
      registers: [register],
    });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by matched route pattern and status.',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [register],
    });
    const cacheHits = new Counter({
      name: 'response_cache_hits_total',
      help: 'Answers served as already computed (prepared at store open or kept from an earlier request).',
      registers: [register],
    });
    const cacheMisses = new Counter({
      name: 'response_cache_misses_total',
      help: 'Answers computed for the request (none kept for its canonical URL yet).',
      registers: [register],
    });
    const rejections = new Counter({
      name: 'rate_limit_rejections_total',
      help: 'Requests refused with 429, by tier.',
      labelNames: ['tier'],
      registers: [register],
    });
    const storeFailures = new Counter({
      name: 'rate_limit_store_failures_total',
      help: 'Rate-limit checks that could not reach Redis; the request was answered without counting.',
      registers: [register],
    });
    const content = new Gauge({
      name: 'content_info',
      help: 'The content store being served (value 1).',
      labelNames: ['content_version', 'built_at'],
      registers: [register],
    });
    new Gauge({
      name: 'app_build_info',
      help: 'The running build (value 1).',
      labelNames: ['version', 'node_version'],
      registers: [register],
    }).set({ version: appVersion(), node_version: process.version }, 1);
    for (const tier of ['keyless', 'partner']) rejections.inc({ tier }, 0);
    storeFailures.inc(0);

    app.decorate('metrics', {
      cacheHit: () => cacheHits.inc(),
      cacheMiss: () => cacheMisses.inc(),
      rateLimited: (tier) => rejections.inc({ tier }),
      rateLimitStoreFailure: () => storeFailures.inc(),
      contentVersion: (version, builtAt) => {
        content.reset();
        content.set({ content_version: version, built_at: builtAt }, 1);
      },
    } satisfies Metrics);

    app.addHook('onResponse', (request, reply, done) => {
      const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status_code: reply.statusCode };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
      done();
    });

    const expected = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);
    app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
      if (expected) {
        const given = Buffer.from(request.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          return sendProblem(request, reply, 401, 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
        }
      }
      reply.header('cache-control', 'no-store').type(register.contentType);
      return register.metrics();
    });
  },
  { name: 'metrics' },
);
