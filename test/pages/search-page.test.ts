// The search page for people: the JSON search's answer as a page. Help comes before any result
// when the query suggests risk; nothing the reader typed becomes markup; errors are HTML pages.
import t from 'tap';
import { build } from '../helpers/app.js';

const app = await build(t, { CACHE_MAX_AGE: '120', CACHE_STALE_WHILE_REVALIDATE: '600' });
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const page = async (query: string) => {
  const res = await get(`/search?${query}`);
  t.equal(res.statusCode, 200, query);
  return res.body;
};
const json = async (query: string) =>
  (await get(`/v1/search?${query}`)).json<{
    data: { type: string; slug: string; title: string; href: string }[];
    meta: {
      total: number;
      correctedQuery: string | null;
      crisisDetected: boolean;
      suggestions: { reason: string; topics: { slug: string }[] } | null;
    };
  }>();
const hrefs = (body: string) => [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
/** The links of the results list, in order. */
const resultLinks = (body: string) => {
  const list = /<ol class="items"[^>]*>([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
};
const escapedText = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

const CRISIS_QUERY = 'q=I+want+to+kill+myself';

t.test('a query that suggests risk: the help block comes first, before any result, with every line of the region', async (t) => {
  t.ok((await json(`${CRISIS_QUERY}&region=GB`)).meta.crisisDetected, 'the JSON search detects risk in this query');
  const body = await page(`${CRISIS_QUERY}&region=GB`);
  const help = body.indexOf('<section class="urgent-help" aria-labelledby="urgent-heading">');
  const results = body.indexOf('<section aria-labelledby="results-heading">');
  t.ok(help > 0, 'a help block');
  t.ok(results > 0, 'and results');
  t.ok(help < results, 'help comes before the results');
  t.ok(help < body.indexOf('<ol class="items"'), 'and before the first result');
  t.equal(body.indexOf('<main>\n<section class="urgent-help"') + '<main>\n'.length, help, 'the first thing in the main content');

  const block = body.slice(help, body.indexOf('</section>', help));
  t.match(block, /<strong>If you might harm yourself, or you or someone else is in danger:<\/strong>/);
  t.match(block, /<strong>Call <a href="tel:999">999<\/a>\.<\/strong>/, 'the emergency number, dialable');
  for (const line of app.help.get('GB')!.lines) {
    t.ok(block.includes(`<h3>${escapedText(line.name)}</h3>`), `${line.name} is listed`);
    if (line.phone) t.ok(block.includes(`<a href="tel:${line.phone.replace(/[^0-9+]/g, '')}">`), `${line.name}: a tel: link`);
  }
  t.match(block, /<a href="\/help\?region=GB">Help in a crisis<\/a>/, "the region's help page");
  t.notMatch(body, /<p class="snippet">/, 'no passage cut around the words of a query that suggests risk');
});

t.test('a query that suggests risk, without a region: the emergency advice, the helpline directory and the help page', async (t) => {
  const body = await page(CRISIS_QUERY);
  const block = /<section class="urgent-help"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  t.ok(block, 'a help block');
  t.ok(block.includes(app.help.international.directory!.url), 'the verified helpline directory');
  t.match(block, /<a href="\/help">Help in a crisis<\/a>/);
  t.notMatch(await page('q=journaling'), /class="urgent-help"/, 'an ordinary query has no help block of its own');
});

t.test('an ordinary query: the JSON search’s hits, in its order, each linked to its page for people', async (t) => {
  const body = await page('q=journaling&region=GB');
  const hits = (await json('q=journaling&region=GB')).data;
  t.ok(hits.length > 2);
  t.same(
    resultLinks(body),
    hits.map((h) => `${h.href.replace(/^\/v1/, '')}?region=GB`),
    'the same hits in the same order, linked to their pages with the reader’s region',
  );
  t.notOk(
    hrefs(body).some((h) => h.includes('/v1/')),
    'no link to the JSON',
  );
  t.match(
    body,
    /<p class="kind">Coping strategy · Self-awareness<\/p>\n<h3><a href="\/strategies\/journaling\?region=GB">Journaling<\/a><\/h3>/,
  );
  t.ok(body.includes(`<p>${escapedText(app.content.get('strategies', 'journaling')!.summary)}</p>`), 'its summary');
  t.match(body, /<p class="snippet">[^<]*(?:<mark>[^<]+<\/mark>[^<]*)+<\/p>/, 'a snippet with the matched words marked');
  t.match(body, /<h2 id="results-heading">\d+ results<\/h2>/);
  t.match(body, /<meta name="robots" content="noindex">/, 'a page of results is not for search engines');
  t.match(body, /<input id="search-q" name="q" type="search" value="journaling"/, 'the form holds the query');
  t.match(body, /<input type="hidden" name="region" value="GB">/, 'and keeps the region');
  t.notMatch(body, /<script/, 'no script element');

  const topics = await page('q=journaling&type=topic,faq');
  t.ok(
    resultLinks(topics).every((h) => /^\/(topics|faqs)\//.test(h)),
    'type filters like the JSON search',
  );
});

t.test('no good match: said plainly, with the suggested topics and the help link', async (t) => {
  const query = 'q=xylophone+quantum+carburettor';
  const { meta } = await json(query);
  t.equal(meta.suggestions?.reason, 'no-results');
  const body = await page(`${query}&region=IE`);
  t.match(body, /Nothing matched &ldquo;xylophone quantum carburettor&rdquo;\./);
  t.notMatch(body, /results-heading/, 'no results section');
  const section = /<section aria-labelledby="suggestions-heading">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  t.same(
    [...section.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1]),
    meta.suggestions!.topics.map((topic) => `/topics/${topic.slug}?region=IE`),
    "the JSON search's suggested topics, in its order",
  );
  t.match(section, /<a href="\/help\?region=IE">Find a helpline or support service<\/a>/);
  t.notMatch(await page('q=journaling'), /suggestions-heading/, 'a good match has no suggestions');
});

t.test('a spelling correction is shown', async (t) => {
  t.equal((await json('q=jurnaling')).meta.correctedQuery, 'journaling');
  const body = await page('q=jurnaling');
  t.match(
    body,
    /<p class="correction">Showing results for <strong>journaling<\/strong> \(you searched for &ldquo;jurnaling&rdquo;\)\.<\/p>/,
  );
  t.notMatch(await page('q=journaling'), /class="correction"/);
});

t.test('what the reader typed is text, never markup', async (t) => {
  const typed = `<script>alert("x")</script> 'lonely' "friends" &`;
  const body = await page(`q=${encodeURIComponent(typed)}`);
  t.notMatch(body, /<script/, 'no script element');
  t.notMatch(body, /alert\("x"\)/, 'the quotes are escaped');
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;lonely&#39; &quot;friends&quot; &amp;';
  t.ok(body.includes(`value="${escaped}"`), 'escaped in the form');
  t.ok(body.includes(`<title>Search results for “${escaped}”</title>`), 'and in the title');
  t.ok(body.includes(`<h1>Search results for “${escaped}”</h1>`), 'and in the heading');
  const link = /<link rel="canonical" href="([^"]+)">/.exec(body)?.[1] ?? '';
  t.notMatch(link, /[<>"']/, 'the canonical link is URL-encoded');
});

t.test('paging links: previous and next keep the query, region and theme', async (t) => {
  const { meta } = await json('q=lonely&limit=3');
  t.ok(meta.total > 9, 'enough results for three pages');
  const second = await page('q=lonely&limit=3&offset=3&region=GB&theme=dark');
  const pages = Math.ceil(meta.total / 3);
  t.match(second, /<ol class="items" start="4">/, 'numbered from the first result shown');
  t.ok(hrefs(second).includes('/search?q=lonely&region=GB&theme=dark&limit=3&offset=0'), 'previous');
  t.ok(hrefs(second).includes('/search?q=lonely&region=GB&theme=dark&limit=3&offset=6'), 'next');
  t.match(second, /<a href="[^"]+offset=0" rel="prev">Previous results<\/a>/);
  t.match(second, /<a href="[^"]+offset=6" rel="next">More results<\/a>/);
  t.ok(second.includes(`<li>Page 2 of ${pages}</li>`));
  t.match(second, /<title>Search results for “lonely” \(page 2\)<\/title>/);

  const first = await page('q=lonely&limit=3');
  t.notMatch(first, /rel="prev"/, 'no previous page on the first');
  const last = await page(`q=lonely&limit=3&offset=${(pages - 1) * 3}`);
  t.notMatch(last, /rel="next"/, 'no next page on the last');
  t.notMatch(await page('q=lonely&limit=100'), /class="paging"/, 'no paging when one page holds everything');
  const past = await page('q=lonely&limit=3&offset=900');
  t.ok(hrefs(past).includes('/search?q=lonely&limit=3&offset=0'), 'past the last page: a way back to the first');
});

t.test('no query: the form and every topic; a query without a word: a hint', async (t) => {
  for (const query of ['', 'q=', 'q=%20%20']) {
    const body = await page(query);
    t.match(body, /<h1>Search<\/h1>/, query);
    t.match(body, /<form class="search-form" role="search" action="\/search" method="get">/);
    t.match(body, /<label for="search-q">[^<]+<\/label>/, 'the input is labelled');
    for (const topic of app.content.listTopics()) t.ok(hrefs(body).includes(`/topics/${topic.slug}`), `links ${topic.slug}`);
    t.notMatch(body, /results-heading|class="urgent-help"|noindex/);
  }
  t.match(await page('q=%3F%3F%3F'), /Type a word or two to search for/, 'punctuation only: a hint, not an error');
});

t.test('people can find it: a form on the topic index, a link in every page’s navigation', async (t) => {
  const index = (await get('/topics?region=AU')).body;
  t.match(index, /<form class="search-form" role="search" action="\/search" method="get">/);
  t.match(index, /<input type="hidden" name="region" value="AU">/);
  t.ok(hrefs((await get('/strategies/journaling?theme=dark')).body).includes('/search?theme=dark'));
});

t.test('headers like every page: CSP that lets the form submit here, cache, ETag, Vary; HEAD', async (t) => {
  const res = await get('/search?q=journaling');
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /^default-src 'none';/);
  t.match(csp, /form-action 'self'/, 'the search form may submit to this site only');
  t.notMatch(csp, /script-src/);
  t.equal(res.headers['cache-control'], 'public, max-age=120, stale-while-revalidate=600');
  t.match(res.headers.etag, /^W\/"[^"]+"$/);
  t.match(res.headers.vary, /accept/);
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
  t.equal((await get('/search?q=journaling', { 'if-none-match': String(res.headers.etag) })).statusCode, 304);

  const head = await app.inject({ method: 'HEAD', url: '/search?q=journaling' });
  t.equal(head.statusCode, 200);
  t.equal(head.body, '', 'no body');
  t.equal(head.headers.etag, res.headers.etag);
  t.equal(head.headers['content-type'], res.headers['content-type']);
  t.equal(head.headers['content-security-policy'], csp);
});

t.test('a bad parameter is a 400 page; a JSON client gets problem+json', async (t) => {
  for (const [query, name] of [
    ['q=journaling&limit=abc', 'limit'],
    ['q=journaling&type=nope', 'type'],
    ['q=journaling&offset=-1', 'offset'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=journaling&page=2', 'page'],
  ] as const) {
    const res = await get(`/search?${query}`);
    t.equal(res.statusCode, 400, query);
    t.match(res.headers['content-type'], /^text\/html/);
    t.match(res.body, /<h1>This page link is not valid<\/h1>/);
    t.match(res.body, new RegExp(`<strong>${name}</strong>: `), `names ${name}`);
    t.match(res.body, /<aside class="crisis"/, 'with crisis help');
    t.equal(res.headers['cache-control'], 'no-store');
  }
  const problem = await get('/search?q=journaling&limit=abc', { accept: 'application/json' });
  t.equal(problem.statusCode, 400);
  t.match(problem.headers['content-type'], /^application\/problem\+json/);

  // A broken link is no reason to show someone at risk less help than the page would have.
  const atRisk = await get(`/search?${CRISIS_QUERY}&region=GB&limit=abc`);
  t.equal(atRisk.statusCode, 400);
  for (const line of app.help.get('GB')!.lines) t.ok(atRisk.body.includes(escapedText(line.name)), `${line.name} on the error page`);
  const ordinary = await get('/search?q=journaling&region=GB&limit=abc');
  t.match(ordinary.body, /Samaritans/, "the region's priority line");
  t.notMatch(ordinary.body, /Breathing Space/, 'not every line');
});
