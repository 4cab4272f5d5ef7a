// JSON-LD by content negotiation on topics, records and the FAQ list, beside (not instead of) JSON.
import t from 'tap';
import { build } from '../helpers/app.js';

const LD = 'application/ld+json';
const app = await build(t);
const get = (url: string, accept?: string) =>
  app.inject({ method: 'GET', url, headers: { host: 'partner.example', ...(accept ? { accept } : {}) } });

t.test('Accept: application/ld+json answers schema.org JSON-LD for a topic, a record and the FAQ list', async (t) => {
  const cases = [
    ['/v1/topics/emotional-detachment?include=signs', 'MedicalWebPage', 'http://partner.example/topics/emotional-detachment'],
    ['/v1/therapies/counselling', 'MedicalWebPage', 'http://partner.example/therapies/counselling'],
    ['/v1/faqs/how-long-does-recovery-take?format=html', 'FAQPage', 'http://partner.example/faqs/how-long-does-recovery-take'],
    ['/v1/faqs', 'FAQPage', 'http://partner.example/faqs'],
  ] as const;
  for (const [url, type, page] of cases) {
    const json = await get(url);
    t.match(json.headers['content-type'], /^application\/json/, `${url}: JSON by default`);
    const ld = await get(url, LD);
    t.equal(ld.statusCode, 200, url);
    t.match(ld.headers['content-type'], /^application\/ld\+json/, `${url}: JSON-LD when asked`);
    t.match(ld.json(), { '@context': 'https://schema.org', '@type': type, url: page });
    t.match(ld.headers.vary, /accept/);
    t.not(ld.headers.etag, json.headers.etag, `${url}: its own ETag`);
    t.equal((await get(url, LD)).body, ld.body, 'the same again (from the cache)');
    const again = await get(url, 'application/json');
    t.equal(again.body, json.body, `${url}: the JSON answer is kept apart from the JSON-LD one`);
    t.equal(
      (await app.inject({ url, headers: { host: 'partner.example', accept: LD, 'if-none-match': ld.headers.etag as string } })).statusCode,
      304,
    );
  }
  const faqs = (await get('/v1/faqs?limit=3&offset=1', LD)).json();
  t.equal(faqs.mainEntity.length, 3, 'the FAQ list follows the page asked for');
  t.match(faqs.mainEntity[0], { '@type': 'Question', acceptedAnswer: { '@type': 'Answer' } });
});

t.test('q-values decide; JSON wins ties; other operations stay JSON only', async (t) => {
  t.match((await get('/v1/signs/emotional-numbness', `${LD};q=0.5, application/json`)).headers['content-type'], /^application\/json/);
  t.match((await get('/v1/signs/emotional-numbness', `application/json;q=0.5, ${LD}`)).headers['content-type'], /^application\/ld\+json/);
  t.match((await get('/v1/signs/emotional-numbness', '*/*')).headers['content-type'], /^application\/json/);
  for (const url of ['/v1/signs', '/v1/search?q=numb', '/v1/sources/goyal-2014', '/v1/topics']) {
    const res = await get(url, LD);
    t.equal(res.statusCode, 406, `${url}: no JSON-LD`);
    t.match(res.json(), { detail: /application\/json only/ });
  }
  const none = await get('/v1/signs/emotional-numbness', 'text/html');
  t.equal(none.statusCode, 406);
  t.match(none.json(), { detail: /application\/json or application\/ld\+json/ });
  t.equal((await get('/v1/signs/no-such-sign', LD)).statusCode, 404, 'an unknown slug is still a 404');
});

t.test('item answers link to their page for people', async (t) => {
  t.same((await get('/v1/topics/emotional-isolation')).json().links, {
    self: '/v1/topics/emotional-isolation',
    html: '/topics/emotional-isolation',
  });
  t.same((await get('/v1/strategies/journaling?region=gb&format=text')).json().links, {
    self: '/v1/strategies/journaling?format=text&region=GB',
    html: '/strategies/journaling?region=GB',
  });
  t.same((await get('/v1/sources/goyal-2014')).json().links, { self: '/v1/sources/goyal-2014', html: '/sources/goyal-2014' });
});

t.test('with PUBLIC_BASE_URL the two representations of one URL still have their own cached answers', async (t) => {
  const fixed = await build(t, { PUBLIC_BASE_URL: 'https://content.example' });
  const url = '/v1/strategies/journaling';
  const ld = await fixed.inject({ url, headers: { accept: LD } });
  t.match(ld.json(), { url: 'https://content.example/strategies/journaling' });
  const json = await fixed.inject({ url });
  t.match(json.headers['content-type'], /^application\/json/);
  t.match(json.json(), { data: { slug: 'journaling' } });
  t.match((await fixed.inject({ url, headers: { accept: LD } })).json(), { '@type': 'MedicalWebPage' });
});
