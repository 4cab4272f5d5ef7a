import { XMLParser } from 'fast-xml-parser';
import t, { type Test } from 'tap';
import { ATTRIBUTION } from '../../src/content/licence.js';
import { InfobuttonJsonFeed } from '../../src/schemas/infobutton.js';
import { build } from '../helpers/app.js';

// The HL7 infobutton as an EHR's infobutton manager calls it: the Atom feed (parsed as XML and
// checked against RFC 4287's required elements), the JSON form MedlinePlus Connect clients read,
// and the HTML page; what a code, a code above it, a help-first code, text and the other
// parameters answer.

const HOST = 'api.example.org';
const app = await build(t);
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });
const ICD = '2.16.840.1.113883.6.90';
const SNOMED = '2.16.840.1.113883.6.96';
const ib = (params: string) => `/v1/infobutton?${params}`;
const code = (c: string, extra = '') => ib(`mainSearchCriteria.v.c=${c}&mainSearchCriteria.v.cs=${ICD}${extra}`);

const ATOM = 'http://www.w3.org/2005/Atom';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});
type Element = Record<string, unknown> & { '#text'?: string };
const textOf = (value: unknown) => (typeof value === 'string' ? value : ((value as Element)['#text'] ?? ''));

/** The feed, parsed, after checking what RFC 4287 requires of a feed and each entry. */
function atomFeed(t: Test, xml: string) {
  const feed = parser.parse(xml).feed as Element & { entry?: Element[] };
  t.equal(feed['@xmlns'], ATOM, 'the Atom namespace');
  t.equal(feed['@xml:lang'], 'en');
  for (const name of ['id', 'title', 'updated']) t.ok(textOf(feed[name]), `feed has ${name}`);
  t.ok((feed.author as Element)?.name, 'feed has an author with a name');
  t.match(textOf(feed.id), /^urn:uuid:[0-9a-f-]{36}$/, 'feed id is an IRI');
  t.match(textOf(feed.updated), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'feed updated is an RFC 3339 date-time');
  t.equal(textOf(feed.rights), ATTRIBUTION, 'the licence and credit');
  for (const entry of feed.entry ?? []) {
    for (const name of ['id', 'title', 'updated', 'summary']) t.ok(textOf(entry[name]), `entry has ${name}`);
    t.match(textOf(entry.id), /^urn:uuid:/);
    const alternate = (entry.link as Element[]).filter((l) => (l['@rel'] ?? 'alternate') === 'alternate');
    t.equal(alternate.length, 1, 'entry has one alternate link (it has no content)');
    t.match(alternate[0]!['@href'], /^http:\/\/api\.example\.org\//, 'absolute link to our page');
    t.equal(textOf(entry.rights), ATTRIBUTION);
  }
  return {
    feed,
    entries: feed.entry ?? [],
    subtitle: textOf(feed.subtitle),
    hrefs: (feed.entry ?? []).map((e) => (e.link as Element[])[0]!['@href'] as string),
  };
}

t.test('a mapped code: an Atom feed of its records, best first, linking to their pages, region kept', async (t) => {
  const res = await get(
    code('F43.21', '&region=gb&patientPerson.administrativeGenderCode.c=F&age.v.v=77&age.v.u=a&taskContext.c.c=PROBLISTREV'),
  );
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
  t.match(res.headers['cache-control'], /^public/);
  t.ok(res.headers.etag);
  const { feed, entries, subtitle, hrefs } = atomFeed(t, res.body);
  const expected = app.codes.lookup('ICD-10-CM', 'F43.21');
  if (expected.outcome !== 'records') throw new Error('F43.21 is mapped');
  t.same(
    entries.map((e) => textOf(e.title)),
    expected.records.map((r) => r.item.title),
  );
  t.same(
    hrefs,
    expected.records.map((r) => `http://${HOST}/${r.collection}/${r.item.slug}?region=GB`),
  );
  t.match(subtitle, /ICD-10-CM F43\.21 \(Adjustment disorder with depressed mood\)/);
  t.match(subtitle, app.content.disclaimer, 'the disclaimer travels with the feed');
  t.same(
    (feed.category as Element[]).map((c) => [c['@scheme'], c['@term']]),
    [
      ['mainSearchCriteria.v.c', 'F43.21'],
      ['mainSearchCriteria.v.cs', ICD],
      ['informationRecipient', 'PAT'],
    ],
  );
  t.notMatch(res.body, /PROBLISTREV|administrativeGender|age\.v/, 'patient and task parameters are never echoed');
});

t.test('the JSON form MedlinePlus Connect clients read: feed.entry[].title._value, summary._value, link[].href', async (t) => {
  const res = await get(code('F4321', '&knowledgeResponseType=application/json'));
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  const body = res.json();
  t.doesNotThrow(() => InfobuttonJsonFeed.parse(body), 'the documented shape');
  t.match(body.feed.entry[0], {
    title: { _value: String },
    summary: { _value: String },
    link: [{ href: /^http:\/\/api\.example\.org\//, rel: 'alternate' }],
  });
  const xml = atomFeed(t, (await get(code('F43.21'))).body);
  t.same(
    body.feed.entry.map((e: { id: { _value: string } }) => e.id._value),
    xml.entries.map((e) => textOf(e.id)),
    'the same entries as the XML (dotless code read as F43.21)',
  );
  t.equal(body.feed.id._value, textOf(xml.feed.id), 'the same feed id in XML and JSON');
});

t.test('a code that is not mapped answers for the code above it, and the subtitle says which', async (t) => {
  const { subtitle, entries } = atomFeed(t, (await get(code('Z63.72'))).body);
  t.match(subtitle, /ICD-10-CM Z63\.72 is not in the map, so the code above it answers: ICD-10-CM Z63 /);
  t.ok(entries.length > 0);
});

t.test('a help-first code (or one below it): the help page for the region first, and no content', async (t) => {
  for (const c of ['R45.851', 'R45.850', 'T14.91XA', 'Z91.5']) {
    const { entries, subtitle, hrefs } = atomFeed(t, (await get(code(c, '&region=US'))).body);
    t.equal(entries.length, 1, `${c}: one entry`);
    t.same(hrefs, [`http://${HOST}/help?region=US`], `${c}: the help page`);
    t.match(textOf(entries[0]!.summary), /988/, `${c}: the priority line in the summary`);
    t.match(subtitle, /^Help first/, c);
  }
  const page = await get('/help?region=US');
  t.equal(page.statusCode, 200, 'the linked help page exists');
});

t.test('nothing to answer is an empty feed (200), never an error', async (t) => {
  for (const [url, says] of [
    [code('A00.0'), /No reading is mapped to ICD-10-CM A00\.0/],
    [ib(`mainSearchCriteria.v.c=44054006&mainSearchCriteria.v.cs=${SNOMED}`), /maps no SNOMED CT codes yet/],
    [code('F43.21', '&informationRecipient.languageCode.c=es'), /English only/],
  ] as const) {
    const res = await get(url);
    t.equal(res.statusCode, 200, url);
    const { entries, subtitle } = atomFeed(t, res.body);
    t.equal(entries.length, 0, url);
    t.match(subtitle, says, url);
  }
  t.same((await get(code('A00.0', '&knowledgeResponseType=application/json'))).json().feed.entry, [], 'JSON keeps an empty entry array');
  t.equal(
    atomFeed(t, (await get(code('F43.21', '&informationRecipient.languageCode.c=en-US'))).body).entries.length,
    3,
    'en-US is English',
  );
});

t.test('providers get the same patient education, and the feed says so', async (t) => {
  const pat = atomFeed(t, (await get(code('F43.21'))).body);
  const prov = atomFeed(t, (await get(code('F43.21', '&informationRecipient=PROV'))).body);
  t.same(prov.hrefs, pat.hrefs);
  t.match(prov.subtitle, /professionals get the same reading as patients/);
});

t.test('without a code, the text is searched for; words of risk answer with help, as help-first codes do', async (t) => {
  const found = atomFeed(t, (await get(ib('mainSearchCriteria.v.ot=feeling%20numb&region=IE'))).body);
  t.ok(found.entries.length > 0 && found.entries.length <= 3);
  t.match(found.subtitle, /searching for "feeling numb"/);
  const byName = atomFeed(t, (await get(ib('mainSearchCriteria.v.dn=Emotional%20numbness'))).body);
  t.ok(byName.entries.length > 0, 'the display name when there is no original text');
  const risk = atomFeed(t, (await get(ib('mainSearchCriteria.v.ot=thoughts%20of%20suicide&region=GB'))).body);
  t.same(risk.hrefs, [`http://${HOST}/help?region=GB`]);
  t.notMatch(risk.subtitle, /thoughts of suicide/, 'the words are not repeated back');
});

t.test('names in any case and the deprecated .c. forms; the .v. form wins when both are sent', async (t) => {
  const canonical = (await get(code('F43.21'))).body;
  const shouted = await get(`/v1/infobutton?MAINSEARCHCRITERIA.V.C=F43.21&mainsearchcriteria.v.cs=${ICD}`);
  t.equal(shouted.body, canonical);
  t.equal(shouted.headers.etag, (await get(code('F43.21'))).headers.etag);
  const deprecated = await get(`/v1/infobutton?mainSearchCriteria.c.c=F43.21&mainSearchCriteria.c.cs=${ICD}`);
  t.equal(deprecated.body, canonical);
  const mixed = await get(`/v1/infobutton?mainSearchCriteria.c.c=Z60.2&mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=${ICD}`);
  t.equal(mixed.body, canonical);
  t.equal((await get(code('F43.21', '&KnowledgeResponseType=TEXT/HTML'))).headers['content-type'], 'text/html; charset=utf-8');
});

t.test('one cached answer whatever the patient parameters: they are not part of the key', async (t) => {
  const before = app.snapshot.answers.stats.cached;
  const first = await get(code('Z60.2', '&patientPerson.administrativeGenderCode.c=F&age.v.v=34&age.v.u=a&holder.assignedEntity.n=org1'));
  const second = await get(code('Z60.2', '&patientPerson.administrativeGenderCode.c=M&age.v.v=81&age.v.u=a&encounter.c.c=AMB'));
  t.equal(first.body, second.body);
  t.equal(app.snapshot.answers.stats.cached, before + 1, 'one answer kept for both');
});

t.test('the response type comes from knowledgeResponseType; Accept is not consulted', async (t) => {
  const res = await get(code('F43.21'), { accept: 'image/png' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
  t.notMatch(String(res.headers.vary ?? ''), /(^|,\s*)accept\s*(,|$)/i, 'no Vary: Accept');
  t.equal(
    (await get(code('F43.21', '&knowledgeResponseType=application/atom%2Bxml'))).headers['content-type'],
    'application/atom+xml; charset=utf-8',
  );
});

t.test('the HTML page: the same answers, accessible, no script, the page CSP, disclaimer and crisis box', async (t) => {
  const res = await get(code('F43.21', '&knowledgeResponseType=text/html&region=GB'));
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-security-policy'], /default-src 'none'/);
  t.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
  t.notMatch(res.body, /<script/);
  t.match(res.body, /<html lang="en"/);
  t.match(res.body, /<meta name="robots" content="noindex">/);
  t.match(res.body, /<aside class="crisis"/);
  t.match(res.body, /Samaritans/);
  t.match(res.body, app.content.disclaimer);
  const xml = atomFeed(t, (await get(code('F43.21', '&region=GB'))).body);
  for (const href of xml.hrefs) t.match(res.body, `href="${href}"`);
  const help = await get(code('R45.851', '&knowledgeResponseType=text/html&region=GB'));
  t.match(help.body, /Shout/, 'help first: every line of the region in the crisis box');
});

t.test('a request that cannot be answered is a 400 in the format it asked for, naming each problem', async (t) => {
  const cases: [string, string][] = [
    [ib('taskContext.c.c=PROBLISTREV'), 'mainSearchCriteria.v.c'],
    [ib('mainSearchCriteria.v.c=F43.21'), 'mainSearchCriteria.v.cs'],
    [ib('mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=2.16.840.1.113883.6.88'), 'mainSearchCriteria.v.cs'],
    [code('not-a-code'), 'mainSearchCriteria.v.c'],
    [code('F43.21', '&informationRecipient=NURSE'), 'informationRecipient'],
    [code('F43.21', '&knowledgeResponseType=application/pdf'), 'knowledgeResponseType'],
    [code('F43.21', '&region=Narnia'), 'region'],
    [ib('mainSearchCriteria.v.ot=%3F%3F%3F'), 'mainSearchCriteria.v.ot'],
    [`${code('F43.21')}&MAINSEARCHCRITERIA.V.C=Z60.2`, 'mainSearchCriteria.v.c'],
  ];
  for (const [url, name] of cases) {
    const xml = await get(url);
    t.equal(xml.statusCode, 400, url);
    t.equal(xml.headers['content-type'], 'application/problem+xml; charset=utf-8', url);
    t.equal(xml.headers['cache-control'], 'no-store');
    const problem = parser.parse(xml.body).problem as Element & { errors: { i: Element | Element[] } };
    t.equal(problem['@xmlns'], 'urn:ietf:rfc:7807', 'RFC 9457 XML namespace');
    t.equal(problem.status, 400);
    t.equal(problem.instance, '/v1/infobutton', 'the path only, never the parameters');
    t.same(
      [problem.errors.i].flat().map((e) => e.name),
      [name],
      url,
    );
    const json = await get(`${url}&knowledgeResponseType=application/json`);
    if (name !== 'knowledgeResponseType') {
      t.equal(json.headers['content-type'], 'application/problem+json; charset=utf-8', url);
      t.same(
        json.json().errors.map((e: { name: string }) => e.name),
        [name],
      );
    }
  }
  const html = await get(ib('knowledgeResponseType=text/html&patientPerson.name=Jane'));
  t.equal(html.statusCode, 400);
  t.equal(html.headers['content-type'], 'text/html; charset=utf-8');
  t.match(html.body, /This reading request is not valid/);
  t.match(html.headers['content-security-policy'], /default-src 'none'/);
  t.notMatch(html.body, /Jane/);
});
