// Pages for people: every embed link leads to one; each carries the disclaimer, crisis help,
// linked citations, review dates and the JSON-LD the API answers, and runs no scripts.
import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { build } from '../helpers/app.js';

const HOST = 'people.example';
const app = await build(t, { CACHE_MAX_AGE: '120', CACHE_STALE_WHILE_REVALIDATE: '600' });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });
const scripts = (body: string) =>
  [...body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1]!, text: m[2]! }));
const jsonLdOf = (body: string) => {
  const blocks = scripts(body);
  return blocks.length === 1 && blocks[0]!.attributes === ' type="application/ld+json"' ? JSON.parse(blocks[0]!.text) : null;
};
const hrefs = (body: string) => [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

t.test('every link in a topic embed and a list embed opens an HTML page with JSON-LD, never JSON', async (t) => {
  for (const embed of [
    '/embed/topics/emotional-withdrawal?region=GB',
    '/embed/list?items=strategy:journaling,therapy:counselling,faq:how-long-does-recovery-take,sign:emotional-numbness',
  ]) {
    const res = await get(embed);
    const own = hrefs(res.body).filter((h) => h.startsWith(`http://${HOST}/`) && !h.includes('/oembed?') && !h.endsWith('/docs'));
    t.ok(own.length >= 4, `${embed}: ${own.length} links to this service`);
    for (const link of own) {
      t.notMatch(link, /\/v1\//, `${link}: not the API`);
      const page = await get(new URL(link).pathname + new URL(link).search);
      t.equal(page.statusCode, 200, link);
      t.match(page.headers['content-type'], /^text\/html; charset=utf-8/, link);
      t.ok(jsonLdOf(page.body)?.['@context'] === 'https://schema.org', `${link}: JSON-LD`);
      if (embed.includes('region=GB')) t.match(page.body, /Samaritans/, `${link}: keeps the reader's region`);
    }
  }
});

t.test('a record page: disclaimer, crisis help, linked citations, review dates, topics, no script', async (t) => {
  const record = app.content.get('faqs', 'how-long-does-recovery-take')!;
  const res = await get('/faqs/how-long-does-recovery-take');
  t.equal(res.statusCode, 200);
  t.match(res.body, /<h1>How long does recovery from emotional withdrawal take\?<\/h1>/);
  t.ok(res.body.includes(app.content.disclaimer.replace(/'/g, '&#39;')), 'disclaimer');
  t.match(res.body, /<aside class="crisis" aria-labelledby="crisis-heading">/, 'crisis box');
  t.match(
    res.body,
    /<p class="license">[^<]*licensed under <a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license /,
    'the licence and attribution',
  );
  t.match(res.body, /<div class="body"><p>Recovery times differ/, 'the body as HTML');
  t.match(res.body, /<h2>What helps along the way<\/h2>/);
  for (const s of record.sources) {
    const target = s.doi ? `https://doi.org/${s.doi}` : s.url!;
    t.ok(res.body.includes(`<cite><a href="${target}"`), `cites ${s.slug} with a link`);
    t.ok(res.body.includes(`href="/sources/${s.slug}"`), `links the page of ${s.slug}`);
  }
  t.ok(res.body.includes(`Reviewed <time datetime="${record.reviewedAt}">`), 'reviewed date');
  t.ok(res.body.includes(`next review due <time datetime="${record.nextReviewAt}">`), 'next review date');
  t.match(res.body, /Editorial review only/, 'what kind of review');
  t.ok(res.body.includes('href="/topics/emotional-withdrawal"'), 'links its topic page');
  t.same(
    scripts(res.body).map((s) => s.attributes),
    [' type="application/ld+json"'],
    'the only script element is JSON-LD data',
  );
  t.notMatch(res.body, /\son[a-z]+=/i, 'no event handler attributes');
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /^default-src 'none';/, 'CSP forbids scripts by default');
  t.notMatch(csp, /script-src/, 'and admits none');
  t.match(res.body, /<link rel="canonical" href="http:\/\/people\.example\/faqs\/how-long-does-recovery-take">/);
  t.notMatch(res.body, /noindex/, 'pages may be indexed');
});

t.test('the page embeds the same JSON-LD the API answers', async (t) => {
  for (const [page, api] of [
    ['/topics/emotional-isolation', '/v1/topics/emotional-isolation'],
    ['/strategies/journaling', '/v1/strategies/journaling'],
    ['/faqs', '/v1/faqs?limit=100'],
  ] as const) {
    const html = await get(page);
    const ld = await get(api, { accept: 'application/ld+json' });
    t.same(jsonLdOf(html.body), ld.json(), page);
  }
});

t.test('a topic page links to the page of every one of its records; they link back', async (t) => {
  const res = await get('/topics/emotional-withdrawal');
  t.equal(res.statusCode, 200);
  const links = new Set(hrefs(res.body));
  for (const { collection } of CONTENT_TYPES) {
    for (const r of app.content.forTopic(collection, 'emotional-withdrawal'))
      t.ok(links.has(`/${collection}/${r.slug}`), `${collection}/${r.slug}`);
  }
  t.match(res.body, /<h2 id="points-heading">Key points<\/h2>/);
  t.ok(links.has('/topics/emotional-isolation'), 'a comparison links the other topic');
  t.notOk(
    [...links].some((l) => l.includes('/v1/')),
    'no link to the JSON',
  );
  const index = await get('/topics');
  for (const topic of app.content.listTopics()) t.ok(hrefs(index.body).includes(`/topics/${topic.slug}`), `the index links ${topic.slug}`);
  const source = await get('/sources/goyal-2014');
  t.equal(source.statusCode, 200);
  t.ok(source.body.includes('<cite><a href="https://doi.org/10.1001/jamainternmed.2013.13018"'));
});

t.test('theme and region: shown, and kept by links between pages', async (t) => {
  const res = await get('/signs/emotional-numbness?theme=dark&region=au');
  t.match(res.body, /<html lang="en" data-theme="dark"/);
  t.match(res.body, /13 11 14/, 'the Australian line');
  t.ok(hrefs(res.body).includes('/topics/emotional-isolation?region=AU&theme=dark'));
  t.match((await get('/signs/emotional-numbness')).body, /data-theme="auto"/, "the reader's system setting by default");
});

t.test('pages are cached like embeds', async (t) => {
  const res = await get('/strategies/journaling');
  t.equal(res.headers['cache-control'], 'public, max-age=120, stale-while-revalidate=600');
  t.match(res.headers.etag, /^W\/"[^"]+"$/, 'a weak ETag: one validator for every content coding');
  t.match(res.headers.vary, /accept/);
  const again = await get('/strategies/journaling', { 'if-none-match': res.headers.etag as string });
  t.equal(again.statusCode, 304);
  t.not((await get('/strategies/journaling?theme=dark')).headers.etag, res.headers.etag, 'another theme, another page');
});

t.test('an unknown slug is a 404 page; bad options a 400 page; JSON clients get problem+json', async (t) => {
  const missing = await get('/signs/no-such-sign');
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /^text\/html/);
  t.match(missing.body, /<h1>There is no page at this address<\/h1>/);
  t.match(missing.body, /<aside class="crisis"/, 'with crisis help');
  t.equal(missing.headers['cache-control'], 'no-store');
  t.notMatch(missing.body, /no-such-sign/, 'the address is not echoed');
  // The error page's style sheet is the one the pages' CSP admits.
  const { createHash } = await import('node:crypto');
  const css = /<style>([\s\S]*?)<\/style>/.exec(missing.body)![1]!;
  t.ok(String(missing.headers['content-security-policy']).includes(`'sha256-${createHash('sha256').update(css).digest('base64')}'`));
  t.equal((await get('/topics/nope')).statusCode, 404);
  t.equal((await get('/sources/nope')).statusCode, 404);
  const bad = await get('/topics/emotional-isolation?theme=purple&x=1');
  t.equal(bad.statusCode, 400);
  t.match(bad.body, /<strong>theme<\/strong>: must be one of light, dark, auto/);
  const json = await get('/signs/no-such-sign', { accept: 'application/json' });
  t.equal(json.statusCode, 404);
  t.match(json.headers['content-type'], /^application\/problem\+json/);
});

t.test("a record's page shows where to get help for what it describes, for the reader's country, and what to read next", async (t) => {
  const gb = await get('/contexts/romantic-relationships?region=GB');
  t.equal(gb.statusCode, 200);
  t.match(gb.body, /<h2 id="signposts-heading">Where to get help<\/h2>/);
  const services = app.help.get('GB')!.services.filter((s) => s.kind === 'domestic-abuse');
  t.ok(services.length >= 3, 'each UK nation has its own domestic-abuse line');
  for (const s of services) t.ok(gb.body.includes(`<h4>${s.name.replace(/'/g, '&#39;')}</h4>`), `${s.name} is listed`);
  t.notMatch(gb.body, /Childline/, 'only the kinds the record points to');

  const anywhere = await get('/contexts/romantic-relationships');
  t.match(anywhere.body, /<a href="\/help">Find this help where you live<\/a>/, 'no region: the help page, to choose a country');
  t.notMatch(anywhere.body, /<h4>/, 'and no one country’s services');

  const related = app.content.get('contexts', 'romantic-relationships')!.related;
  t.ok(related.length > 0);
  t.match(gb.body, /<h2 id="related-heading">Read next<\/h2>/);
  for (const ref of related) {
    const [collection, slug] = ref.split('/') as [string, string];
    const title = app.content.get(collection as never, slug)!.title;
    t.ok(gb.body.includes(`<a href="/${ref}?region=GB">${title.replace(/'/g, '&#39;')}</a>`), `links ${ref} by its title`);
  }

  const urgent = await get('/signs/loss-of-interest-or-pleasure?region=IE');
  t.match(urgent.body, /<a href="\/help\?region=IE">get help now<\/a>/, 'urgent help links to the country’s help page');
  const plain = await get('/strategies/journaling');
  t.notMatch(plain.body, /signposts-heading/, 'a record that points to no help has no such section');
});
