import { Script } from 'node:vm';
import t from 'tap';
import { EMBED_COLLECTIONS } from '../../src/schemas/embeds.js';
import { build } from '../helpers/app.js';

const app = await build(t, { CACHE_MAX_AGE: '120', CACHE_STALE_WHILE_REVALIDATE: '600' });
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: 'clinic-api.example', ...headers } });
const text = (html: string) =>
  html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const TOPIC = 'emotional-withdrawal';

t.test('a topic embed lists each chosen section with titles, summaries, sources and review dates', async (t) => {
  for (const collection of EMBED_COLLECTIONS) {
    const records = app.content.forTopic(collection, TOPIC);
    const res = await get(`/embed/topics/${TOPIC}?sections=${collection}`);
    t.equal(res.statusCode, 200, collection);
    t.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
    const body = text(res.body);
    t.match(res.body, /<h1>Emotional withdrawal<\/h1>/);
    t.equal((res.body.match(/<h2 id="section-/g) ?? []).length, 1, `${collection}: one section`);
    t.equal((res.body.match(/<li class="item">/g) ?? []).length, records.length, `${collection}: every record of the topic`);
    for (const r of records) {
      t.ok(body.includes(r.title), `${collection}: title of ${r.slug}`);
      t.ok(body.includes(r.summary.replace(/\s+/g, ' ')), `${collection}: summary of ${r.slug}`);
      t.ok(res.body.includes(`href="http://clinic-api.example/${collection}/${r.slug}"`), `${collection}: links to the page of ${r.slug}`);
      for (const s of r.sources) t.ok(body.includes(s.citation.replace(/\.$/, '')), `${collection}: cites ${s.slug}`);
    }
    t.match(body, /Based on: /);
    t.match(res.body, /Reviewed <time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>/);
  }
});

t.test('every embed carries the disclaimer, crisis guidance, review line and a link to the full topic', async (t) => {
  const res = await get(`/embed/topics/${TOPIC}?sections=strategies,therapies`);
  const body = text(res.body);
  t.ok(body.includes(app.content.disclaimer), 'disclaimer');
  t.ok(body.includes(app.content.crisis), 'crisis guidance');
  t.match(res.body, /<aside class="crisis" aria-labelledby="crisis-heading">/);
  t.match(body, /Content reviewed \d{1,2} \w+ \d{4} ; next review due \d{1,2} \w+ \d{4} \./);
  t.match(res.body, /Full content: <a href="http:\/\/clinic-api\.example\/topics\/emotional-withdrawal"/);
  t.match(
    res.body,
    /<footer>[\s\S]*<p class="license">Content from the Emotional Connection Content API, licensed under <a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license [^"]*"[^>]*>CC BY 4\.0<span class="vh"> \(opens in a new tab\)<\/span><\/a>\. The cited sources keep their own authors' terms\.<\/p>\s*<\/footer>/,
    'the licence line, linked, in the footer',
  );
  t.match(body, /A first step: /, 'strategies show their first step');
  t.match(body, /When to consider it: /, 'therapies say when to consider them');
  const order = [...res.body.matchAll(/<h2 id="section-\d">([^<]+)<\/h2>/g)].map((m) => m[1]);
  t.same(order, ['Coping strategies', 'Therapies and support'], 'sections in the order asked');
  const reversed = await get(`/embed/topics/${TOPIC}?sections=therapies,strategies,therapies`);
  t.same(
    [...reversed.body.matchAll(/<h2 id="section-\d">([^<]+)<\/h2>/g)].map((m) => m[1]),
    ['Therapies and support', 'Coping strategies'],
    'repeats dropped',
  );
});

t.test('without sections a topic embed shows all six', async (t) => {
  const res = await get(`/embed/topics/${TOPIC}`);
  t.equal(res.statusCode, 200);
  t.equal((res.body.match(/<h2 id="section-/g) ?? []).length, 6);
  t.match(
    res.body,
    /<title>Emotional withdrawal: Signs, Causes, Contexts, Coping strategies, Therapies and support, Questions and answers<\/title>/,
  );
});

t.test('a custom list shows hand-picked records across topics, in order, under its title', async (t) => {
  const res = await get(
    '/embed/list?items=strategy:journaling,therapy:counselling,faq:how-long-does-recovery-take,sign:emotional-numbness&title=Help%20after%20a%20loss',
  );
  t.equal(res.statusCode, 200);
  t.match(res.body, /<h1>Help after a loss<\/h1>/);
  t.match(res.body, /<title>Help after a loss<\/title>/);
  const titles = [...res.body.matchAll(/<h2><a [^>]+>([^<]+)<span/g)].map((m) => m[1]);
  t.same(titles, [
    app.content.get('strategies', 'journaling')!.title,
    app.content.get('therapies', 'counselling')!.title,
    app.content.get('faqs', 'how-long-does-recovery-take')!.title,
    app.content.get('signs', 'emotional-numbness')!.title,
  ]);
  // Each record's kind, then the label of its first facet from the vocabulary partners get too.
  t.same(
    [...res.body.matchAll(/<p class="kind">([^<]+)<\/p>/g)].map((m) => m[1]),
    ['Coping strategy · Self-awareness', 'Therapy or support · Professional therapy', 'Question', 'Sign · Emotional'],
  );
  t.notMatch(res.body, /Full content:/, 'a list has no single topic to link to');
  const plain = await get('/embed/list?items=strategy:journaling,strategy:journaling');
  t.match(plain.body, /<h1>Selected resources<\/h1>/, 'default title');
  t.equal((plain.body.match(/<li class="item">/g) ?? []).length, 1, 'a repeated record is shown once');
});

t.test('themes, language and layouts', async (t) => {
  for (const theme of ['light', 'dark', 'auto']) {
    const res = await get(`/embed/topics/${TOPIC}?sections=faqs&theme=${theme}`);
    t.match(res.body, new RegExp(`<html lang="en" data-theme="${theme}" data-layout="full">`));
  }
  const lang = await get(`/embed/topics/${TOPIC}?sections=faqs&lang=EN-us`);
  t.match(lang.body, /<html lang="en-US"/, 'canonical BCP 47 casing');
  t.match(lang.body, /<time datetime="\d{4}-\d\d-\d\d">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/, 'en-US date order');

  const full = await get(`/embed/topics/${TOPIC}?sections=strategies`);
  for (const url of [
    `/embed/topics/${TOPIC}?sections=strategies&layout=compact`,
    `/embed/topics/${TOPIC}?sections=strategies&compact=true`,
  ]) {
    const compact = await get(url);
    t.match(compact.body, /data-layout="compact"/, url);
    t.notMatch(compact.body, /A first step:|class="based-on"|class="intro"/, 'compact drops the extras');
    t.match(compact.body, /<h2 id="sources-heading">Based on<\/h2>/, 'sources gathered once at the end');
    t.ok(compact.body.length < full.body.length * 0.8);
  }
  const notCompact = await get(`/embed/topics/${TOPIC}?sections=strategies&compact=false`);
  t.match(notCompact.body, /data-layout="full"/);
  const style = /<style>([\s\S]*?)<\/style>/.exec(full.body)![1]!;
  t.match(style, /@media print\{/, 'a print style sheet');
  t.match(style, /:root\[data-theme=dark\]\{color-scheme:dark/);
  t.match(style, /@media \(prefers-color-scheme:dark\)\{:root\[data-theme=auto\]/);
});

t.test('embed pages are self-contained: no script, no external resources', async (t) => {
  for (const url of [`/embed/topics/${TOPIC}`, '/embed/list?items=strategy:journaling&theme=dark&layout=compact']) {
    const res = await get(url);
    t.notMatch(res.body, /<script|<img|<link rel="stylesheet"|@import|url\(|\son[a-z]+=/i, url);
    const resources = [...res.body.matchAll(/\s(?:src)="([^"]+)"/g)];
    t.same(resources, [], 'nothing loaded from anywhere');
  }
});

t.test('headers: framable from any site, tight CSP without scripts, cacheable with an ETag', async (t) => {
  const res = await get(`/embed/topics/${TOPIC}?sections=strategies`);
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /frame-ancestors \*/);
  t.match(csp, /default-src 'none'/);
  t.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  t.match(csp, /img-src 'self' data:/);
  t.match(csp, /base-uri 'none'/);
  t.match(csp, /form-action 'none'/);
  t.notMatch(csp, /script-src/, 'no scripts at all');
  t.equal(res.headers['x-frame-options'], undefined, 'no X-Frame-Options');
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.equal(res.headers['cache-control'], 'public, max-age=120, stale-while-revalidate=600');
  t.match(res.headers.etag, /^W\/"[^"]+"$/, 'a weak ETag: one validator for every content coding');
  t.match(res.headers.vary, /\baccept\b/i);
  const again = await get(`/embed/topics/${TOPIC}?sections=strategies`, { 'if-none-match': res.headers.etag as string });
  t.equal(again.statusCode, 304);
  t.equal(again.body, '');

  // The style hash in the CSP is the hash of the page's one style element.
  const { createHash } = await import('node:crypto');
  const css = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
  t.ok(csp.includes(`'sha256-${createHash('sha256').update(css).digest('base64')}'`));

  const api = await get('/v1/topics');
  t.equal(api.headers['x-frame-options'], 'DENY', 'the rest of the API keeps its own framing policy');
  t.notMatch(String(api.headers['content-security-policy']), /frame-ancestors \*/);
});

t.test('each embed page carries oEmbed discovery pointing at its canonical URL', async (t) => {
  const res = await get(`/embed/topics/${TOPIC}?theme=dark&sections=strategies,faqs&lang=en-gb&compact=true`);
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(res.body);
  t.ok(link, 'discovery link');
  const href = new URL(link![1]!.replace(/&amp;/g, '&'));
  t.equal(href.origin, 'http://clinic-api.example');
  t.equal(href.pathname, '/oembed');
  t.equal(href.searchParams.get('format'), 'json');
  t.equal(
    href.searchParams.get('url'),
    `http://clinic-api.example/embed/topics/${TOPIC}?sections=strategies,faqs&theme=dark&lang=en-GB&layout=compact`,
  );
  const oembed = await get(`${href.pathname}${href.search}`);
  t.equal(oembed.statusCode, 200);
  t.equal(oembed.json().title, 'Emotional withdrawal: Coping strategies, Questions and answers');
});

t.test('the builder page and its script', async (t) => {
  const res = await get('/embed/');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/html/);
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /script-src 'self'/);
  t.match(csp, /frame-ancestors 'self'/);
  t.notMatch(csp, /unsafe-inline|unsafe-eval/);
  t.match(res.body, /<script src="\/embed\/builder\.js" defer><\/script>/);
  t.notMatch(res.body, /<script>/, 'no inline script');
  t.match(
    res.body,
    /<iframe id="preview" class="preview" title="Preview of the embed" src="http:\/\/clinic-api\.example\/embed\/topics\/emotional-isolation\?sections=strategies,therapies">/,
  );
  t.match(
    res.body,
    /<textarea id="snippet" readonly>&lt;iframe src=&quot;http:\/\/clinic-api\.example\/embed\/topics\/emotional-isolation/,
  );
  for (const c of EMBED_COLLECTIONS) t.match(res.body, new RegExp(`id="section-${c}"`));
  t.match(res.body, /value="strategy:journaling"/);
  t.ok(text(res.body).includes(app.content.crisis) && text(res.body).includes(app.content.disclaimer));
  const js = await get('/embed/builder.js');
  t.equal(js.statusCode, 200);
  t.match(js.headers['content-type'], /^text\/javascript/);
  t.match(js.body, /\/oembed\?format=json&url=/);
  // Compiled, not run: a syntax error throws here.
  t.doesNotThrow(() => new Script(js.body), 'the script parses');
  const bad = await get('/embed?mode=x');
  t.equal(bad.statusCode, 400);
});
