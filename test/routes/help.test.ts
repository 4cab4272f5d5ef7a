import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t, { type Test } from 'tap';
import { HelpAnswer } from '../../src/schemas/help.js';
import { build } from '../helpers/app.js';

const app = await build(t);
const get = (url: string) => app.inject({ method: 'GET', url });

interface Source {
  title: string;
  publisher: string;
  url: string;
}
interface Line {
  name: string;
  phone: string | null;
  text: string | null;
  chat: string | null;
  web: string | null;
  priority: boolean;
  sources: Source[];
  reviewedAt: string;
}
interface Help {
  region: string | null;
  covered: boolean;
  emergency: { number: string | null; text: string; sources: Source[]; reviewedAt: string | null };
  lines: Line[];
  directory: { url: string; sources: Source[]; reviewedAt: string } | null;
  doctor: { text: string; sources: Source[]; reviewedAt: string };
  regions: string[];
}
const help = async (query = '') => {
  const res = await get(`/v1/help${query}`);
  return {
    res,
    data: res.json().data as Help,
    meta: res.json().meta as { crisis: { region: string | null; lines: Line[]; help: string } },
  };
};

const REQUIRED = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const official = (t: Test, sources: Source[], what: string) => {
  t.ok(sources.length > 0, `${what} cites a source`);
  for (const s of sources) {
    t.match(s.url, /^https?:\/\/[^/\s]+\.[a-z]{2,}/, `${what}: source has a URL`);
    t.ok(s.title && s.publisher, `${what}: source has a title and publisher`);
  }
};

t.test('every required region is covered, with sourced and dated entries and exactly one priority line, first', async (t) => {
  const { data: any } = await help();
  t.same(
    REQUIRED.filter((r) => !any.regions.includes(r)),
    [],
    'US, CA, GB, IE, AU and NZ are covered',
  );
  for (const region of any.regions) {
    const { res, data } = await help(`?region=${region}`);
    t.equal(res.statusCode, 200, region);
    t.doesNotThrow(() => HelpAnswer.parse(res.json()), `${region} matches the documented schema`);
    t.equal(data.region, region);
    t.equal(data.covered, true);
    t.ok(data.lines.length > 0, `${region} has crisis lines`);
    t.equal(data.lines.filter((l) => l.priority).length, 1, `${region} has exactly one priority line`);
    t.equal(data.lines[0]!.priority, true, `${region}: the priority line comes first`);
    for (const line of data.lines) {
      official(t, line.sources, `${region} ${line.name}`);
      t.match(line.reviewedAt, DATE, `${region} ${line.name} has a review date`);
      t.ok(line.phone ?? line.text ?? line.chat ?? line.web, `${region} ${line.name} can be reached somehow`);
    }
    if (data.emergency.number) {
      official(t, data.emergency.sources, `${region} emergency number`);
      t.match(data.emergency.reviewedAt, DATE);
    }
    official(t, data.doctor.sources, `${region} doctor advice`);
    t.match(data.doctor.reviewedAt, DATE);
    t.match(data.doctor.text, /doctor/);
    t.equal(data.directory, null, 'a covered region needs no directory');
  }
});

t.test('the numbers checked on 2026-11-29 are the ones served', async (t) => {
  const priority = async (region: string) => (await help(`?region=${region}`)).data.lines[0]!;
  t.match(await priority('US'), { name: /988/, phone: '988', text: '988' });
  t.match(await priority('CA'), { name: /9-8-8/, phone: '988' });
  t.match(await priority('GB'), { name: 'Samaritans', phone: '116 123' });
  t.match(await priority('IE'), { name: /Samaritans/, phone: '116 123' });
  t.match(await priority('AU'), { name: 'Lifeline', phone: '13 11 14' });
  t.match(await priority('NZ'), { name: /1737/, phone: '1737', text: '1737' });
  const emergency = async (region: string) => (await help(`?region=${region}`)).data.emergency.number;
  t.same(
    [
      await emergency('US'),
      await emergency('CA'),
      await emergency('GB'),
      await emergency('IE'),
      await emergency('AU'),
      await emergency('NZ'),
    ],
    ['911', '911', '999', '112', '000', '111'],
  );
});

t.test('the region is case-insensitive', async (t) => {
  const lower = await help('?region=gb');
  const upper = await help('?region=GB');
  t.equal(lower.data.region, 'GB');
  t.same(lower.data.lines, upper.data.lines);
});

