import t, { type Test } from 'tap';
import type { EmbedDocument } from '../../src/embed/documents.js';
import { escapeHtml, html, safeHttpUrl } from '../../src/embed/html.js';
import { iframeSnippet } from '../../src/embed/oembed.js';
import { renderEmbed } from '../../src/embed/sections.js';
import type { ContentRecord } from '../../src/repositories/content-repository.js';
import { build } from '../helpers/app.js';

const app = await build(t);

const HOSTILE: [name: string, value: string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['attribute breakout', '"><img src=x onerror=alert(1)>'],
  ['single-quote breakout', "'><svg onload=alert(1)>"],
  ['javascript: URL', 'javascript:alert(1)'],
  ['style breakout', '</style><script>alert(1)</script>'],
  ['template injection', "{{constructor.constructor('alert(1)')()}}"],
  ['already escaped', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['double-encoded', '%3Cscript%3Ealert(1)%3C/script%3E'],
  ['bidi override', 'safe\u202Etxt.exe\u202C'],
  ['bidi isolate', '\u2066admin\u2069'],
  ['NUL byte', 'a\u0000b'],
  ['CRLF header injection', 'x\r\nSet-Cookie: hacked=1'],
  ['very long value', `<b>${'A'.repeat(10_000)}</b>`],
  ['unicode', 'Hilfe für Angehörige 😀'],
];

// Every element the service itself writes; anything else in a page came from input.
const OUR_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'link',
  'style',
  'body',
  'header',
  'h1',
  'h2',
  'h3',
  'p',
  'aside',
  'main',
  'section',
  'ul',
  'li',
  'a',
  'span',
  'strong',
  'cite',
  'time',
  'footer',
]);
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000\u202A-\u202E\u2066-\u2069]/;

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every start tag's name and attributes (ours are always double-quoted, so values hold no quote). */
const tagsOf = (markup: string) =>
  [...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/\s*([^\s=/]+)(?:="([^"]*)")?/g)].map((a) => ({ name: a[1]!.toLowerCase(), value: a[2] ?? '' })),
  }));

function checkMarkup(t: Test, markup: string, raw: string) {
  const tags = tagsOf(markup);
  t.same(
    tags.map((tag) => tag.name).filter((name) => !OUR_TAGS.has(name)),
    [],
    'only our own elements',
  );
  const attributes = tags.flatMap((tag) => tag.attributes);
  t.same(
    attributes.filter((a) => a.name.startsWith('on') || a.name === 'style'),
    [],
    'no event-handler or style attributes',
  );
  t.same(
    attributes.filter((a) => (a.name === 'href' || a.name === 'src') && !/^(https?:\/\/|\/|data:,$)/.test(a.value)),
    [],
    'links are http(s), same-site or the empty icon',
  );
  t.notOk(FORBIDDEN_CHARS.test(markup), 'no NUL or bidi controls');
  if (/[<>"']/.test(raw)) t.notOk(markup.includes(raw), 'the raw value is not in the page');
}

const enc = encodeURIComponent;
const TARGETS: [string, (v: string) => string][] = [
  ['list title', (v) => `/embed/list?items=strategy:journaling&title=${enc(v)}`],
  ['list items', (v) => `/embed/list?items=${enc(v)}`],
  ['list item slug', (v) => `/embed/list?items=strategy:${enc(v)}`],
  ['sections', (v) => `/embed/topics/emotional-withdrawal?sections=${enc(v)}`],
  ['theme', (v) => `/embed/topics/emotional-withdrawal?theme=${enc(v)}`],
  ['lang', (v) => `/embed/topics/emotional-withdrawal?lang=${enc(v)}`],
  ['layout', (v) => `/embed/topics/emotional-withdrawal?layout=${enc(v)}`],
  ['topic slug', (v) => `/embed/topics/${enc(v).slice(0, 190)}`],
  ['parameter name', (v) => `/embed/topics/emotional-withdrawal?${enc(v).slice(0, 200)}=1`],
];

for (const [name, value] of HOSTILE) {
  t.test(`hostile value: ${name}`, async (t) => {
    for (const [where, url] of TARGETS) {
      const res = await app.inject({ method: 'GET', url: url(value) });
      t.ok(res.statusCode < 500, `${where}: no server error (${res.statusCode})`);
      t.match(res.headers['content-type'], /^text\/html/, `${where}: an HTML page`);
      checkMarkup(t, res.body, value);
      t.notOk(/set-cookie/i.test(Object.keys(res.headers).join(' ')), `${where}: no injected header`);
    }

    // A title that is allowed is shown as text, exactly as given.
    const titled = await app.inject({ method: 'GET', url: TARGETS[0]![1](value) });
    if (titled.statusCode === 200) {
      t.equal(decode(/<h1>([\s\S]*?)<\/h1>/.exec(titled.body)![1]!), value.trim(), 'the title reads back as plain text');
      t.equal(decode(/<title>([\s\S]*?)<\/title>/.exec(titled.body)![1]!), value.trim());
    } else {
      t.equal(titled.statusCode, 400, 'or is refused with a reason');
    }

    // oEmbed answers JSON whose html is our iframe and nothing else.
    const embedUrl = `http://localhost/embed/list?items=strategy:journaling&title=${enc(value)}`;
    const oembed = await app.inject({ method: 'GET', url: `/oembed?url=${enc(embedUrl)}` });
    t.ok([200, 400, 404].includes(oembed.statusCode), `oEmbed ${oembed.statusCode}`);
    if (oembed.statusCode === 200) {
      const snippet = oembed.json().html as string;
      t.same(
        [...snippet.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]),
        ['iframe', 'iframe'],
      );
      t.same(
        tagsOf(snippet)[0]!.attributes.map((a) => a.name),
        ['src', 'width', 'height', 'title', 'loading', 'sandbox', 'referrerpolicy', 'style'],
      );
      t.equal(decode(/ title="([^"]*)"/.exec(snippet)![1]!), value.trim());
    }
    const direct = await app.inject({ method: 'GET', url: `/oembed?url=${enc(value)}` });
    t.ok([400, 404].includes(direct.statusCode), `oEmbed of the raw value: ${direct.statusCode}`);
  });
}

t.test('escapeHtml and the html template', async (t) => {
  t.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  t.equal(escapeHtml('a\u0000b\u202Ec\u0007d'), 'a\uFFFDb\uFFFDc\uFFFDd', 'control and bidi characters are replaced');
  t.equal(escapeHtml('line\nbreak\ttab'), 'line\nbreak\ttab', 'ordinary whitespace stays');
  const inner = html`<b>${'<i>'}</b>`;
  t.equal(html`<p>${inner}${['<', html`<br>`]}${null}${undefined}${false}${0}</p>`.value, '<p><b>&lt;i&gt;</b>&lt;<br>0</p>');
  t.equal(String(html`<p>${'"'}</p>`), '<p>&quot;</p>');
});

t.test('only http(s) URLs become links', async (t) => {
  t.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  t.equal(safeHttpUrl('http://example.org'), 'http://example.org/');
  for (const bad of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    '/relative',
    'not a url',
    '',
    null,
    undefined,
  ]) {
    t.equal(safeHttpUrl(bad), null, String(bad));
  }
});

