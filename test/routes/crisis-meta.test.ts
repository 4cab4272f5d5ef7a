import { createHash } from 'node:crypto';
import t from 'tap';
import { SearchResults } from '../../src/schemas/search.js';
import { build } from '../helpers/app.js';

// The crisis notice in `meta` is the same everywhere and knows the reader's region.
const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

interface Crisis {
  message: string;
  emergency: string;
  emergencyNumber: string | null;
  region: string | null;
  lines: { name: string; phone: string | null; priority: boolean }[];
  directory: string | null;
  help: string;
}
const crisisOf = async (url: string) => {
  const res = await get(url);
  t.equal(res.statusCode, 200, url);
  return res.json().meta.crisis as Crisis;
};

const CONTENT_URLS = [
  '/v1/topics',
  '/v1/topics/emotional-isolation',
  '/v1/faqs',
  '/v1/strategies/journaling',
  '/v1/sources',
  '/v1/search?q=journaling',
];
const withRegion = (url: string, region: string) => `${url}${url.includes('?') ? '&' : '?'}region=${region}`;

t.test('without a region every content answer carries the same notice: local emergency number and a directory', async (t) => {
  const notices = await Promise.all(CONTENT_URLS.map(crisisOf));
  for (const notice of notices) t.same(notice, notices[0], 'one notice everywhere');
  t.match(notices[0], { region: null, lines: [], emergencyNumber: null, directory: 'https://findahelpline.com', help: '/v1/help' });
  t.match(notices[0]!.emergency, /local emergency number/);
  t.match(notices[0]!.message, /crisis/);
});

t.test('with a region the priority line is added to meta on lists, items, topics, sources and search', async (t) => {
  for (const url of CONTENT_URLS) {
    const gb = await crisisOf(withRegion(url, 'gb'));
    t.match(gb, { region: 'GB', emergencyNumber: '999', directory: null, help: '/v1/help?region=GB' }, url);
    t.same(
      gb.lines.map((l) => [l.name, l.phone, l.priority]),
      [['Samaritans', '116 123', true]],
      `${url}: Samaritans, the priority line`,
    );
    const au = await crisisOf(withRegion(url, 'AU'));
    t.same(
      au.lines.map((l) => l.phone),
      ['13 11 14'],
      `${url}: Lifeline for AU`,
    );
  }
});

t.test('a region not covered falls back to the international notice; an invalid one is a 400 that still carries it', async (t) => {
  t.match(await crisisOf('/v1/faqs?region=de'), { region: null, lines: [], directory: 'https://findahelpline.com' });
  t.match(await crisisOf('/v1/topics/emotional-isolation?region=UK'), { region: 'GB', regionFrom: 'region' }, 'UK is GB');
  t.match(await crisisOf('/v1/strategies/journaling?region=usa'), { region: 'US' }, 'usa is US');
  for (const url of ['/v1/faqs?region=XX', '/v1/search?q=a&region=1', '/v1/signs/emotional-numbness?region=Atlantis']) {
    const res = await get(url);
    t.equal(res.statusCode, 400, url);
    t.match(res.json(), { errors: [{ name: 'region' }], crisis: { region: null, directory: 'https://findahelpline.com' } });
  }
});

t.test('without a region: the partner key’s default, then Accept-Language; meta says which', async (t) => {
  const key = 'partner-secret';
  const partnered = await build(t, { PARTNER_KEYS: `clinic:${createHash('sha256').update(key).digest('hex')}:ie` });
  const crisis = async (headers: Record<string, string>, url = '/v1/faqs') => {
    const res = await partnered.inject({ method: 'GET', url, headers });
    t.equal(res.statusCode, 200);
    return { crisis: res.json().meta.crisis as Crisis & { regionFrom: string | null }, vary: String(res.headers.vary) };
  };
  t.match((await crisis({})).crisis, { region: null, regionFrom: null, lines: [] }, 'nothing to go on: the international answer');
  t.match((await crisis({ 'accept-language': 'en-GB,en;q=0.9' })).crisis, {
    region: 'GB',
    regionFrom: 'accept-language',
    lines: [{ phone: '116 123' }],
  });
  t.match(
    (await crisis({ 'accept-language': 'fr;q=0.9, en-NZ;q=0.8' })).crisis,
    { region: 'NZ', regionFrom: 'accept-language' },
    'the first range with a region',
  );
  t.match((await crisis({ 'accept-language': 'en-US;q=0, en' })).crisis, { region: null }, 'a range refused with q=0 does not count');
  t.match((await crisis({ 'accept-language': 'en' })).crisis, { region: null }, 'a language without a region tells nothing');
  t.match(
    (await crisis({ 'x-api-key': key, 'accept-language': 'en-GB' })).crisis,
    { region: 'IE', regionFrom: 'partner' },
    'the partner’s default wins over the language',
  );
  t.match(
    (await crisis({ 'x-api-key': key, 'accept-language': 'en-GB' }, '/v1/faqs?region=AU')).crisis,
    { region: 'AU', regionFrom: 'region' },
    'the request’s own region wins over both',
  );
  const { vary } = await crisis({ 'accept-language': 'en-GB' });
  t.match(vary, /accept-language/, 'a shared cache keeps one answer per language');
  t.match(vary, /x-api-key/, 'and per partner key');
  t.notMatch((await crisis({}, '/v1/faqs?region=AU')).vary, /accept-language/, 'a named region does not vary on either');
  const again = await crisis({ 'accept-language': 'en-AU' });
  t.match(again.crisis, { region: 'AU', regionFrom: 'accept-language' }, 'cached answers keep their region and its source apart');
});

