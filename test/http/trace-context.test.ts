// W3C Trace Context on its own (no app): which traceparent headers are taken up, and the trace a
// request gets. test/operations/metrics.test.ts checks the same through the app's logs and headers.
import type { IncomingMessage } from 'node:http';
import t from 'tap';
import { parseTraceparent, traceOf, traceparentOf } from '../../src/http/trace-context.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';
const valid = `00-${TRACE}-${PARENT}-01`;

t.test('a valid traceparent gives its trace id and flags', async (t) => {
  t.strictSame(parseTraceparent(valid), { traceId: TRACE, flags: '01' });
  t.strictSame(parseTraceparent(`  ${valid} `), { traceId: TRACE, flags: '01' }, 'surrounding spaces do not matter');
  t.strictSame(parseTraceparent(`00-${TRACE}-${PARENT}-00`), { traceId: TRACE, flags: '00' });
  t.strictSame(
    parseTraceparent(`01-${TRACE}-${PARENT}-01-what-a-later-version-adds`),
    { traceId: TRACE, flags: '01' },
    'a later version may add fields after the flags',
  );
  t.strictSame(
    parseTraceparent(`00-0${TRACE.slice(1, -1)}0-${PARENT}-01`)?.traceId,
    `0${TRACE.slice(1, -1)}0`,
    'zeros at either end are fine',
  );
  t.strictSame(parseTraceparent(`00-${TRACE}-0${PARENT.slice(1, -1)}0-01`)?.traceId, TRACE, 'in the parent id too');
});

t.test('anything else is ignored, so the request starts a trace of its own', async (t) => {
  const invalid: [string | string[] | undefined, string][] = [
    [undefined, 'no header'],
    [[valid, valid], 'the header sent twice'],
    ['', 'empty'],
    [valid.toUpperCase(), 'upper-case hex'],
    [`ff-${TRACE}-${PARENT}-01`, 'version ff'],
    [`00-${TRACE}-${PARENT}-01-extra`, 'version 00 with more fields'],
    [`00-${TRACE}-${PARENT}-01x`, 'trailing characters'],
    [`x00-${TRACE}-${PARENT}-01`, 'leading characters'],
    [`01-${TRACE}-${PARENT}-01x`, 'a later version with trailing characters'],
    [`x01-${TRACE}-${PARENT}-01`, 'a later version with leading characters'],
    [`00-${'0'.repeat(32)}-${PARENT}-01`, 'an all-zero trace id'],
    [`00-${TRACE}-${'0'.repeat(16)}-01`, 'an all-zero parent id'],
    [`00-${TRACE.slice(1)}-${PARENT}-01`, 'a short trace id'],
    [`00-${TRACE}-${PARENT.slice(1)}-01`, 'a short parent id'],
    [`0-${TRACE}-${PARENT}-01`, 'a short version'],
    [`00-${TRACE}-${PARENT}-1`, 'short flags'],
    [`00-${TRACE.slice(0, -1)}g-${PARENT}-01`, 'a non-hex digit'],
    [`00_${TRACE}_${PARENT}_01`, 'other separators'],
  ];
  for (const [header, why] of invalid) t.equal(parseTraceparent(header), undefined, why);
});

const request = (traceparent?: string | string[]) =>
  ({ headers: traceparent === undefined ? {} : { traceparent } }) as unknown as IncomingMessage;

t.test('a request joins its caller’s trace with a span of its own', async (t) => {
  const req = request(valid);
  const context = traceOf(req);
  t.equal(context.traceId, TRACE);
  t.equal(context.flags, '01', 'the sampled flag is handed on');
  t.match(context.spanId, /^[0-9a-f]{16}$/, 'a 16-digit hex span id');
  t.not(context.spanId, PARENT, 'not the caller’s own span');
  t.equal(traceOf(req), context, 'the same context for every question about one request');
  t.equal(traceparentOf(context), `00-${TRACE}-${context.spanId}-01`);
});

t.test('a request without a usable traceparent starts a new, unsampled trace', async (t) => {
  for (const header of [undefined, 'nonsense']) {
    const context = traceOf(request(header));
    t.match(context.traceId, /^[0-9a-f]{32}$/, 'a 32-digit hex trace id');
    t.notMatch(context.traceId, /^0+$/);
    t.match(context.spanId, /^[0-9a-f]{16}$/);
    t.equal(context.flags, '00');
    t.match(traceparentOf(context), /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/, 'what it hands on is itself a valid traceparent');
    t.ok(parseTraceparent(traceparentOf(context)), 'and parses back');
  }
  const a = traceOf(request());
  const b = traceOf(request());
  t.not(a.traceId, b.traceId, 'each request its own trace');
  t.not(a.spanId, b.spanId, 'and its own span');
});
