import t from 'tap';
import { OEmbed } from '../../src/schemas/embeds.js';
import { build } from '../helpers/app.js';

const app = await build(t, { CACHE_MAX_AGE: '900' });
const HOST = 'content.example';
const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: HOST } });
const oembed = (target: string, extra = '') => get(`/oembed?url=${encodeURIComponent(target)}${extra}`);

const TOPIC_URL = `http://${HOST}/embed/topics/emotional-withdrawal?sections=strategies,therapies`;
const LIST_URL = `http://${HOST}/embed/list?items=strategy:journaling,therapy:counselling&title=For%20you`;

t.test('a rich oEmbed 1.0 response for topic and list embeds', async (t) => {
  for (const [target, title] of [
    [TOPIC_URL, 'Emotional withdrawal: Coping strategies, Therapies and support'],
    [LIST_URL, 'For you'],
  ] as const) {
    const res = await oembed(target, '&format=json');
    t.equal(res.statusCode, 200, target);
    t.match(res.headers['content-type'], /^application\/json/);
    const body = res.json();
    t.doesNotThrow(() => OEmbed.strict().parse(body), 'exactly the documented fields');
    t.equal(body.version, '1.0', 'version is the string "1.0"');
    t.equal(body.type, 'rich');
    t.equal(body.title, title);
    t.equal(body.provider_name, 'Emotional Connection Content API');
    t.equal(body.provider_url, `http://${HOST}/`);
    t.equal(body.cache_age, 900);
    t.ok(Number.isInteger(body.width) && Number.isInteger(body.height) && body.width > 0 && body.height > 0);
    const iframe = /^<iframe src="([^"]+)" width="(\d+)" height="(\d+)" title="([^"]+)" [^>]*><\/iframe>$/.exec(body.html);
    t.ok(iframe, 'html is a single iframe');
    t.equal(iframe![1]!.replace(/&amp;/g, '&'), target, 'pointing at the embed');
    t.equal(Number(iframe![2]), body.width, 'iframe width matches');
    t.equal(Number(iframe![3]), body.height, 'iframe height matches');
    t.match(body.html, /sandbox="allow-popups allow-popups-to-escape-sandbox"/, 'sandboxed: no scripts, links open in a new tab');
    t.match(res.headers['cache-control'], /^public, max-age=900/);
    t.match(res.headers.etag, /^W\/"[^"]+"$/);
  }
});

t.test('format defaults to json', async (t) => {
  const res = await oembed(LIST_URL);
  t.equal(res.statusCode, 200);
  t.equal(res.json().type, 'rich');
});

t.test('maxwidth and maxheight are honoured', async (t) => {
  const natural = (await oembed(TOPIC_URL)).json();
  t.equal(natural.width, 600);
  for (const [maxwidth, maxheight] of [
    [320, 240],
    [1, 1],
    [5000, 5000],
    [599, natural.height - 1],
  ]) {
    const body = (await oembed(TOPIC_URL, `&maxwidth=${maxwidth}&maxheight=${maxheight}`)).json();
    t.ok(body.width <= maxwidth! && body.height <= maxheight!, `within ${maxwidth}×${maxheight}: ${body.width}×${body.height}`);
    t.equal(body.width, Math.min(600, maxwidth!));
    t.equal(body.height, Math.min(natural.height, maxheight!));
    t.match(body.html, new RegExp(`width="${body.width}" height="${body.height}"`));
  }
  const onlyWidth = (await oembed(TOPIC_URL, '&maxwidth=400')).json();
  t.same([onlyWidth.width, onlyWidth.height], [400, natural.height]);
  const short = `http://${HOST}/embed/topics/emotional-withdrawal?sections=therapies`;
  const compact = (await oembed(`${short}&layout=compact`)).json();
  t.ok(compact.height < (await oembed(short)).json().height, 'a compact embed asks for less height');
});

t.test("the consumer's scheme is kept (TLS may end at a proxy) and the URL is canonicalised", async (t) => {
  const res = await oembed(`https://${HOST}/embed/topics/emotional-withdrawal/?theme=light&sections=faqs,faqs&lang=en-gb`);
  t.equal(res.statusCode, 200);
  t.match(
    res.json().html,
    new RegExp(`src="https://${HOST.replace('.', '\\.')}/embed/topics/emotional-withdrawal\\?sections=faqs&amp;lang=en-GB"`),
  );
});

