import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { SOURCE_KINDS } from '../../src/content/vocabulary.js';
import { FACETS } from '../../src/schemas/records.js';
import { VocabularyAnswer } from '../../src/schemas/vocabulary.js';
import { build } from '../helpers/app.js';

const app = await build(t);

type Facet = { collection: string; parameter: string; values: { value: string; label: string }[] };

t.test('GET /v1/vocabulary labels every value of every facet the API filters on', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/v1/vocabulary' });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.doesNotThrow(() => VocabularyAnswer.parse(body), 'matches the documented schema');
  // What the list operations accept, read from their own schemas (and /v1/sources' kind).
  const filtered = [
    ...Object.entries(FACETS).flatMap(([collection, facets]) =>
      Object.entries(facets).map(([parameter, values]) => ({ collection, parameter, values: [...values.options] })),
    ),
    { collection: 'sources', parameter: 'kind', values: [...SOURCE_KINDS] },
  ];
  const facets = body.data.facets as Facet[];
  t.same(
    facets
      .map((f) => ({ collection: f.collection, parameter: f.parameter, values: f.values.map((v) => v.value) }))
      .sort((a, b) => `${a.collection}.${a.parameter}`.localeCompare(`${b.collection}.${b.parameter}`)),
    filtered.sort((a, b) => `${a.collection}.${a.parameter}`.localeCompare(`${b.collection}.${b.parameter}`)),
    'the same facets and values, in the same order',
  );
  for (const f of facets) {
    const labels = f.values.map((v) => v.label);
    t.ok(
      labels.every((l) => l.trim().length > 0 && /^[A-Z]/.test(l)),
      `${f.collection}.${f.parameter}: each value has a label`,
    );
    t.equal(new Set(labels).size, labels.length, `${f.collection}.${f.parameter}: labels tell values apart`);
  }
  t.same(
    body.data.types.map((x: { type: string }) => x.type),
    CONTENT_TYPES.map((c) => c.type),
    'every record type',
  );
  t.match(facets.find((f) => f.collection === 'strategies')!.values, [{ value: 'self-awareness', label: 'Self-awareness' }]);
  t.equal(body.links.self, '/v1/vocabulary');
  t.match(res.headers['cache-control'], /^public/);
});

t.test('labels shown in the embeds are the ones partners get', async (t) => {
  const vocabulary = (await app.inject({ method: 'GET', url: '/v1/vocabulary' })).json().data;
  const label = (collection: string, parameter: string, value: string) =>
    (vocabulary.facets as Facet[])
      .find((f) => f.collection === collection && f.parameter === parameter)!
      .values.find((v) => v.value === value)!.label;
  const itemLabel = (type: string) => vocabulary.types.find((x: { type: string }) => x.type === type).itemLabel;
  for (const strategy of app.content.all('strategies')) {
    const res = await app.inject({ method: 'GET', url: `/embed/list?items=strategy:${strategy.slug}` });
    t.ok(
      res.body.includes(`<p class="kind">${itemLabel('strategy')} · ${label('strategies', 'category', strategy.facets.category!)}</p>`),
      strategy.slug,
    );
  }
});

t.test('region adds the crisis line; unknown parameters are a 400', async (t) => {
  const gb = await app.inject({ method: 'GET', url: '/v1/vocabulary?region=gb' });
  t.equal(gb.json().meta.crisis.region, 'GB');
  t.equal(gb.json().links.self, '/v1/vocabulary?region=GB');
  const bad = await app.inject({ method: 'GET', url: '/v1/vocabulary?colour=blue' });
  t.equal(bad.statusCode, 400);
  t.match(bad.headers['content-type'], /^application\/problem\+json/);
});
