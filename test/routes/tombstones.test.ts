import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { readChangeLog } from '../../src/seed/change-log.js';
import { recordChanges } from '../../src/seed/record-changes.js';
import { buildFromSeed } from '../helpers/app.js';
import { relink, removeRecord, renameRecord } from '../helpers/renamed-seed.js';
import { copySeed, MIGRATIONS_DIR } from '../helpers/store.js';

// A scratch copy of the seed gets one edit, one removal and one rename; the recorder logs them as
// a new content version, and a store built from the copy answers the feed, 301 and 410 from it.

const HOUR = 3600_000;

/** Records the copy's changes now (at least an hour after its last logged version); returns the last and the new version. */
function recordEdits(seed: string) {
  const last = readChangeLog(seed).versions.at(-1)!;
  const logged = recordChanges(seed, MIGRATIONS_DIR, new Date(Math.max(Date.now(), Date.parse(last.at) + HOUR)));
  return { previous: last, logged: logged! };
}

t.test('an edit, a removal and a rename: the feed, 301 and 410', async (t) => {
  const seed = copySeed(t);
  appendFileSync(join(seed, 'strategies/journaling.md'), '\nWrite for five minutes; that is enough.\n');
  removeRecord(seed, 'signs', 'reduced-affection');
  renameRecord(seed, 'signs', 'emotional-numbness', 'feeling-numb');
  const { previous, logged } = recordEdits(seed);
  t.same(
    logged.changes.filter((c) => c.change !== 'updated' || c.slug === 'journaling').map((c) => [c.type, c.slug, c.change]),
    [
      ['sign', 'emotional-numbness', 'renamed'],
      ['sign', 'reduced-affection', 'removed'],
      ['strategy', 'journaling', 'updated'],
    ],
    'the recorder logs the rename, the removal and the edit',
  );
  const relinked = logged.changes.filter((c) => c.change === 'updated' && c.slug !== 'journaling');
  t.ok(relinked.length > 0, 'and, as updated, the records whose links followed them');
  const app = await buildFromSeed(t, seed);
  const get = (url: string) => app.inject({ method: 'GET', url });

  t.test('the feed since the previous version lists exactly those changes', async (t) => {
    // Written out, not taken from the registry, so that a wrong plural there fails here. Every
    // type is listed: which records a content version touches changes with every edit.
    const collectionOf: Record<string, string> = {
      topic: 'topics',
      sign: 'signs',
      cause: 'causes',
      context: 'contexts',
      strategy: 'strategies',
      therapy: 'therapies',
      faq: 'faqs',
      impact: 'impacts',
      story: 'stories',
      source: 'sources',
    };
    const hrefOf = (type: string, slug: string) => {
      const collection = collectionOf[type];
      if (!collection) throw new Error(`no collection written out for ${type}`);
      return `/v1/${collection}/${slug}`;
    };
    const expected = logged.changes.map((c) => ({
      type: c.type,
      slug: c.slug,
      change: c.change,
      newSlug: c.change === 'renamed' ? c.newSlug : null,
      at: logged.at,
      version: logged.version,
      href: c.change === 'removed' ? null : hrefOf(c.type, c.change === 'renamed' ? c.newSlug : c.slug),
    }));
    t.match(
      expected.filter((e) => ['emotional-numbness', 'reduced-affection', 'journaling'].includes(e.slug)),
      [
        { type: 'sign', slug: 'emotional-numbness', change: 'renamed', newSlug: 'feeling-numb', href: '/v1/signs/feeling-numb' },
        { type: 'sign', slug: 'reduced-affection', change: 'removed', newSlug: null, href: null },
        { type: 'strategy', slug: 'journaling', change: 'updated', newSlug: null, href: '/v1/strategies/journaling' },
      ],
    );
    const byVersion = await get(`/v1/changes?since=${previous.version}`);
    t.equal(byVersion.statusCode, 200);
    t.same(byVersion.json().data, expected, 'since the previous content version');
    t.equal(byVersion.json().meta.contentVersion, logged.version, 'meta.contentVersion is the version to ask from next time');
    t.same((await get(`/v1/changes?since=${previous.at}`)).json().data, expected, 'since the moment the previous version was logged');
    t.same((await get(`/v1/changes?since=${logged.version}`)).json().data, [], 'nothing after the newest version');
    const lastOffset = Math.floor((expected.length - 1) / 2) * 2;
    const paged = (await get(`/v1/changes?since=${previous.version}&limit=2&offset=${lastOffset}`)).json();
    t.same(paged.data, expected.slice(lastOffset));
    t.equal(paged.links.prev, `/v1/changes?since=${previous.version}&limit=2&offset=${lastOffset - 2}`);
    t.equal(paged.links.next, null);
  });

  t.test('the old slug of a renamed record answers 301, deprecated with a sunset', async (t) => {
    const res = await get('/v1/signs/emotional-numbness?format=html&region=gb');
    t.equal(res.statusCode, 301);
    t.equal(res.headers.location, '/v1/signs/feeling-numb?format=html&region=GB', 'keeps the query (in its canonical spelling)');
    t.equal(res.headers.deprecation, `@${Date.parse(logged.at) / 1000}`, 'RFC 9745: @ and Unix seconds of the rename');
    const sunset = new Date(logged.at);
    sunset.setUTCMonth(sunset.getUTCMonth() + 12);
    t.equal(res.headers.sunset, sunset.toUTCString(), 'RFC 8594 HTTP-date, 12 months after the rename');
    t.match(res.headers.link, '</v1/signs/feeling-numb?format=html&region=GB>; rel="successor-version"');
    t.match(res.headers['cache-control'], /public/, 'a redirect may be cached like the content');
    const plain = await get('/v1/signs/emotional-numbness');
    t.equal(plain.headers.location, '/v1/signs/feeling-numb');
    const target = await get(plain.headers.location as string);
    t.equal(target.statusCode, 200);
    t.equal(target.json().data.slug, 'feeling-numb');
    t.equal((await get('/v1/signs/emotional-numbness?colour=blue')).statusCode, 400, 'a bad query is still a 400, not a redirect');
  });

  t.test('a removed record leaves a tombstone: 410 problem+json', async (t) => {
    const res = await get('/v1/signs/reduced-affection');
    t.equal(res.statusCode, 410);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), {
      type: '/problems/gone',
      title: 'Gone',
      status: 410,
      detail: /removed .* on \d{4}-\d{2}-\d{2}/,
      instance: '/v1/signs/reduced-affection',
    });
    t.equal(res.headers['cache-control'], 'no-store');
    t.equal((await get('/v1/signs/never-existed')).statusCode, 404, 'a slug the log never knew is still a 404');
    t.equal((await get('/v1/strategies/reduced-affection')).statusCode, 404, 'a tombstone belongs to its own collection');
  });
});