t.test('URLs that are not embeds of this service are 404', async (t) => {
  const foreign = [
    'https://elsewhere.example/embed/topics/emotional-withdrawal',
    `http://${HOST}.evil.example/embed/topics/emotional-withdrawal`,
    `http://user:pass@${HOST}/embed/topics/emotional-withdrawal`,
    `ftp://${HOST}/embed/topics/emotional-withdrawal`,
    `http://${HOST}/v1/topics/emotional-withdrawal`,
    `http://${HOST}/embed`,
    `http://${HOST}/embed/topics/no-such-topic`,
    `http://${HOST}/embed/topics/%E0%A4%A`,
    `http://${HOST}/embed/topics/emotional-withdrawal?sections=feelings`,
    `http://${HOST}/embed/topics/emotional-withdrawal?theme=dark&theme=light`,
    `http://${HOST}/embed/list?items=strategy:no-such-strategy`,
    `http://${HOST}/embed/list?items=nonsense`,
    `http://${HOST}/embed/list/extra`,
    '/embed/topics/emotional-withdrawal',
    'javascript:alert(1)',
    'not a url',
  ];
  for (const target of foreign) {
    const res = await oembed(target);
    t.equal(res.statusCode, 404, target);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.equal(res.json().status, 404);
  }
});

t.test('format=xml answers the same response as oEmbed XML', async (t) => {
  const json = (await oembed(TOPIC_URL, '&maxwidth=400')).json();
  const xml = await oembed(TOPIC_URL, '&maxwidth=400&format=xml');
  t.equal(xml.statusCode, 200);
  t.match(xml.headers['content-type'], /^text\/xml/);
  t.match(xml.body, /^<\?xml version="1\.0" encoding="utf-8" standalone="yes"\?>\n<oembed>/);
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml.body)?.[1];
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const name of ['version', 'type', 'width', 'height', 'title', 'provider_name', 'provider_url', 'cache_age', 'html']) {
    t.equal(unescape(field(name) ?? ''), String(json[name]), `<${name}> matches the JSON`);
  }
  t.notMatch(xml.body, /<iframe/, 'the iframe markup is escaped inside <html>');
});

t.test('bad parameters are 400', async (t) => {
  const cases: [string, string][] = [
    ['/oembed', 'url'],
    ['/oembed?url=', 'url'],
    [`/oembed?url=${encodeURIComponent(TOPIC_URL)}&format=yaml`, 'format'],
    [`/oembed?url=${encodeURIComponent(TOPIC_URL)}&maxwidth=abc`, 'maxwidth'],
    [`/oembed?url=${encodeURIComponent(TOPIC_URL)}&maxwidth=0`, 'maxwidth'],
    [`/oembed?url=${encodeURIComponent(TOPIC_URL)}&maxheight=2.5`, 'maxheight'],
    [`/oembed?url=${encodeURIComponent(TOPIC_URL)}&callback=x`, 'callback'],
    [`/oembed?url=${'x'.repeat(2049)}`, 'url'],
  ];
  for (const [url, parameter] of cases) {
    const res = await get(url);
    t.equal(res.statusCode, 400, url.slice(0, 80));
    t.ok(
      res.json().errors.some((e: { name: string }) => e.name === parameter),
      `names ${parameter}`,
    );
  }
});

t.test('an embed page and its oEmbed agree on the title', async (t) => {
  const page = await get(new URL(LIST_URL).pathname + new URL(LIST_URL).search);
  const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
  const res = await get(discovery.replace(`http://${HOST}`, ''));
  t.equal(res.statusCode, 200);
  t.equal(res.json().title, /<title>([^<]+)<\/title>/.exec(page.body)![1]);
});

t.test('with PUBLIC_BASE_URL, absolute links ignore the Host header', async (t) => {
  const fixed = await build(t, { PUBLIC_BASE_URL: 'https://content.example.org/some/path' });
  const spoofed = { host: 'attacker.example' };
  const page = await fixed.inject({ method: 'GET', url: '/embed/topics/emotional-withdrawal?sections=faqs', headers: spoofed });
  t.equal(page.statusCode, 200);
  t.notMatch(page.body, /attacker\.example/, 'no link to the spoofed host');
  t.match(page.body, /https:\/\/content\.example\.org\/oembed\?url=/, 'discovery link on the configured origin');
  const ours = 'https://content.example.org/embed/topics/emotional-withdrawal?sections=faqs';
  const res = await fixed.inject({ method: 'GET', url: `/oembed?url=${encodeURIComponent(ours)}`, headers: spoofed });
  t.equal(res.statusCode, 200);
  t.equal(res.json().provider_url, 'https://content.example.org/');
  const theirs = await fixed.inject({
    method: 'GET',
    url: `/oembed?url=${encodeURIComponent('https://attacker.example/embed/topics/emotional-withdrawal')}`,
    headers: spoofed,
  });
  t.equal(theirs.statusCode, 404, 'an embed URL on another host is not ours');
});

t.test('without PUBLIC_BASE_URL, a page served to one host is never served with its links to another', async (t) => {
  const url = '/embed/topics/emotional-isolation?sections=signs';
  const first = await app.inject({ method: 'GET', url, headers: { host: 'a.example' } });
  const second = await app.inject({ method: 'GET', url, headers: { host: 'b.example' } });
  const again = await app.inject({ method: 'GET', url, headers: { host: 'a.example' } });
  t.match(first.body, /http:\/\/a\.example\//);
  t.match(second.body, /http:\/\/b\.example\//);
  t.notMatch(second.body, /a\.example/);
  t.equal(again.body, first.body, 'each host gets its own (cached) page');
});
