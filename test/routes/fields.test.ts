import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { itemEnvelope, pageEnvelope } from '../../src/schemas/envelopes.js';
import { RECORD_SCHEMAS } from '../../src/schemas/records.js';
import { SEARCH_FIELDS } from '../../src/schemas/search.js';
import { Source } from '../../src/schemas/sources.js';
import { Topic } from '../../src/schemas/topics.js';
import { build } from '../helpers/app.js';

// Sparse fieldsets (`fields`) on every list, item and search operation, and `include` as a typed
// list: what a client gets, what the cache keeps, and what the spec tells a client generator. A
// trimmed item is its documented schema with the fields not named left out (x-sparse-fieldset):
// what it keeps parses as the schema's own fields (`.partial()`).

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });
type Item = Record<string, unknown> & { type: string; slug: string; href: string };
type Page = { data: Item[]; meta: Record<string, unknown>; links: Record<string, string | null> };
const keysOf = (item: object) => Object.keys(item).sort();

t.test('a list keeps only the named fields, plus type, slug and href; the envelope is unchanged', async (t) => {
  const res = await get('/v1/strategies?fields=title,summary&limit=5&topic=emotional-withdrawal');
  t.equal(res.statusCode, 200);
  const body = res.json<Page>();
  t.equal(body.data.length, 5);
  for (const item of body.data) t.same(keysOf(item), ['href', 'slug', 'summary', 'title', 'type'], `${item.slug}: only the named fields`);
  t.doesNotThrow(() => pageEnvelope(RECORD_SCHEMAS.strategies.partial()).parse(body), 'what each item keeps is documented');

  const full = (await get('/v1/strategies?limit=5&topic=emotional-withdrawal')).json<Page>();
  t.same(
    body.data,
    full.data.map(({ type, slug, title, summary, href }) => ({ type, slug, title, summary, href })),
    "the values are the full records'",
  );
  t.same(body.meta, full.meta, 'meta as without fields');
  t.equal(
    body.links.self,
    '/v1/strategies?fields=summary%2Ctitle&topic=emotional-withdrawal&limit=5&offset=0',
    'links carry fields, canonically',
  );
  t.equal(body.links.next, '/v1/strategies?fields=summary%2Ctitle&topic=emotional-withdrawal&limit=5&offset=5');

  // fields is not a facet: it trims, it does not filter.
  const kinds = (await get('/v1/signs?kind=emotional&fields=kind&limit=100')).json<Page>();
  t.equal(
    kinds.meta.total,
    (await get('/v1/signs?kind=emotional&limit=100')).json<Page>().meta.total,
    'the same records as without fields',
  );
  t.ok(kinds.data.length > 0 && kinds.data.every((s) => s.kind === 'emotional'));
});

t.test('naming every field gives the same data as naming none, in the same order', async (t) => {
  for (const { collection } of CONTENT_TYPES) {
    const all = Object.keys(RECORD_SCHEMAS[collection].shape).join(',');
    const fielded = (await get(`/v1/${collection}?fields=${all}&limit=100`)).json<Page>();
    const plain = (await get(`/v1/${collection}?limit=100`)).json<Page>();
    t.equal(JSON.stringify(fielded.data), JSON.stringify(plain.data), collection);
  }
});

t.test('an item keeps only the named fields, in the requested format', async (t) => {
  const res = await get('/v1/therapies/cognitive-behavioural-therapy?fields=acronym,whenToConsider');
  t.equal(res.statusCode, 200);
  const body = res.json<{ data: Item; links: { self: string } }>();
  t.same(keysOf(body.data), ['acronym', 'href', 'slug', 'type', 'whenToConsider']);
  t.equal(body.data.acronym, 'CBT');
  t.equal(body.links.self, '/v1/therapies/cognitive-behavioural-therapy?fields=acronym%2CwhenToConsider');
  t.doesNotThrow(() => itemEnvelope(RECORD_SCHEMAS.therapies.partial()).parse(body));

  const html = (await get('/v1/strategies/journaling?fields=body&format=html')).json<{ data: Item }>();
  t.same(keysOf(html.data), ['body', 'href', 'slug', 'type']);
  t.match(html.data.body, /^<(p|ul|h2)>/, 'the body as rendered for the full record');
  t.equal((await get('/v1/signs/not-a-sign?fields=title')).statusCode, 404);
});