t.test('without a region, or for one not covered: the international answer', async (t) => {
  for (const query of ['', '?region=FR', '?region=jp']) {
    const { res, data, meta } = await help(query);
    t.equal(res.statusCode, 200);
    t.doesNotThrow(() => HelpAnswer.parse(res.json()));
    t.equal(data.covered, false, `${query || 'no region'} is not covered`);
    t.same(data.lines, []);
    t.equal(data.emergency.number, null);
    t.match(data.emergency.text, /local emergency number/);
    t.match(data.directory, { url: 'https://findahelpline.com' });
    official(t, data.directory!.sources, 'directory');
    t.match(meta.crisis, { region: null, lines: [], help: '/v1/help' });
  }
});

t.test('the names people and systems use for a country are read as its code', async (t) => {
  for (const [given, code] of [
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['GBR', 'GB'],
    ['United%20Kingdom', 'GB'],
    ['scotland', 'GB'],
    ['GB-WLS', 'GB'],
    ['en-GB', 'GB'],
    ['usa', 'US'],
    ['IRL', 'IE'],
    ['New%20Zealand', 'NZ'],
    ['%20au%20', 'AU'],
  ]) {
    const { res, data } = await help(`?region=${given}`);
    t.equal(res.statusCode, 200, `region=${given}`);
    t.equal(data.region, code, `region=${given} is ${code}`);
    t.equal(data.covered, true);
  }
});

t.test('an invalid region is a 400 problem naming the parameter, and still carries the international help', async (t) => {
  for (const bad of ['ZZ', 'EU', 'G', 'XYZ', '12', 'g%20b', '', 'Atlantis']) {
    const res = await get(`/v1/help?region=${bad}`);
    t.equal(res.statusCode, 400, `region=${bad}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { status: 400, errors: [{ in: 'query', name: 'region' }] });
    t.match(
      res.json().crisis,
      { region: null, lines: [], directory: 'https://findahelpline.com', help: '/v1/help' },
      `region=${bad}: the international help comes with the problem`,
    );
  }
  const gb = await app.inject({ method: 'GET', url: '/v1/help?region=ZZ', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
  t.match(gb.json().crisis, { region: 'GB', regionFrom: 'accept-language' }, 'the reader’s language region, when it tells one');
  t.ok(gb.json().crisis.lines.length > 1, 'with every line of the region: this was a request for help');
  const repeated = await get('/v1/help?region=GB&region=US');
  t.equal(repeated.statusCode, 400, 'a repeated region is refused');
  const unknown = await get('/v1/help?country=GB');
  t.equal(unknown.statusCode, 400, 'an unknown parameter is refused');
});

t.test('a problem large enough to be compressed still carries the crisis guidance', async (t) => {
  // Twenty unknown parameters make a problem of several kilobytes, which is sent compressed.
  const query = Array.from({ length: 20 }, (_, i) => `unknown${i}=x`).join('&');
  for (const coding of ['br', 'gzip', 'identity']) {
    const res = await app.inject({ method: 'GET', url: `/v1/help?region=ZZ&${query}`, headers: { 'accept-encoding': coding } });
    t.equal(res.statusCode, 400);
    t.equal(res.headers['content-encoding'], coding === 'identity' ? undefined : coding, `${coding}: sent ${coding}`);
    const body = coding === 'br' ? brotliDecompressSync(res.rawPayload) : coding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
    t.match(
      JSON.parse(body.toString('utf8')),
      { status: 400, crisis: { directory: 'https://findahelpline.com', help: '/v1/help' } },
      `${coding}: the international help comes with it`,
    );
  }
});

t.test('help answers are cacheable like the other /v1 routes and carry the crisis notice', async (t) => {
  const { res, meta } = await help('?region=NZ');
  t.match(res.headers['cache-control'], /^public, max-age=\d+/);
  t.match(res.headers.etag, /^W\/"[^"]+"$/);
  const again = await app.inject({ method: 'GET', url: '/v1/help?region=NZ', headers: { 'if-none-match': res.headers.etag as string } });
  t.equal(again.statusCode, 304);
  t.match(meta.crisis, { region: 'NZ', help: '/v1/help?region=NZ', lines: [{ priority: true, phone: '1737' }] });
  t.equal(meta.crisis.lines.length, 1, 'content meta carries only the priority line');
});
