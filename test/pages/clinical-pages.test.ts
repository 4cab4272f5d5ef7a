import t from 'tap';
import { build } from '../helpers/app.js';

// The pages clinical systems link to: the help directory (/help), and the codes each topic and
// record page says it is used for.

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'people.example' } });

t.test('the help page for a region: emergency number, every line and how to reach it, sources, when to see a doctor', async (t) => {
  const res = await get('/help?region=gb');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  t.match(res.headers['content-security-policy'], /default-src 'none'/);
  t.notMatch(res.body, /<script/);
  t.match(res.body, /<h1>Help in a crisis: United Kingdom<\/h1>/);
  const gb = app.help.get('GB')!;
  t.match(res.body, `<a href="tel:${gb.emergency.number}">`);
  for (const line of gb.lines) {
    t.match(res.body, `<h3>${line.name}</h3>`, line.name);
    for (const source of line.sources) t.match(res.body, `href="${source.url}"`, `${line.name}: its source is linked`);
  }
  t.match(res.body, /<h2 id="services-heading">Other support<\/h2>/);
  for (const kind of ['domestic-abuse', 'child-protection', 'talking-therapy'])
    t.match(res.body, `<h3 id="services-${kind}">`, `services for ${kind} under their own heading`);
  for (const service of gb.services) {
    t.match(res.body, `<h4>${service.name.replace(/'/g, '&#39;')}</h4>`, service.name);
    for (const source of service.sources) t.match(res.body, `href="${source.url}"`, `${service.name}: its source is linked`);
  }
  t.match(res.body, /<h2 id="doctor-heading">When to see a doctor<\/h2>/);
  t.match(res.body, app.content.disclaimer);
  for (const region of app.help.regions()) t.match(res.body, `href="/help?region=${region}"`, `links to ${region}`);
  t.match(res.body, '<link rel="canonical" href="http://people.example/help?region=GB">');
});

t.test('anywhere else: the international advice and the helpline directory', async (t) => {
  for (const url of ['/help', '/help?region=FR']) {
    const res = await get(url);
    t.equal(res.statusCode, 200, url);
    t.match(res.body, /<h1>Help in a crisis<\/h1>/);
    t.match(res.body, app.help.international.directory!.url);
    t.match(res.body, app.help.international.emergency.text);
  }
  const bad = await get('/help?region=Narnia');
  t.equal(bad.statusCode, 400);
  t.match(bad.headers['content-type'], /^text\/html/);
});

t.test('topic and record pages list the codes they are used for; others say nothing', async (t) => {
  const families = await get('/contexts/families');
  t.match(families.body, /<h2 id="codes-heading">Clinical codes<\/h2>/);
  for (const c of app.codes.forRecord('context', 'families')) t.match(families.body, `<li><strong>${c.code}</strong> ${c.title}</li>`);
  const topic = await get('/topics/emotional-isolation');
  t.ok(app.codes.forRecord('topic', 'emotional-isolation').length > 0);
  for (const c of app.codes.forRecord('topic', 'emotional-isolation')) t.match(topic.body, `<strong>${c.code}</strong>`);
  const strategy = app.content.all('strategies')[0]!;
  t.same(app.codes.forRecord('strategy', strategy.slug), [], 'strategies have no codes');
  t.notMatch((await get(`/strategies/${strategy.slug}`)).body, /codes-heading/);
});
