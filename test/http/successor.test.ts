// What an old address answers, on its own (no app): a 404, a 410, or a 301 with its deprecation,
// sunset and successor link. test/routes/tombstones.test.ts checks the same through the routes.
import t from 'tap';
import { HttpProblem } from '../../src/http/problems.js';
import { missing, MovedPermanently, REDIRECT_MONTHS, sunsetOf } from '../../src/http/successor.js';

const locate = (slug: string) => `/v1/signs/${slug}?format=html`;
const RENAMED_AT = '2025-03-15T10:00:00.000Z';
const renamed = { kind: 'renamed', to: 'new-name', at: RENAMED_AT, version: '7' } as const;

t.test('an old slug redirects for twelve months after its rename, to the day', async (t) => {
  t.equal(REDIRECT_MONTHS, 12);
  t.equal(sunsetOf(RENAMED_AT).toISOString(), '2026-03-15T10:00:00.000Z');
  t.equal(sunsetOf('2024-12-01T00:00:00Z').toISOString(), '2025-12-01T00:00:00.000Z', 'across a year end');
});

t.test('a slug the log never knew is a plain 404', async (t) => {
  const error = missing('The sign "x"', undefined, locate);
  t.ok(error instanceof HttpProblem);
  t.equal((error as HttpProblem).statusCode, 404);
  t.equal((error as HttpProblem).detail, 'The sign "x" does not exist.');
});

t.test('a removed record is gone (410), saying when and in which content version', async (t) => {
  const error = missing('The sign "x"', { kind: 'removed', at: '2025-02-03T12:00:00Z', version: '5' }, locate) as HttpProblem;
  t.equal(error.statusCode, 410);
  t.equal(error.detail, 'The sign "x" was removed from the content on 2025-02-03 (content version 5); see /v1/changes.');
  t.equal(error.headers, undefined, 'no successor to link');
});

t.test('within the redirect period: a 301 to the new address with deprecation, sunset and links', async (t) => {
  const now = Date.parse('2025-09-01T00:00:00Z');
  const error = missing('The sign "old-name"', renamed, locate, now);
  t.ok(error instanceof MovedPermanently);
  const moved = error as MovedPermanently;
  t.equal(moved.name, 'MovedPermanently');
  t.equal(moved.message, 'moved permanently to /v1/signs/new-name?format=html');
  t.equal(moved.location, '/v1/signs/new-name?format=html');
  t.strictSame(moved.headers, {
    location: '/v1/signs/new-name?format=html',
    deprecation: `@${Date.parse(RENAMED_AT) / 1000}`,
    sunset: 'Sun, 15 Mar 2026 10:00:00 GMT',
    link: '</v1/signs/new-name?format=html>; rel="successor-version", </docs>; rel="deprecation"; type="text/html"',
  });
  t.equal(moved.headers.deprecation, '@1742032800', 'RFC 9745: whole seconds since the epoch');
  t.equal(missing('x', { ...renamed, at: '2025-03-15T10:00:00.900Z' }, locate, now).constructor, MovedPermanently);
  t.equal(
    (missing('x', { ...renamed, at: '2025-03-15T10:00:00.900Z' }, locate, now) as MovedPermanently).headers.deprecation,
    '@1742032800',
    'a fraction of a second is dropped, not rounded up',
  );
  t.ok(missing('x', renamed, locate, Date.parse(RENAMED_AT)) instanceof MovedPermanently, 'from the moment of the rename');
  t.ok(missing('x', renamed, locate, Date.parse('2026-03-15T09:59:59.999Z')) instanceof MovedPermanently, 'until just before the sunset');
});

t.test('from the sunset on: a 410 that still names the new address', async (t) => {
  for (const now of [Date.parse('2026-03-15T10:00:00.000Z'), Date.parse('2027-01-01T00:00:00Z')]) {
    const error = missing('The sign "old-name"', renamed, locate, now) as HttpProblem;
    t.ok(error instanceof HttpProblem, new Date(now).toISOString());
    t.equal(error.statusCode, 410);
    t.equal(
      error.detail,
      'The sign "old-name" was renamed to "new-name" on 2025-03-15; the old address redirected until 2026-03-15. Use /v1/signs/new-name?format=html.',
    );
    t.strictSame(error.headers, { link: '</v1/signs/new-name?format=html>; rel="successor-version"' });
    t.equal(error.errors, undefined);
  }
});

t.test('the default clock is now', async (t) => {
  const longAgo = { ...renamed, at: '2000-01-01T00:00:00Z' };
  t.ok(missing('x', longAgo, locate) instanceof HttpProblem, 'a rename long ago has passed its sunset');
  const justNow = { ...renamed, at: new Date().toISOString() };
  t.ok(missing('x', justNow, locate) instanceof MovedPermanently, 'a rename just now still redirects');
});
