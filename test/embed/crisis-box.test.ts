import t from 'tap';
import { build } from '../helpers/app.js';

// The crisis box on embed pages shows the same notice as `meta.crisis`, for the page's region.
const app = await build(t);
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: 'clinic-api.example', ...headers } });
const box = (html: string) => /<aside class="crisis"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';

t.test('with a region the crisis box names the priority line and the emergency number', async (t) => {
  const cases: [string, RegExp][] = [
    ['gb', /<strong>Samaritans<\/strong>: call 116 123 \(24 hours a day, every day of the year\)/],
    ['US', /<strong>988 Suicide &amp; Crisis Lifeline<\/strong>: call 988 or text 988/],
    ['au', /<strong>Lifeline<\/strong>: call 13 11 14/],
    ['NZ', /<strong>1737, Need to talk\?<\/strong>: call 1737 or text 1737/],
  ];
  for (const [region, line] of cases) {
    for (const url of [
      `/embed/topics/emotional-withdrawal?sections=strategies&region=${region}`,
      `/embed/list?items=strategy:journaling&region=${region}`,
    ]) {
      const res = await get(url);
      t.equal(res.statusCode, 200, url);
      t.match(box(res.body), line, `${url}: the priority line`);
      t.equal((box(res.body).match(/<li>/g) ?? []).length, 1, `${url}: only the priority line`);
    }
  }
  t.match(box((await get('/embed/list?items=strategy:journaling&region=GB')).body), /call 999/);
});

t.test('without a region, or for one not covered, the box gives the local emergency number and a directory', async (t) => {
  for (const url of ['/embed/list?items=strategy:journaling', '/embed/list?items=strategy:journaling&region=FR']) {
    const crisis = box((await get(url)).body);
    t.match(crisis, /If you need help now/);
    t.match(crisis, /local emergency number/);
    t.match(crisis, /<a href="https:\/\/findahelpline\.com\/?" target="_blank" rel="noopener noreferrer">/);
    t.notMatch(crisis, /<li>/);
  }
});

t.test('an invalid region is a 400 page naming it', async (t) => {
  const res = await get('/embed/list?items=strategy:journaling&region=XX');
  t.equal(res.statusCode, 400);
  t.match(res.body, /<strong>region<\/strong>: must name a country: an ISO 3166-1 alpha-2 code/);
});

t.test('the region travels with the embed: canonical links and oEmbed keep it', async (t) => {
  const res = await get('/embed/topics/emotional-withdrawal?sections=strategies&region=gb');
  t.match(
    res.body,
    /oembed\?url=http%3A%2F%2Fclinic-api\.example%2Fembed%2Ftopics%2Femotional-withdrawal%3Fsections%3Dstrategies%26region%3DGB/,
  );
  const oembed = await get(`/oembed?url=${encodeURIComponent('http://clinic-api.example/embed/list?items=strategy:journaling&region=NZ')}`);
  t.equal(oembed.statusCode, 200);
  t.match(oembed.json().html, /region=NZ/);
});

t.test('pages for different regions are cached apart', async (t) => {
  for (const region of ['US', 'GB', 'US', 'GB']) {
    const crisis = box((await get(`/embed/list?items=strategy:journaling&region=${region}`)).body);
    t.match(crisis, region === 'US' ? /988/ : /116 123/, region);
    t.notMatch(crisis, region === 'US' ? /116 123/ : /988/);
  }
});
