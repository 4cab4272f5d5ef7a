import t from 'tap';
import { CodeMapping } from '../../src/schemas/codes.js';
import { pageEnvelope } from '../../src/schemas/envelopes.js';
import { build } from '../helpers/app.js';

// GET /v1/codes: the code map, paged like the collections, so an integrator can see what the
// infobutton and the CDS Hooks service cover.

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });
const Page = pageEnvelope(CodeMapping);

t.test('every code of the map, in code order, with its records and the help-first codes', async (t) => {
  const all = app.codes.all();
  const res = await get(`/v1/codes?limit=100&region=GB`);
  t.equal(res.statusCode, 200);
  const body = Page.parse(res.json());
  t.equal(body.meta.total, all.length);
  t.same(
    body.data.map((c) => c.code),
    all.slice(0, 100).map((c) => c.code),
  );
  t.equal(body.meta.crisis.region, 'GB', 'the crisis guidance for the region, as every content answer');
  const z602 = body.data.find((c) => c.code === 'Z60.2')!;
  t.match(z602, { system: 'ICD-10-CM', title: 'Problems related to living alone', helpFirst: false });
  t.same(
    z602.records.map((r) => r.rank),
    [...z602.records.map((r) => r.rank)].sort((a, b) => a - b),
    'best first',
  );
  t.match(z602.records[0], { href: /^\/v1\/\w+\/[\w-]+$/, reason: String, title: String });
  const help = body.data.find((c) => c.code === 'R45.851')!;
  t.match(help, { helpFirst: true, records: [] });
});

t.test('paged with the collections’ conventions', async (t) => {
  const res = await get('/v1/codes?limit=2&offset=2');
  const body = res.json();
  t.equal(body.data.length, 2);
  t.match(body.links, { self: '/v1/codes?limit=2&offset=2', first: '/v1/codes?limit=2&offset=0', prev: '/v1/codes?limit=2&offset=0' });
  t.match(res.headers['cache-control'], /^public/);
  t.equal((await get('/v1/codes?system=ICD-10-CM')).json().meta.total, app.codes.all().length);
  t.equal((await get('/v1/codes?system=SNOMED%20CT')).json().meta.total, 0, 'no SNOMED CT code is mapped');
  for (const bad of ['/v1/codes?system=LOINC', '/v1/codes?limit=0', '/v1/codes?colour=blue'])
    t.equal((await get(bad)).statusCode, 400, bad);
});
