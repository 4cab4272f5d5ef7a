import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { Change } from '../../src/schemas/changes.js';
import { pageEnvelope } from '../../src/schemas/envelopes.js';
import { build } from '../helpers/app.js';

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

type Entry = { type: string; slug: string; change: string; newSlug: string | null; at: string; version: string; href: string | null };
type FeedPage = {
  data: Entry[];
  meta: { total: number; limit: number; offset: number; contentVersion: string };
  links: Record<string, string | null>;
};

/** Every entry of the feed, following `next` links from `url`. */
async function whole(url: string): Promise<{ entries: Entry[]; pages: FeedPage[] }> {
  const pages: FeedPage[] = [];
  for (let next: string | null = url; next;) {
    const res = await get(next);
    if (res.statusCode !== 200) throw new Error(`${next}: ${res.statusCode} ${res.body}`);
    const page = res.json<FeedPage>();
    pages.push(page);
    next = page.links.next ?? null;
  }
  return { entries: pages.flatMap((p) => p.data), pages };
}

t.test('from the beginning, the feed lists every topic, record and source as created', async (t) => {
  const { entries, pages } = await whole('/v1/changes?limit=100');
  const expected = [
    ...app.content.listTopics().map((r) => `topic:${r.slug}`),
    ...CONTENT_TYPES.flatMap(({ collection }) => app.content.all(collection).map((r) => `${r.type}:${r.slug}`)),
    ...app.content.allSources().map((s) => `source:${s.slug}`),
  ];
  const created = new Set(entries.filter((e) => e.change === 'created').map((e) => `${e.type}:${e.slug}`));
  t.same(
    expected.filter((key) => !created.has(key)),
    [],
    'nothing current is missing',
  );
  t.equal(pages[0]!.meta.total, entries.length, 'meta.total counts every entry');
  t.doesNotThrow(() => pageEnvelope(Change).parse(pages[0]), 'pages match the documented schema');
  const journaling = entries.find((e) => e.slug === 'journaling')!;
  t.match(journaling, { type: 'strategy', change: 'created', newSlug: null, href: '/v1/strategies/journaling' });
  t.ok(
    entries.every((e) => !Number.isNaN(Date.parse(e.at)) && /^[0-9a-f]{16}$/.test(e.version)),
    'each entry says when and in which version',
  );
  t.ok(
    entries.every((e, i) => i === 0 || Date.parse(entries[i - 1]!.at) <= Date.parse(e.at)),
    'oldest first',
  );
  // The last version may have changed no record (a migration, the help directory): it is logged all the same.
  const served = pages[0]!.meta.contentVersion;
  const since = await app.inject({ method: 'GET', url: `/v1/changes?since=${served}` });
  t.equal(since.statusCode, 200, 'the log reaches the content version being served');
  t.equal(since.json<{ meta: { total: number } }>().meta.total, 0, 'and nothing changed after it');
});

t.test('pages like the collections: limit, offset, meta and first/prev/next/last links, in a stable order', async (t) => {
  const { entries } = await whole('/v1/changes?limit=100');
  const total = entries.length;
  const res = await get('/v1/changes?limit=10&offset=20');
  t.equal(res.statusCode, 200);
  t.match(res.headers['cache-control'], /public/);
  t.ok(res.headers.etag);
  const page = res.json<FeedPage>();
  t.same(page.data, entries.slice(20, 30), 'the same entries as the whole feed, in the same order');
  t.match(page.meta, { total, limit: 10, offset: 20 });
  t.same(page.links, {
    self: '/v1/changes?limit=10&offset=20',
    first: '/v1/changes?limit=10&offset=0',
    last: `/v1/changes?limit=10&offset=${Math.floor((total - 1) / 10) * 10}`,
    prev: '/v1/changes?limit=10&offset=10',
    next: '/v1/changes?limit=10&offset=30',
  });
  const since = await get('/v1/changes?since=2020-01-01T00:00:00Z&limit=5');
  t.equal(
    since.json<FeedPage>().links.next,
    '/v1/changes?since=2020-01-01T00%3A00%3A00.000Z&limit=5&offset=5',
    'links carry since in its one spelling',
  );
  const again = await get('/v1/changes?offset=20&limit=10');
  t.equal(again.headers.etag, res.headers.etag, 'another spelling of the same page is the same answer');
});

t.test('since a content version or a date-time', async (t) => {
  const version = app.content.version;
  const latest = (await get(`/v1/changes?since=${version}`)).json<FeedPage>();
  t.equal(latest.meta.total, 0, 'nothing changed after the version being served');
  const upper = await get(`/v1/changes?since=${version.toUpperCase()}`);
  t.equal(upper.statusCode, 200, 'a version in capitals is the same version');

  const { entries } = await whole('/v1/changes?limit=100');
  const firstAt = entries[0]!.at;
  const before = new Date(Date.parse(firstAt) - 1000).toISOString();
  t.equal(
    (await get(`/v1/changes?since=${before}`)).json<FeedPage>().meta.total,
    entries.length,
    'a moment before the log began: everything',
  );
  t.equal(
    (await get(`/v1/changes?since=${firstAt}`)).json<FeedPage>().meta.total,
    entries.filter((e) => e.at > firstAt).length,
    'changes strictly after the moment',
  );
  t.equal((await get('/v1/changes?since=2099-01-01')).json<FeedPage>().meta.total, 0, 'a date after everything: nothing');
  const offset = await get(`/v1/changes?since=${encodeURIComponent('2020-01-01T01:00:00+01:00')}`);
  t.equal(offset.statusCode, 200, 'a date-time with an offset');
  const unencoded = await get('/v1/changes?since=2020-01-01T01:00:00+01:00');
  t.equal(unencoded.statusCode, 200, 'an offset whose + arrived as a space');
  t.equal(unencoded.json<FeedPage>().links.self, offset.json<FeedPage>().links.self);
});

t.test('a malformed since, or a content version the log does not know, is a 400 saying what is accepted', async (t) => {
  for (const bad of [
    'yesterday',
    '2026-02-30',
    '2026-11-29T17:00:00',
    '2026-11-29T25:00:00Z',
    '12345',
    'ac449495c96e971',
    '0000000000000000',
    '',
  ]) {
    const res = await get(`/v1/changes?since=${encodeURIComponent(bad)}`);
    t.equal(res.statusCode, 400, `since=${bad}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), {
      status: 400,
      errors: [{ in: 'query', name: 'since', detail: /content version \(16 hex digits.*ISO 8601 date-time/ }],
    });
  }
  const unknown = await get('/v1/changes?since=0000000000000000');
  t.match(unknown.json().detail, /names no content version in the change log/);
  t.equal((await get('/v1/changes?limit=0')).statusCode, 400);
  t.equal((await get('/v1/changes?type=sign')).statusCode, 400, 'unknown parameters are refused as everywhere');
});
