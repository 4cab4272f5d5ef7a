import t from 'tap';
import { parseTraceparent } from '../../src/http/trace-context.js';
import { build } from '../helpers/app.js';
import { logCapture } from '../helpers/logs.js';

t.test('/metrics exposes the named series in Prometheus text format, with bounded route labels', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, { RATE_LIMIT_MAX: '3' }, { logger: { level: 'info', stream } });
  // Computed and kept, then two hits.
  for (let i = 0; i < 3; i++) await app.inject({ url: '/v1/signs/avoiding-shared-spaces' });
  await app.inject({ url: '/v1/signs/difficulty-sharing-feelings' });
  for (let i = 0; i < 3; i++) await app.inject({ url: `/no/such/page-${i}` });
  const before = lines.length;
  const res = await app.inject({ url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  t.equal(lines.length, before, 'a scrape is not in the access log');
  const body = res.body;
  t.match(
    body,
    /http_requests_total\{method="GET",route="\/v1\/signs\/:slug",status_code="200"\} 3/,
    'by matched route pattern, not raw URL',
  );
  t.match(body, /http_requests_total\{method="GET",route="\/v1\/signs\/:slug",status_code="429"\} 1/, 'and by status');
  t.match(body, /http_requests_total\{method="GET",route="\(unmatched\)",status_code="404"\} 3/, 'unmatched URLs share one label');
  t.notMatch(body, /page-1/, 'no raw URL becomes a label');
  t.match(body, /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v1\/signs\/:slug",status_code="200"\}/);
  t.match(body, /response_cache_hits_total 2/);
  t.match(body, /response_cache_misses_total 1/);
  t.match(body, /rate_limit_rejections_total\{tier="keyless"\} 1/);
  t.match(body, /rate_limit_store_failures_total 0/);
  t.match(body, new RegExp(`content_info\\{content_version="${app.content.version}",built_at="[^"]+"\\} 1`));
  t.match(body, /app_build_info\{version="1\.0\.0",node_version="v\d+\.\d+\.\d+"\} 1/);
  t.match(body, /process_resident_memory_bytes \d+/, 'process metrics');
  t.match(body, /nodejs_eventloop_lag_seconds/);
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ url: '/metrics' })).statusCode, 200, 'never rate-limited');
});

t.test('METRICS_TOKEN protects /metrics with a bearer token', async (t) => {
  const token = 'a-long-metrics-token-1234';
  const app = await build(t, { METRICS_TOKEN: token });
  const none = await app.inject({ url: '/metrics' });
  t.equal(none.statusCode, 401);
  t.match(none.headers['www-authenticate'], /^Bearer/);
  t.match(none.headers['content-type'], /^application\/problem\+json/);
  t.equal((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
  const ok = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
  t.equal(ok.statusCode, 200);
  t.match(ok.body, /http_requests_total/);
});

t.test('a W3C traceparent is accepted, its trace id is on every log line of the request, and echoed', async (t) => {
  const { stream, lines } = logCapture();
  const app = await build(t, {}, { logger: { level: 'info', stream } });
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const res = await app.inject({ url: '/v1/search?q=support', headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
  t.equal(res.statusCode, 200);
  const echoed = parseTraceparent(res.headers.traceparent as string);
  t.same(echoed, { traceId, flags: '01' }, 'the answer continues the same trace');
  t.notMatch(res.headers.traceparent, /00f067aa0ba902b7/, 'with this server as the parent');
  const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === res.headers['x-request-id']);
  t.ok(mine.length >= 2, 'the request logged its lines');
  t.ok(
    mine.every((l) => l.traceId === traceId),
    'every one carries the trace id',
  );

  for (const bad of [
    '00-zz-00f067aa0ba902b7-01',
    `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
    `ff-${traceId}-00f067aa0ba902b7-01`,
    'garbage',
  ]) {
    const fresh = await app.inject({ url: '/healthz', headers: { traceparent: bad } });
    const parsed = parseTraceparent(fresh.headers.traceparent as string);
    t.ok(parsed, `an invalid traceparent (${bad}) gets a new, valid one`);
    t.not(parsed!.traceId, traceId);
  }
  const a = parseTraceparent((await app.inject({ url: '/healthz' })).headers.traceparent as string);
  const b = parseTraceparent((await app.inject({ url: '/healthz' })).headers.traceparent as string);
  t.ok(a && b && a.traceId !== b.traceId, 'each request without one starts its own trace');
});
