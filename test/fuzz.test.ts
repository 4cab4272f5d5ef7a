// Property-based fuzzing of every operation in the OpenAPI document (generated from the running
// app, so routes added later are fuzzed too): valid, boundary and hostile paths, queries and
// headers. Never a 5xx; 2xx bodies match their documented schema; 4xx are problem+json.
// CI runs a bounded, seeded count; `npm run fuzz` a large one. FUZZ_RUNS is the total number of
// requests, shared evenly by the operations; FUZZ_SEED picks another sequence. A failure prints
// the shrunk counterexample: a complete request (URL and headers) that reproduces it.
import fc from 'fast-check';
import t from 'tap';
import { build } from './helpers/app.js';
import { bodyText, violation } from './helpers/fuzz/expectations.js';
import { type OpenApiDoc, operationMatcher, operationsOf, responseValidator } from './helpers/fuzz/operations.js';
import { harvestPools } from './helpers/fuzz/pools.js';
import { type FuzzRequest, requestArb } from './helpers/fuzz/requests.js';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

// Rate limits and load shedding are tested elsewhere; here they would only turn requests into
// 429s, or into 503s while this tight loop keeps the event loop busy.
const app = await build(t, { RATE_LIMIT_ENABLED: 'false', MAX_EVENT_LOOP_DELAY_MS: '0' });
const doc = structuredClone(app.swagger()) as unknown as OpenApiDoc;
const operations = operationsOf(doc);
const validate = responseValidator(doc);
const matchOperation = operationMatcher(operations);
const pools = await harvestPools(app, operations);
const runsPerOperation = Math.max(20, Math.ceil(TOTAL_RUNS / operations.length));

/** Sends the request and throws, with the response, when it breaks the contract. */
async function check(req: FuzzRequest, statuses: Map<number, number>): Promise<void> {
  const res = await app.inject({ method: req.method as 'GET', url: req.url, headers: req.headers });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  // A request naming `fields` gets trimmed items, as the document says (x-sparse-fieldset).
  const sparse = new URL(req.url, 'http://fuzz.invalid').searchParams.has('fields');
  const broken = violation(matchOperation(req.method, req.url), req.method, res, (op, status, media, body) =>
    validate(op, status, media, body, sparse),
  );
  if (broken) {
    const type = String(res.headers['content-type'] ?? '');
    throw new Error(`${broken}\n  ${req.method} ${req.url.slice(0, 500)} → ${res.statusCode} ${type}\n  ${bodyText(res).slice(0, 800)}`);
  }
  // Revalidating with the ETag just received must answer 304 Not Modified.
  const etag = res.headers.etag;
  if (req.revalidate && res.statusCode === 200 && typeof etag === 'string') {
    const again = await app.inject({ method: req.method as 'GET', url: req.url, headers: { ...req.headers, 'if-none-match': etag } });
    if (again.statusCode !== 304)
      throw new Error(`If-None-Match ${etag} answered ${again.statusCode}, not 304\n  ${req.method} ${req.url.slice(0, 500)}`);
  }
}

t.ok(operations.length > 0, 'the document has operations');
t.ok(pools.allSlugs.length > 0, 'list operations yield real slugs for valid requests');

operations.forEach((op, i) => {
  t.test(`${op.method} ${op.path}`, async (t) => {
    const statuses = new Map<number, number>();
    const property = fc.asyncProperty(requestArb(op, pools), (req) => check(req, statuses));
    const details = await fc.check(property, { numRuns: runsPerOperation, seed: SEED + i, includeErrorInReport: true });
    // The status mix shows the generator reaches both the success and the error paths.
    const mix = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    // The report carries the shrunk counterexample, its seed and path: enough to replay it.
    if (details.failed) t.fail(fc.defaultReportMessage(details) ?? 'property failed');
    else t.pass(`${details.numRuns} requests (seed ${SEED + i}): ${mix.join(' ')}`);
  });
});
