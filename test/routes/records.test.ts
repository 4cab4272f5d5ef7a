import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { itemEnvelope, pageEnvelope } from '../../src/schemas/envelopes.js';
import { RECORD_SCHEMAS } from '../../src/schemas/records.js';
import { build } from '../helpers/app.js';

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

type Item = { slug: string; title: string; body: string; topics: { slug: string }[]; [facet: string]: unknown };
type PageBody = {
  data: Item[];
  meta: { total: number; limit: number; offset: number; disclaimer: string; crisis: { message: string; help: string; lines: unknown[] } };
  links: { self: string; first: string; last: string; prev: string | null; next: string | null };
};

for (const { collection, type } of CONTENT_TYPES) {
  t.test(`/v1/${collection}`, async (t) => {
    const res = await get(`/v1/${collection}?limit=100`);
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^application\/json/);
    const body = res.json<PageBody>();
    t.doesNotThrow(() => pageEnvelope(RECORD_SCHEMAS[collection]).parse(body), 'matches the documented schema');
    t.ok(body.data.length > 0, 'has records');
    t.equal(body.meta.total, body.data.length);
    t.match(body.meta.disclaimer, /not a substitute/);
    t.match(body.meta.crisis, { message: /crisis/, emergency: /emergency number/, help: '/v1/help', lines: [] });
    t.ok(body.data.every((r) => r.type === type));

    const first = body.data[0]!;
    const item = await get(`/v1/${collection}/${first.slug}`);
    t.equal(item.statusCode, 200);
    const itemBody = item.json();
    t.doesNotThrow(() => itemEnvelope(RECORD_SCHEMAS[collection]).parse(itemBody));
    t.same(itemBody.data, first, 'the item equals its entry in the list');
    t.equal(itemBody.links.self, `/v1/${collection}/${first.slug}`);
    t.match(itemBody.meta.disclaimer, /not a substitute/);

    const missing = await get(`/v1/${collection}/no-such-${type}`);
    t.equal(missing.statusCode, 404);
    t.match(missing.headers['content-type'], /^application\/problem\+json/);
    t.match(missing.json(), {
      status: 404,
      type: '/problems/not-found',
      detail: new RegExp(`The ${type} "no-such-${type}" does not exist`),
    });
  });
}

t.test('filters by topic, one or several', async (t) => {
  const one = (await get('/v1/signs?topic=emotional-detachment&limit=100')).json<PageBody>();
  t.ok(one.data.length > 0);
  t.ok(one.data.every((r) => r.topics.some((x) => x.slug === 'emotional-detachment')));
  const all = (await get('/v1/signs?limit=100')).json<PageBody>();
  t.ok(one.meta.total < all.meta.total, 'the filter narrows the list');
  const two = (await get('/v1/signs?topic=emotional-detachment,emotional-isolation&limit=100')).json<PageBody>();
  t.ok(two.meta.total > one.meta.total, 'several topics widen it again');
  t.ok(two.data.every((r) => r.topics.some((x) => ['emotional-detachment', 'emotional-isolation'].includes(x.slug))));
  const unknown = await get('/v1/signs?topic=emotional-loneliness');
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().errors, [
    { in: 'query', name: 'topic', detail: /unknown topic "emotional-loneliness"; must be one of emotional-isolation/ },
  ]);
});

t.test("filters by each type's own facets", async (t) => {
  const cases: [string, string, string][] = [
    ['signs', 'kind', 'relational'],
    ['signs', 'setting', 'romantic-relationship'],
    ['causes', 'category', 'medical'],
    ['strategies', 'category', 'relapse-prevention'],
    ['therapies', 'kind', 'support'],
    ['impacts', 'area', 'physical-health'],
  ];
  for (const [collection, facet, value] of cases) {
    const body = (await get(`/v1/${collection}?${facet}=${value}&limit=100`)).json<PageBody>();
    t.ok(body.data.length > 0, `${collection}?${facet}=${value} finds records`);
    t.ok(
      body.data.every((r) => r[facet] === value),
      `only ${facet}=${value}`,
    );
  }
  const both = (await get('/v1/strategies?category=prevention,relapse-prevention&topic=emotional-withdrawal&limit=100')).json<PageBody>();
  t.ok(both.data.length > 0);
  t.ok(
    both.data.every(
      (r) => ['prevention', 'relapse-prevention'].includes(r.category as string) && r.topics.some((x) => x.slug === 'emotional-withdrawal'),
    ),
  );
  const bad = await get('/v1/signs?kind=angry');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'kind');
  const foreign = await get('/v1/signs?category=coping');
  t.equal(foreign.statusCode, 400, "another type's facet is not a parameter here");
});