t.test('cached answers stay per region: each region gets its own line, in any order of requests', async (t) => {
  const order = ['US', 'GB', 'US', 'NZ', 'GB', undefined, 'NZ', undefined];
  const expected: Record<string, string[]> = { US: ['988'], GB: ['116 123'], NZ: ['1737'] };
  for (const region of order) {
    const notice = await crisisOf(region ? `/v1/faqs?region=${region}` : '/v1/faqs');
    t.same(
      notice.lines.map((l) => l.phone),
      region ? expected[region] : [],
      `region ${region ?? 'none'}`,
    );
  }
});

t.test('search: every answer says whether the query suggests risk', async (t) => {
  for (const q of [
    'journaling',
    'kill time',
    'self-reflection',
    'dying to know',
    'cut back on caffeine',
    'no one texts me back',
    'caregiver burden',
  ]) {
    const res = await get(`/v1/search?q=${encodeURIComponent(q)}`);
    t.doesNotThrow(() => SearchResults.parse(res.json()));
    t.match(res.json().meta, { crisisDetected: false, crisisReason: null }, `"${q}" is ordinary`);
  }
});

t.test('search: q=suicide gives help even though no record matches', async (t) => {
  const res = await get('/v1/search?q=suicide');
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.doesNotThrow(() => SearchResults.parse(body));
  t.match(body.meta, { crisisDetected: true, crisisReason: 'suicidal-thoughts' });
  t.match(
    body.meta.crisis,
    { directory: 'https://findahelpline.com', help: '/v1/help' },
    'without a region: the directory and the help link',
  );
  t.match(body.meta.crisis.emergency, /local emergency number/);
});

t.test('search: an at-risk query with a region carries all its lines, priority first', async (t) => {
  const cases: [string, string][] = [
    ['suicide', 'suicidal-thoughts'],
    ['i want to kill myself', 'suicidal-thoughts'],
    ['sucidal', 'suicidal-thoughts'],
    ['dont want to be here', 'wish-to-be-dead'],
    ['nobody would miss me', 'thwarted-belongingness'],
    ['everyone would be better off without me', 'burdensomeness'],
    ["what's the point of living", 'hopelessness'],
    ['how many pills to die', 'method'],
    ['saying my goodbyes', 'intent-or-plan'],
    ['self harm', 'self-harm'],
    ['overdose', 'overdose'],
  ];
  const directory = (await get('/v1/help?region=GB')).json<{ data: { lines: { name: string }[] } }>().data;
  const gbLines = directory.lines.map((l) => l.name);
  t.equal(gbLines[0], 'Samaritans', 'the directory lists the priority line first');
  for (const [q, reason] of cases) {
    const res = await get(`/v1/search?q=${encodeURIComponent(q)}&region=GB`);
    const meta = res.json().meta;
    t.match(meta, { crisisDetected: true, crisisReason: reason }, q);
    t.same(
      meta.crisis.lines.map((l: { name: string }) => l.name),
      gbLines,
      `${q}: every GB line, Samaritans first`,
    );
    t.equal(meta.crisis.emergencyNumber, '999');
  }
  const ordinary = (await get('/v1/search?q=journaling&region=GB')).json().meta;
  t.equal(ordinary.crisis.lines.length, 1, 'an ordinary search carries only the priority line');
});