t.test('after its Sunset a renamed slug answers 410 naming the successor; renames are followed to the slug a record has now', async (t) => {
  const seed = copySeed(t);
  rmSync(join(seed, 'changes.json'));
  recordChanges(seed, MIGRATIONS_DIR, new Date('2024-01-01T00:00:00Z'));
  renameRecord(seed, 'signs', 'emotional-numbness', 'feeling-numb');
  recordChanges(seed, MIGRATIONS_DIR, new Date('2024-06-01T00:00:00Z'));
  // Renamed again: the file keeps every slug it had, the recorder picks the one it replaces.
  const text = readFileSync(join(seed, 'signs/feeling-numb.md'), 'utf8');
  writeFileSync(
    join(seed, 'signs/numbness.md'),
    text.replace('formerSlugs: [emotional-numbness]', 'formerSlugs: [emotional-numbness, feeling-numb]'),
  );
  rmSync(join(seed, 'signs/feeling-numb.md'));
  relink(seed, 'signs/feeling-numb', 'signs/numbness');
  recordChanges(seed, MIGRATIONS_DIR, new Date(Date.now() - HOUR));
  const log = readChangeLog(seed);
  t.same(
    log.versions
      .slice(1)
      .map((v) => v.changes.filter((c) => c.change === 'renamed').map((c) => [c.change, c.slug, 'newSlug' in c ? c.newSlug : null])),
    [[['renamed', 'emotional-numbness', 'feeling-numb']], [['renamed', 'feeling-numb', 'numbness']]],
    'each rename is logged from the slug the record had then',
  );
  const app = await buildFromSeed(t, seed);
  const old = await app.inject('/v1/signs/emotional-numbness');
  t.equal(old.statusCode, 410, 'renamed in June 2024: its redirect ended in June 2025');
  t.match(old.json().detail, /renamed to "numbness" on 2024-06-01; the old address redirected until 2025-06-01/);
  t.equal(old.headers.link, '</v1/signs/numbness>; rel="successor-version"');
  const recent = await app.inject('/v1/signs/feeling-numb');
  t.equal(recent.statusCode, 301, 'renamed an hour ago: redirects');
  t.equal(recent.headers.location, '/v1/signs/numbness');
});