t.test('topics: fields trims the topic; records expanded by include stay whole', async (t) => {
  const res = await get('/v1/topics/emotional-withdrawal?fields=title,related&include=signs');
  t.equal(res.statusCode, 200);
  const topic = res.json<{ data: Item & { related: Record<string, { items?: Item[] }> } }>().data;
  t.same(keysOf(topic), ['href', 'related', 'slug', 'title', 'type']);
  t.ok(topic.related.signs!.items!.length > 0);
  t.ok(
    topic.related.signs!.items!.every((s) => typeof s.body === 'string' && typeof s.summary === 'string'),
    'included records are whole',
  );
  t.equal(topic.related.causes!.items, undefined, 'a collection not included has no items');

  // Each collection named gets `items`, an array even when the topic has none of that kind.
  const all = CONTENT_TYPES.map((c) => c.collection).join(',');
  for (const slug of ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment']) {
    const related = (await get(`/v1/topics/${slug}?include=${all}`)).json<{
      data: { related: Record<string, { count: number; items?: Item[] }> };
    }>().data.related;
    for (const [name, { count, items }] of Object.entries(related)) t.equal(items?.length, Math.min(count, 20), `${slug}: ${name} items`);
  }

  const list = (await get('/v1/topics?fields=definition')).json<Page>();
  t.equal(list.data.length, 3);
  for (const item of list.data) t.same(keysOf(item), ['definition', 'href', 'slug', 'type']);
  t.doesNotThrow(() => pageEnvelope(Topic.partial()).parse(list));
  t.equal(list.links.self, '/v1/topics?fields=definition&limit=20&offset=0');
});

t.test('sources: list and item', async (t) => {
  const list = (await get('/v1/sources?fields=citation&kind=article')).json<Page>();
  t.ok(list.data.length > 0);
  for (const item of list.data) t.same(keysOf(item), ['citation', 'href', 'slug', 'type']);
  const res = await get('/v1/sources/detachment-article?fields=publisher,url&region=gb');
  t.equal(res.statusCode, 200);
  const body = res.json<{ data: Item; meta: { crisis: { region: string } }; links: { self: string } }>();
  t.same(keysOf(body.data), ['href', 'publisher', 'slug', 'type', 'url']);
  t.equal(body.links.self, '/v1/sources/detachment-article?fields=publisher%2Curl&region=GB');
  t.equal(body.meta.crisis.region, 'GB', 'the item takes region like the rest');
  t.doesNotThrow(() => itemEnvelope(Source.partial()).parse(body));
  t.equal((await get('/v1/sources/detachment-article')).json().links.self, '/v1/sources/detachment-article', 'without fields, as before');
});

t.test('search: the same rule, and field order is canonical there too', async (t) => {
  const [a, b] = await Promise.all([
    get('/v1/search?q=journaling&fields=summary,title'),
    get('/v1/search?q=journaling&fields=title,summary,title'),
  ]);
  t.equal(a.statusCode, 200);
  t.equal(a.headers.etag, b.headers.etag, 'one answer for both orders');
  const body = a.json<Page>();
  for (const hit of body.data) t.same(keysOf(hit), ['href', 'slug', 'summary', 'title', 'type']);
  t.equal(body.links.self, '/v1/search?fields=summary%2Ctitle&q=journaling&limit=20&offset=0');
});

t.test('field order and repeats do not matter: one answer, kept once', async (t) => {
  const before = app.snapshot.answers.stats.cached;
  const spellings = ['/v1/faqs?fields=summary,title', '/v1/faqs?fields=title,summary', '/v1/faqs?fields=%20title,summary,title'];
  const answers = await Promise.all(spellings.map(get));
  for (const res of answers) t.equal(res.statusCode, 200);
  t.equal(new Set(answers.map((a) => a.headers.etag)).size, 1, 'one ETag');
  t.equal(new Set(answers.map((a) => a.body)).size, 1, 'the same bytes');
  t.equal(app.snapshot.answers.stats.cached - before, 1, 'kept once, in the one answer store');
  const again = await app.inject({ method: 'GET', url: spellings[1]!, headers: { 'if-none-match': answers[0]!.headers.etag as string } });
  t.equal(again.statusCode, 304, 'revalidates like any answer');
  t.not(answers[0]!.headers.etag, (await get('/v1/faqs')).headers.etag, 'a fielded answer is another representation');
});

