// A whole request for one operation: path, query string and headers. A third are well-formed
// (so 2xx bodies get checked against their schema), a third have one hostile parameter, a third
// mix in anything: hostile values, repeated keys, unknown parameters.
import fc from 'fast-check';
import type { Operation } from './operations.js';
import { hostileValue, pathValue, type Pools, validValue } from './values.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Send again with the ETag received, expecting 304. */
  revalidate: boolean;
}

const ACCEPT = [
  'application/json',
  '*/*',
  'application/*',
  'text/html',
  'application/xml',
  'application/problem+json',
  '',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'application/json;q=0',
  '*/*;q=abc',
  'APPLICATION/JSON',
  ';;,,',
  'text/*',
  'image/png',
  `application/json, ${'x/y, '.repeat(200)}`,
];
const IF_NONE_MATCH = ['*', '"abc"', 'W/"abc"', 'garbage', '"', ',', '"a", "b"', `"${'x'.repeat(500)}"`];
const ACCEPT_ENCODING = ['gzip', 'br', 'deflate', 'identity', '*', 'gzip;q=0, br', 'compress', 'br;q=abc'];
const UNKNOWN_KEYS = ['colour', '__proto__', 'constructor', 'toString', 'limit[]', 'a[b]', '', ' ', '😀', 'x'.repeat(300)];

const headersArb = fc.record(
  {
    accept: fc.constantFrom(...ACCEPT),
    'if-none-match': fc.constantFrom(...IF_NONE_MATCH),
    'accept-encoding': fc.constantFrom(...ACCEPT_ENCODING),
  },
  { requiredKeys: [] },
);

export function requestArb(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(p, op.path, pools)))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), op.path));

  const entry = (p: (typeof query)[number], value: fc.Arbitrary<string>) => {
    const given = value.map((v) => [[encodeURIComponent(p.name), v]] as [string, string][]);
    return p.required ? fc.oneof({ arbitrary: given, weight: 9 }, fc.constant([])) : fc.oneof(given, fc.constant([]));
  };
  const valid = fc.tuple(...query.map((p) => entry(p, validValue(p, pools))));
  const wellFormed = valid.map((e) => e.flat());
  // One hostile parameter among valid ones, so it reaches the code behind validation (search).
  const oneHostile = fc
    .tuple(
      valid,
      fc.tuple(...query.map((p) => hostileValue(p, pools).map((v) => [encodeURIComponent(p.name), v] as [string, string]))),
      fc.nat(),
    )
    .map(([entries, hostile, n]) => entries.flatMap((e, i) => (i === n % entries.length ? [hostile[i]!] : e)));
  const anything = fc
    .tuple(
      fc.tuple(...query.map((p) => entry(p, fc.oneof(validValue(p, pools), hostileValue(p, pools))))).map((e) => e.flat()),
      fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 8 })).map(encodeURIComponent),
          fc.string({ maxLength: 8 }).map(encodeURIComponent),
        ),
        { maxLength: 2 },
      ),
      fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    )
    // A repeated key is how clients send arrays (?a=1&a=2).
    .map(([entries, unknown, repeat]) => [...entries, ...(repeat && entries[0] ? [entries[0]] : []), ...unknown]);

  return fc
    .record({
      path,
      entries: fc.oneof(wellFormed, oneHostile, anything),
      headers: fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, headersArb),
      revalidate: fc.boolean(),
    })
    .map(({ path, entries, headers, revalidate }) => {
      const qs = entries.map(([k, v]) => `${k}=${v}`).join('&');
      return { method: op.method, url: qs ? `${path}?${qs}` : path, headers, revalidate };
    });
}
