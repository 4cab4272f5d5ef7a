import t from 'tap';
import { build } from '../helpers/app.js';

// List parameters take both spellings generated clients use: one comma-separated value (what the
// OpenAPI document shows) and the key repeated. Both are one request: the same bytes, the same
// ETag, one cached answer and the same canonical links. Scalar parameters stay single.

const app = await build(t);
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

const SPELLINGS: [comma: string, repeated: string][] = [
  ['/v1/signs?fields=title,summary', '/v1/signs?fields=title&fields=summary'],
  ['/v1/signs/emotional-numbness?fields=title,summary', '/v1/signs/emotional-numbness?fields=title&fields=summary'],
  ['/v1/topics/emotional-withdrawal?include=signs,strategies', '/v1/topics/emotional-withdrawal?include=signs&include=strategies'],
  ['/v1/topics?include=faqs,signs', '/v1/topics?include=faqs&include=signs'],
  ['/v1/signs?topic=emotional-isolation,emotional-detachment', '/v1/signs?topic=emotional-isolation&topic=emotional-detachment'],
  ['/v1/signs?kind=emotional,relational', '/v1/signs?kind=emotional&kind=relational'],
  ['/v1/signs?setting=general,romantic-relationship', '/v1/signs?setting=general&setting=romantic-relationship'],
  ['/v1/causes?category=medical,social', '/v1/causes?category=medical&category=social'],
  ['/v1/strategies?category=coping,connection', '/v1/strategies?category=coping&category=connection'],
  ['/v1/therapies?kind=therapy,support', '/v1/therapies?kind=therapy&kind=support'],
  ['/v1/impacts?area=relationships,daily-life', '/v1/impacts?area=relationships&area=daily-life'],
  ['/v1/sources?kind=article,reference', '/v1/sources?kind=article&kind=reference'],
  ['/v1/search?q=journaling&type=strategy,faq', '/v1/search?q=journaling&type=strategy&type=faq'],
  ['/v1/search?q=journaling&fields=title,summary', '/v1/search?q=journaling&fields=summary&fields=title'],
  // Both at once: every value counts, each once.
  ['/v1/faqs?fields=body,summary,title', '/v1/faqs?fields=title,summary&fields=body&fields=title'],
];

t.test('a list parameter repeated is the same request as comma-separated: same bytes, same ETag', async (t) => {
  for (const [comma, repeated] of SPELLINGS) {
    const [a, b] = [await get(comma), await get(repeated)];
    t.equal(a.statusCode, 200, comma);
    t.equal(b.statusCode, 200, repeated);
    t.equal(b.headers.etag, a.headers.etag, `${repeated}: the ETag of ${comma}`);
    t.equal(b.body, a.body, `${repeated}: the bytes of ${comma}`);
    const revalidated = await get(repeated, { 'if-none-match': String(a.headers.etag) });
    t.equal(revalidated.statusCode, 304, `${repeated}: revalidates with the other spelling's ETag`);
  }
});

t.test('repeated values are checked like comma-separated ones', async (t) => {
  const res = await get('/v1/signs?fields=title&fields=colour');
  t.equal(res.statusCode, 400);
  t.match(res.json(), { errors: [{ in: 'query', name: 'fields', detail: /"colour".*must be one of/ }] });
  t.equal((await get('/v1/signs?kind=emotional&kind=sad')).statusCode, 400);
});

t.test('a scalar parameter is still given once: repeated, it is a 400 naming it', async (t) => {
  for (const url of [
    '/v1/signs?limit=1&limit=2',
    '/v1/signs?offset=0&offset=5',
    '/v1/signs?sort=title&sort=-title',
    '/v1/signs/emotional-numbness?format=html&format=text',
    '/v1/search?q=journal&q=diary',
    '/v1/help?region=GB&region=US',
    '/v1/signs?colour=red&colour=blue',
  ]) {
    const res = await get(url);
    t.equal(res.statusCode, 400, url);
    const name = new URL(url, 'http://x').searchParams.keys().next().value;
    t.match(res.json(), { errors: [{ in: 'query', name, detail: /is repeated; give it once/ }] }, `${url}: names ${name}`);
  }
});
