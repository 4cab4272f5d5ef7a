// fast-check arbitraries for one parameter value, derived from its documented schema. Values
// come out already encoded for a URL, so "raw junk" (bad percent-escapes) can be sent as is.
import fc from 'fast-check';
import type { Parameter } from './operations.js';

/** Values seen in the running API, so "valid" requests reach real records. */
export interface Pools {
  /** Slugs of each list operation's records, by the last segment of its path (`signs` → …). */
  slugsBySegment: Map<string, string[]>;
  allSlugs: string[];
  /** Absolute URLs of the document's own pages: candidates for URL-valued parameters. */
  pageUrls: string[];
  /** `href`s found in responses, relative and absolute: URLs of the API that are not pages. */
  hrefs: string[];
  /** Literal path segments of the document, candidates for non-slug path parameters. */
  segments: string[];
}

const enc = (s: string) => encodeURIComponent(s);

// Search-syntax and injection characters, NUL, bidi controls, emoji, case-folding oddities.
const HOSTILE = [
  '"',
  "'",
  '*',
  'NEAR',
  'OR',
  'AND',
  'NOT',
  '-',
  ':',
  '(',
  ')',
  '^',
  '\\',
  ';',
  '"unclosed',
  'a OR b',
  'NEAR(a b, 2)',
  'title:x',
  '-term',
  'a*',
  '{a b}',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\u202Eevil',
  '\u2066x\u2069',
  '😀',
  '👩‍👩‍👧',
  'İ',
  'ﬁ',
  '\uFFFD',
  ' ',
  '',
  ',',
  ',,',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];
// Sent without encoding: malformed or surprising percent-escapes and URL punctuation.
const RAW = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%uD83D', '%00', '%2e%2e', '%2F', '%252F', '+', '%2B', '%20'];
const LONG = ['x'.repeat(5000), '😀'.repeat(1250), 'a,'.repeat(2500), 'é'.repeat(2500)];

/** Values the description names: in backticks (`a,b`), else in lists after a colon (": a, b"). */
export function describedValues(description = ''): string[] {
  const clean = (values: string[]) => [...new Set(values.map((s) => s.trim()).filter((s) => /^[\w:.-]+$/.test(s)))];
  const ticks = clean([...description.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(',')));
  return ticks.length ? ticks : clean([...description.matchAll(/:\s*([^.:]+)/g)].flatMap((m) => m[1]!.split(',')));
}

const isUrlParam = (p: Parameter) => /ur[il]/i.test(p.schema?.format ?? '') || /ur[il]$/i.test(p.name);

/** Values a correct client would send: schema enums and bounds, else listed or harvested values. */
export function validValue(p: Parameter, pools: Pools): fc.Arbitrary<string> {
  const s = p.schema ?? {};
  if (s.enum?.length) return fc.constantFrom(...s.enum.map(String)).map(enc);
  // An array parameter is sent comma-separated (form style, explode false): some of its enum.
  const items = s.items?.enum;
  if (s.type === 'array' && items?.length)
    return fc.uniqueArray(fc.constantFrom(...items.map(String)), { minLength: 1, maxLength: 4 }).map((v) => enc(v.join(',')));
  if (s.type === 'integer' || s.type === 'number') {
    const min = s.minimum ?? -1_000_000;
    const max = s.maximum ?? 1_000_000;
    return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max })).map(String);
  }
  if (s.type === 'boolean') return fc.constantFrom('true', 'false');
  if (isUrlParam(p) && pools.pageUrls.length) {
    // Example URLs in the description, moved to the origin app.inject uses.
    const examples = [...(p.description ?? '').matchAll(/`(https?:\/\/[^`\s]+)`/g)]
      .map((m) => new URL(m[1]!))
      .map((u) => `http://localhost${u.pathname}${u.search}`);
    const pages = fc.constantFrom(...examples, ...pools.pageUrls);
    return fc.oneof({ arbitrary: pages, weight: 3 }, fc.constantFrom(...pools.hrefs)).map(enc);
  }
  const listed = describedValues(p.description);
  const candidates = [...listed, ...pools.allSlugs, ...pools.allSlugs.flatMap((slug) => slug.split('-'))];
  const max = s.maxLength ?? Infinity;
  // A described list (filters) is the whole vocabulary; free text (search) takes any word.
  const words = listed.length >= 2 ? listed : [...listed, ...candidates];
  return fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((v) => enc(v.join(',').slice(0, max)));
}

/** Just outside the documented bounds: min-1, max+1, non-integers, one character too long. */
function boundaryValue(p: Parameter): fc.Arbitrary<string> {
  const s = p.schema ?? {};
  const values = ['', '1.5', '1e2', '0x10', ' 1', '-0', 'NaN', 'Infinity', '9'.repeat(400)];
  if (s.minimum !== undefined) values.push(String(s.minimum - 1), String(s.minimum));
  if (s.maximum !== undefined) values.push(String(s.maximum), String(s.maximum + 1));
  if (s.maxLength !== undefined) values.push('a'.repeat(s.maxLength), 'a'.repeat(s.maxLength + 1));
  if (s.minLength) values.push('a'.repeat(s.minLength - 1));
  return fc.constantFrom(...values).map(enc);
}

/** Anything: hostile constants, valid values with hostile edits, random unicode, raw junk. */
export function hostileValue(p: Parameter, pools: Pools): fc.Arbitrary<string> {
  const valid = validValue(p, pools);
  // Real words mixed with operators and quotes: what reaches a query parser past validation.
  const word = fc.oneof(valid.map(decodeURIComponent), fc.constantFrom(...HOSTILE));
  const soup = fc.array(fc.tuple(word, fc.constantFrom('', ' ', ',', '"', '*', ':', '(', ')')), { minLength: 1, maxLength: 6 });
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE).map(enc), weight: 2 },
    { arbitrary: soup.map((parts) => enc(parts.map(([w, sep]) => w + sep).join(''))), weight: 3 },
    fc.constantFrom(...RAW),
    fc.constantFrom(...LONG).map(enc),
    boundaryValue(p),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map(enc),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }).map(enc),
  );
}

/** A path parameter: mostly real slugs for its collection, else anything hostile or odd. */
export function pathValue(p: Parameter, path: string, pools: Pools): fc.Arbitrary<string> {
  const before =
    path
      .slice(0, path.indexOf(`{${p.name}}`))
      .split('/')
      .filter(Boolean)
      .pop() ?? '';
  const own = pools.slugsBySegment.get(before) ?? [];
  const known = own.length ? own : p.name === 'slug' ? pools.allSlugs : [...pools.segments, ...pools.allSlugs];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known).map(enc), weight: 6 },
    { arbitrary: fc.constantFrom('..', '.', '', ...RAW), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE.filter(Boolean), 'a'.repeat(200), 'a'.repeat(201), 'é'.repeat(100)).map(enc), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map(enc), weight: 2 },
  );
}