t.test('an unknown field is a 400 that names it and lists the allowed ones', async (t) => {
  const cases: [string, string[], RegExp][] = [
    ['/v1/signs?fields=title,colour', ['colour'], /must be one of type, slug, title, summary, .*kind, setting$/],
    ['/v1/signs/emotional-numbness?fields=flavour,title,colour', ['colour', 'flavour'], /must be one of type, slug, title/],
    ['/v1/topics/emotional-isolation?fields=firstStep', ['firstStep'], /must be one of type, slug, title, summary, definition, keyPoints/],
    ['/v1/topics?fields=colour', ['colour'], /definition/],
    ['/v1/sources?fields=colour', ['colour'], /must be one of type, slug, title, kind, authority/],
    ['/v1/sources/detachment-article?fields=colour', ['colour'], /citation/],
    ['/v1/search?q=journaling&fields=colour', ['colour'], /snippet/],
  ];
  for (const [url, unknown, allowed] of cases) {
    const res = await get(url);
    t.equal(res.statusCode, 400, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const problem = res.json<{ detail: string; errors: { in: string; name: string; detail: string }[] }>();
    t.equal(problem.errors.length, 1, `${url}: one error for the parameter`);
    t.match(problem.errors[0], { in: 'query', name: 'fields' });
    for (const name of unknown) t.match(problem.detail, `"${name}"`, `${url}: names "${name}"`);
    t.match(problem.errors[0]!.detail, allowed, `${url}: lists the allowed fields`);
    t.notMatch(problem.errors[0]!.detail, /"title"/, 'and names only the unknown ones');
  }
  t.equal((await get('/v1/signs?fields=')).statusCode, 400, 'an empty list');
});

t.test('include is a typed list: an unknown collection is a 400 naming it', async (t) => {
  const res = await get('/v1/topics/emotional-withdrawal?include=sings,strategies');
  t.equal(res.statusCode, 400);
  const problem = res.json<{ detail: string; errors: { name: string; detail: string }[] }>();
  t.match(problem.errors[0], { name: 'include', detail: /"sings".*must be one of signs, causes, contexts/ });
  t.match(problem.detail, /"sings"/);
  t.notMatch(problem.detail, /"strategies"/);
  t.equal((await get('/v1/topics?include=sings')).statusCode, 400, 'on the list too');
});

type Schema = { type?: string; enum?: string[]; items?: Schema; $ref?: string };
type Parameter = { name: string; in: string; style?: string; explode?: boolean; schema: Schema };
t.test('the spec shows fields per type and include as arrays of named enums, sent comma-separated', async (t) => {
  const spec = (await get('/openapi.json')).json<{
    paths: Record<string, { get: { parameters: Parameter[] } }>;
    components: { schemas: Record<string, Schema> };
  }>();
  const param = (path: string, name: string) => spec.paths[path]!.get.parameters.find((p) => p.name === name)!;
  const itemsOf = (p: Parameter) => spec.components.schemas[p.schema.items!.$ref!.split('/').pop()!]!;
  const expected: [string, string[], string][] = [
    ...CONTENT_TYPES.flatMap(({ collection, type }): [string, string[], string][] => {
      const names = Object.keys(RECORD_SCHEMAS[collection].shape);
      const id = `${type.charAt(0).toUpperCase()}${type.slice(1)}Field`;
      return [
        [`/v1/${collection}`, names, id],
        [`/v1/${collection}/{slug}`, names, id],
      ];
    }),
    ['/v1/topics', Object.keys(Topic.shape), 'TopicField'],
    ['/v1/topics/{slug}', Object.keys(Topic.shape), 'TopicField'],
    ['/v1/sources', Object.keys(Source.shape), 'SourceField'],
    ['/v1/sources/{slug}', Object.keys(Source.shape), 'SourceField'],
    ['/v1/search', SEARCH_FIELDS, 'SearchHitField'],
  ];
  for (const [path, names, id] of expected) {
    const fields = param(path, 'fields');
    t.match(
      fields,
      { in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { $ref: `#/components/schemas/${id}` } } },
      `${path}: fields is a comma-separated array of ${id}`,
    );
    t.same(itemsOf(fields).enum, names, `${path}: its names are the shape's keys`);
  }
  t.notOk(itemsOf(param('/v1/signs', 'fields')).enum!.includes('firstStep'), 'per type: a sign has no first step');
  t.ok(itemsOf(param('/v1/strategies', 'fields')).enum!.includes('firstStep'));
  for (const path of ['/v1/topics', '/v1/topics/{slug}']) {
    const include = param(path, 'include');
    t.match(include, { style: 'form', explode: false, schema: { type: 'array', items: { $ref: '#/components/schemas/Collection' } } });
    t.same(
      itemsOf(include).enum,
      CONTENT_TYPES.map((c) => c.collection),
      `${path}: include names the collections`,
    );
  }
});
