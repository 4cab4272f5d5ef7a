import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildStore } from '../../src/seed/build.js';
import { itemEnvelope, pageEnvelope } from '../../src/schemas/envelopes.js';
import { Source } from '../../src/schemas/sources.js';
import { Topic } from '../../src/schemas/topics.js';
import { build, buildOn } from '../helpers/app.js';
import { copySeed, MIGRATIONS_DIR, scratchDir, SEED_DIR } from '../helpers/store.js';

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

t.test('lists the three topics with counts and links, not items', async (t) => {
  const res = await get('/v1/topics');
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.doesNotThrow(() => pageEnvelope(Topic).parse(body));
  t.same(
    body.data.map((x: { slug: string }) => x.slug),
    ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment'],
  );
  for (const topic of body.data) {
    t.ok(topic.related.signs.count > 0);
    t.equal(topic.related.signs.items, undefined, 'no items without include');
    t.equal(topic.related.strategies.href, `/v1/strategies?topic=${topic.slug}`);
  }
  t.match(body.meta.disclaimer, /not a substitute/);
});

t.test('a topic carries definition, comparisons, impacts, review dates and sources', async (t) => {
  const res = await get('/v1/topics/emotional-isolation');
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.doesNotThrow(() => itemEnvelope(Topic).parse(body));
  const topic = body.data;
  t.ok(topic.definition.length > 50);
  t.ok(topic.keyPoints.length >= 3);
  const compared = topic.comparisons.map((c: { topic: { slug: string } | null; concept: string | null }) => c.topic?.slug ?? c.concept);
  t.ok(compared.includes('emotional-withdrawal') && compared.includes('emotional-detachment'));
  t.ok(
    compared.some((c: string) => /loneliness/i.test(c)),
    'differs from loneliness',
  );
  t.ok(
    compared.some((c: string) => /physical isolation/i.test(c)),
    'differs from physical isolation',
  );
  t.ok(topic.impacts.length >= 3, 'impacts in brief');
  t.ok(topic.impacts.every((i: { href: string }) => i.href.startsWith('/v1/impacts/')));
  t.ok(topic.sources.some((s: { slug: string }) => s.slug === 'isolation-article'));
  t.match(topic.reviewedAt, /^\d{4}-\d{2}-\d{2}$/);
});

t.test('include expands the named collections, and only those', async (t) => {
  const body = (await get('/v1/topics/emotional-withdrawal?include=signs,strategies,faqs&format=text')).json();
  const related = body.data.related;
  for (const name of ['signs', 'strategies', 'faqs']) {
    t.equal(related[name].items.length, related[name].count, `${name} expanded in full`);
    t.ok(related[name].items.every((r: { topics: { slug: string }[] }) => r.topics.some((x) => x.slug === 'emotional-withdrawal')));
  }
  t.equal(related.causes.items, undefined);
  t.equal(related.strategies.items[0].bodyFormat, 'text');
  const counts = (await get('/v1/strategies?topic=emotional-withdrawal')).json().meta.total;
  t.equal(related.strategies.count, counts, 'counts agree with the filtered collection');
  const bad = await get('/v1/topics/emotional-withdrawal?include=signs,horoscopes');
  t.equal(bad.statusCode, 400);
  t.match(bad.json().errors[0], { name: 'include', detail: /must be one of signs, causes/ });
  t.equal((await get('/v1/topics/loneliness')).statusCode, 404);
});

t.test('sources list and item', async (t) => {
  const list = (await get('/v1/sources')).json();
  t.doesNotThrow(() => pageEnvelope(Source).parse(list));
  t.equal(list.meta.total, readdirSync(join(SEED_DIR, 'sources')).length, 'every source file is served');
  const articles = (await get('/v1/sources?kind=article')).json();
  t.same(articles.data.map((s: { slug: string }) => s.slug).sort(), ['detachment-article', 'isolation-article', 'withdrawal-article']);
  const dvir = (await get('/v1/sources/dvir-2014')).json().data;
  t.match(
    dvir.citation,
    /^Dvir, Y\., .* \(2014\)\. .*Harvard Review of Psychiatry, 22\(3\), 149–161\. https:\/\/doi\.org\/10\.1097\/HRP\.0000000000000014$/,
  );
  t.equal((await get('/v1/sources/nope')).statusCode, 404);
  const sorted = (await get('/v1/sources?sort=-title')).json().data.map((s: { title: string }) => s.title);
  t.same(
    sorted,
    [...sorted].sort((a: string, b: string) => b.localeCompare(a, 'en')),
  );
});

t.test('health and readiness', async (t) => {
  const health = await get('/healthz');
  t.equal(health.statusCode, 200);
  t.same(health.json(), { status: 'ok' });
  t.equal(health.headers['cache-control'], 'no-store');
  const ready = await get('/readyz');
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ready', contentVersion: /^[0-9a-f]{16}$/ });
  t.equal(ready.json().contentVersion, (await get('/v1/topics')).json().meta.contentVersion);
});

t.test('include expands at most 20 records per collection; count and href cover the rest', async (t) => {
  const seedDir = copySeed(t);
  const template = readFileSync(join(seedDir, 'faqs/how-long-does-recovery-take.md'), 'utf8');
  for (let i = 0; i < 120; i++) {
    writeFileSync(join(seedDir, `faqs/extra-${i}.md`), template.replace(/^title: .*$/m, `title: Extra question ${i}?`));
  }
  const impact = readFileSync(join(seedDir, 'impacts/long-term-risks.md'), 'utf8');
  for (let i = 0; i < 30; i++) {
    writeFileSync(join(seedDir, `impacts/extra-${i}.md`), impact.replace(/^title: .*$/m, `title: Extra impact ${i}`));
  }
  const storePath = join(scratchDir(t), 'content.db');
  buildStore({ seedDir, migrationsDir: MIGRATIONS_DIR, storePath });
  const big = await buildOn(t, storePath, { STORE_WATCH: 'false' });
  const faqs = (await big.inject({ method: 'GET', url: '/v1/topics/emotional-withdrawal?include=faqs' })).json().data.related.faqs;
  t.ok(faqs.count > 120);
  t.equal(faqs.items.length, 20);
  const listed = (await big.inject({ method: 'GET', url: `${faqs.href}&limit=100&offset=100` })).json();
  t.equal(listed.meta.total, faqs.count, 'the collection link reaches every record');

  const topic = (await big.inject({ method: 'GET', url: '/v1/topics/emotional-withdrawal' })).json().data;
  t.equal(topic.impacts.length, 20, 'the brief impacts are capped too, so a topic stays bounded');
  t.ok(topic.related.impacts.count > 30);
  t.equal(
    topic.impacts[0].slug,
    (await big.inject({ method: 'GET', url: topic.related.impacts.href })).json().data[0].slug,
    'in the order of the full list',
  );
});
