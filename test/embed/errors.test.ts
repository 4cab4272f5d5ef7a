import t from 'tap';
import { Problem } from '../../src/schemas/common.js';
import { build } from '../helpers/app.js';

const app = await build(t);

const T = '/embed/topics/emotional-withdrawal';
// [url, status, text the page must show, parameter named]
const cases: [string, number, RegExp, string?][] = [
  [`${T}?sections=feelings`, 400, /must be one of signs, causes, contexts, strategies, therapies, faqs/, 'sections'],
  [`${T}?sections=impacts`, 400, /must be one of signs/, 'sections'],
  [`${T}?sections=`, 400, /must name at least one value/, 'sections'],
  [`${T}?theme=pink`, 400, /must be one of light, dark, auto/, 'theme'],
  [`${T}?layout=tiny`, 400, /must be one of full, compact/, 'layout'],
  [`${T}?compact=yes`, 400, /must be true or false/, 'compact'],
  [`${T}?layout=full&compact=true`, 400, /contradicts layout=full/, 'compact'],
  [`${T}?lang=english%20please`, 400, /BCP 47 language tag/, 'lang'],
  [`${T}?lang=en_GB`, 400, /BCP 47 language tag/, 'lang'],
  [`${T}?lang=${'a'.repeat(40)}`, 400, /at most 35 characters/, 'lang'],
  [`${T}?colour=blue`, 400, /is not a parameter of this page/, 'colour'],
  [`${T}?theme=dark&theme=light`, 400, /only once/, 'theme'],
  ['/embed/topics/emotional-loneliness', 404, /No topic has this slug\. The topics are: emotional-isolation/],
  ['/embed/topics/%3Cscript%3E', 404, /No topic has this slug/],
  ['/embed/list', 400, /items/, 'items'],
  ['/embed/list?items=', 400, /must name at least one value/, 'items'],
  [
    '/embed/list?items=story:reconnecting-after-job-loss',
    400,
    /must start with a type \(sign, cause, context, strategy, therapy, faq\)/,
    'items',
  ],
  ['/embed/list?items=strategy', 400, /must be &lt;type&gt;:&lt;slug&gt;/, 'items'],
  ['/embed/list?items=strategy:Journaling', 400, /must be &lt;type&gt;:&lt;slug&gt;/, 'items'],
  ['/embed/list?items=strategy:journaling:extra', 400, /must be &lt;type&gt;:&lt;slug&gt;/, 'items'],
  [
    '/embed/list?items=strategy:no-such-thing,therapy:counselling,faq:nope',
    400,
    /no record &quot;strategy:no-such-thing&quot;, &quot;faq:nope&quot;/,
    'items',
  ],
  ['/embed/list?items=therapy:journaling', 400, /no record &quot;therapy:journaling&quot;/, 'items'],
  [`/embed/list?items=${Array.from({ length: 31 }, (_, i) => `sign:s${i}`).join(',')}`, 400, /at most 30 records/, 'items'],
  ['/embed/list?items=strategy:journaling&title=', 400, /must not be empty/, 'title'],
  [`/embed/list?items=strategy:journaling&title=${'x'.repeat(121)}`, 400, /at most 120 characters/, 'title'],
  ['/embed/list?items=strategy:journaling&title=a%00b', 400, /control or bidirectional-override/, 'title'],
  ['/embed/list?items=strategy:journaling&title=abc%E2%80%AEdef', 400, /control or bidirectional-override/, 'title'],
  ['/embed/nowhere', 404, /No embed lives at this address/],
  ['/embed/topics', 404, /No embed lives at this address/],
];

for (const [url, status, shows, parameter] of cases) {
  t.test(`${url.slice(0, 80)} → ${status}`, async (t) => {
    const page = await app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    t.equal(page.statusCode, status);
    t.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
    t.equal(page.headers['cache-control'], 'no-store', 'errors are not cached');
    t.match(page.headers['content-security-policy'], /frame-ancestors \*/, 'an error still shows inside the frame');
    t.match(page.body, /<main>[\s\S]*<\/main>/);
    t.match(page.body, shows);
    t.match(page.body, /If you need help now/, 'crisis guidance on error pages too');
    t.match(page.body, /<a href="\/embed">embed builder<\/a>/);
    if (parameter) t.match(page.body, new RegExp(`<li><strong>${parameter.replace(/[()]/g, '\\$&')}</strong>`));

    const json = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
    t.equal(json.statusCode, status);
    t.match(json.headers['content-type'], /^application\/problem\+json/);
    t.doesNotThrow(() => Problem.strict().parse(json.json()));
    if (parameter) t.ok(json.json().errors.some((e: { name: string }) => e.name === parameter));
  });
}

t.test('Accept decides between the HTML page and problem+json', async (t) => {
  const url = `${T}?theme=pink`;
  const html = ['', '*/*', 'text/html', 'text/*', 'application/json;q=0.5, text/html', 'application/json;q=0', 'image/png', ';;,,'];
  const json = ['application/json', 'application/problem+json', 'application/*', 'text/html;q=0.5, application/json', 'APPLICATION/JSON'];
  for (const accept of html) {
    const res = await app.inject({ method: 'GET', url, headers: { accept } });
    t.match(res.headers['content-type'], /^text\/html/, `Accept: ${accept || '(none)'} → HTML`);
  }
  for (const accept of json) {
    const res = await app.inject({ method: 'GET', url, headers: { accept } });
    t.match(res.headers['content-type'], /^application\/problem\+json/, `Accept: ${accept} → JSON`);
  }
});

t.test('other methods are refused with 405 and Allow', async (t) => {
  for (const method of ['POST', 'PUT', 'DELETE'] as const) {
    const res = await app.inject({ method, url: '/embed/list?items=strategy:journaling' });
    t.equal(res.statusCode, 405, method);
    t.equal(res.headers.allow, 'GET, HEAD, OPTIONS');
    t.match(res.body, /only answers GET requests/);
  }
});

t.test('HEAD answers like GET without a body', async (t) => {
  const res = await app.inject({ method: 'HEAD', url: `${T}?sections=faqs` });
  t.equal(res.statusCode, 200);
  t.equal(res.body, '');
  t.match(res.headers['content-type'], /^text\/html/);
});

t.test('a malformed Host header is refused, never printed into links', async (t) => {
  for (const host of ['evil.example"><script>alert(1)</script>', 'a b', 'host:99999999']) {
    const res = await app.inject({ method: 'GET', url: `${T}?sections=faqs`, headers: { host } });
    t.equal(res.statusCode, 400, host);
    t.notMatch(res.body, /<script>|evil\.example/);
    const oembed = await app.inject({
      method: 'GET',
      url: '/oembed?url=http://localhost/embed/list?items=strategy:journaling',
      headers: { host },
    });
    t.equal(oembed.statusCode, 400);
  }
});

t.test('over-long path values and malformed URLs are client errors', async (t) => {
  const long = await app.inject({ method: 'GET', url: `/embed/topics/${'a'.repeat(300)}` });
  t.equal(long.statusCode, 414);
  const malformed = await app.inject({ method: 'GET', url: '/embed/topics/%E0%A4%A' });
  t.equal(malformed.statusCode, 400);
});