t.test('pages with limit and offset, with links that walk the whole collection', async (t) => {
  const first = await get('/v1/signs?limit=5&topic=emotional-withdrawal');
  const body = first.json<PageBody>();
  t.equal(body.meta.limit, 5);
  t.equal(body.meta.offset, 0);
  t.equal(body.data.length, 5);
  t.equal(body.links.prev, null);
  t.equal(body.links.first, '/v1/signs?topic=emotional-withdrawal&limit=5&offset=0');
  t.equal(body.links.next, '/v1/signs?topic=emotional-withdrawal&limit=5&offset=5');
  const lastOffset = Math.floor((body.meta.total - 1) / 5) * 5;
  t.equal(body.links.last, `/v1/signs?topic=emotional-withdrawal&limit=5&offset=${lastOffset}`);

  const seen: string[] = [];
  let next: string | null = body.links.self;
  while (next) {
    const page: PageBody = (await get(next)).json();
    seen.push(...page.data.map((r) => r.slug));
    if (page.links.next === null) t.equal(page.links.self, body.links.last, 'the walk ends on the last page');
    else t.equal(page.links.next.includes(`offset=${page.meta.offset + 5}`), true);
    next = page.links.next;
  }
  t.equal(seen.length, body.meta.total);
  t.equal(new Set(seen).size, seen.length, 'no record appears twice');

  const beyond = (await get('/v1/signs?offset=500')).json<PageBody>();
  t.same(beyond.data, []);
  t.ok(beyond.links.prev, 'a page past the end still links back');
  t.equal(beyond.links.next, null);
});

t.test('sorts by a documented key', async (t) => {
  const titles = (await get('/v1/faqs?sort=title&limit=100')).json<PageBody>().data.map((r) => r.title);
  t.same(
    titles,
    [...titles].sort((a, b) => a.localeCompare(b, 'en')),
  );
  const desc = (await get('/v1/faqs?sort=-title&limit=100')).json<PageBody>().data.map((r) => r.title);
  t.same(desc, [...titles].reverse());
  const editorial = (await get('/v1/strategies?limit=3')).json<PageBody>().data.map((r) => r.slug);
  t.same(
    editorial,
    (await get('/v1/strategies?sort=order&limit=3')).json<PageBody>().data.map((r) => r.slug),
  );
  const bad = await get('/v1/faqs?sort=popularity');
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors[0], { name: 'sort', detail: /must be one of order, -order, title/ });
});

t.test('format chooses how bodies are encoded', async (t) => {
  const md = (await get('/v1/strategies/journaling')).json().data;
  t.equal(md.bodyFormat, 'markdown');
  const html = (await get('/v1/strategies/journaling?format=html')).json().data;
  t.equal(html.bodyFormat, 'html');
  t.match(html.body, /^<(p|ul|h2)>/);
  t.notMatch(html.body, /<script|javascript:/i);
  const text = (await get('/v1/strategies/journaling?format=text')).json().data;
  t.equal(text.bodyFormat, 'text');
  t.notMatch(text.body, /<\/?[a-z]+>|\*\*|^#+ /m, 'no markup left');
  t.ok(text.body.length > 100);
  const list = (await get('/v1/signs?format=html&limit=3')).json<PageBody>().data;
  t.ok(list.every((r) => r.body.startsWith('<')));
  t.equal((await get('/v1/signs?format=pdf')).statusCode, 400);
});