t.test('hostile content in the store is escaped too, and a source without a URL is plain text', async (t) => {
  const record = (over: Partial<ContentRecord>): ContentRecord => ({
    type: 'strategy',
    collection: 'strategies',
    slug: 'x',
    title: '<script>alert(1)</script>',
    summary: '"><img src=x onerror=alert(1)>',
    body: '',
    keywords: [],
    order: 1,
    reviewedAt: '2026-11-22',
    nextReviewAt: '2027-11-22',
    reviewType: 'editorial',
    signposts: [],
    related: [],
    topics: [],
    sources: [
      {
        slug: 'linked',
        title: 'Linked',
        publisher: 'P',
        url: 'https://example.org/paper?a=1&b=2',
        doi: null,
        authority: 'secondary',
        citation: 'A linked <paper>',
        supports: 'What <it> supports & more',
      },
      {
        slug: 'evil',
        title: 'Evil',
        publisher: 'P',
        url: 'javascript:alert(1)',
        doi: null,
        authority: 'secondary',
        citation: 'An evil one',
        supports: null,
      },
      {
        slug: 'plain',
        title: 'Plain',
        publisher: 'P',
        url: null,
        doi: null,
        authority: 'secondary',
        citation: 'A citation without a URL',
        supports: null,
      },
    ],
    facets: { category: 'coping', firstStep: '<b>bold</b>' },
    ...over,
  });
  const doc: EmbedDocument = {
    title: 'T',
    heading: 'T',
    intro: '<i>intro</i>',
    groups: [{ heading: '<h2>', records: [record({})] }],
    fullContentPath: '/topics/x',
    path: '/embed/topics/x',
    options: { theme: 'light', lang: 'en', layout: 'full' },
  };
  const crisis = {
    message: '<crisis>',
    emergency: '<emergency>',
    emergencyNumber: null,
    region: 'GB',
    regionFrom: 'region' as const,
    lines: [
      { name: '<b>Line</b>', phone: '1', text: null, chat: 'javascript:alert(1)', web: null, hours: '<24h>', areas: null, priority: true },
    ],
    directory: null,
    help: '/v1/help',
  };
  const quiet = { ...crisis, lines: [] };
  const page = renderEmbed(doc, 'https://api.example', { disclaimer: '<disclaimer>', crisis }, html``);
  t.match(
    page,
    /&lt;crisis&gt;[\s\S]*&lt;emergency&gt;[\s\S]*<strong>&lt;b&gt;Line&lt;\/b&gt;<\/strong>: call 1 \(&lt;24h&gt;\)/,
    'crisis lines are escaped',
  );
  t.notMatch(page, /javascript:/, 'a javascript: chat URL is not linked');
  checkMarkup(t, page, '<script>alert(1)</script>');
  t.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  t.match(
    page,
    /<cite><a href="https:\/\/example\.org\/paper\?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">A linked &lt;paper&gt;/,
  );
  t.match(page, /<cite>An evil one<\/cite>/, 'a javascript: source URL is not linked');
  t.match(page, /<cite>A citation without a URL<\/cite>/);
  t.match(page, /&lt;disclaimer&gt;/);
  const compact = renderEmbed(
    { ...doc, options: { ...doc.options, layout: 'compact' } },
    'https://api.example',
    { disclaimer: '', crisis: quiet },
    html``,
  );
  t.match(compact, /<ul class="sources"><li><cite><a href="https:\/\/example\.org\/paper/);
  const empty = renderEmbed(
    { ...doc, groups: [{ heading: 'Empty', records: [] }] },
    'https://api.example',
    { disclaimer: '', crisis: quiet },
    html``,
  );
  t.match(empty, /Nothing in this section yet\./);
  t.notMatch(empty, /Content reviewed/);
  t.equal(
    iframeSnippet('https://a.example/embed/list?items=x&title=%22', '"><script>', 10, 20),
    '<iframe src="https://a.example/embed/list?items=x&amp;title=%22" width="10" height="20" title="&quot;&gt;&lt;script&gt;" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" style="border:0;max-width:100%"></iframe>',
  );
});
