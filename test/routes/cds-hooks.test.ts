import { readFileSync } from 'node:fs';
import t from 'tap';
import { CdsDiscovery, CdsHookRequest, CdsResponse } from '../../src/schemas/cds-hooks.js';
import { build } from '../helpers/app.js';

// The CDS Hooks service as an EHR calls it, with the specification's own examples
// (test/fixtures/cds-hooks, CC BY 4.0): discovery, the patient-view call, and cards checked
// against the card shape written from the specification.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/cds-hooks/${name}.json`, import.meta.url), 'utf8'));
const HOST = 'cds.example.org';
const SERVICE = '/cds-services/emotional-connection-education';
const app = await build(t);
const call = (body: unknown, query = '', headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `${SERVICE}${query}`, payload: body as object, headers: { host: HOST, ...headers } });

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const condition = (code: string, extra: object = {}) => ({
  resource: { resourceType: 'Condition', code: { coding: [{ system: ICD, code }] }, ...extra },
});
const bundle = (...entry: object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry });
/** The specification's patient-view call, with this service's prefetch answered. */
const withConditions = (conditions: unknown) => ({ ...fixture('patient-view-request'), prefetch: { conditions } });
const cardsOf = async (conditions: unknown, query = '') => {
  const res = await call(withConditions(conditions), query);
  t.equal(res.statusCode, 200);
  return CdsResponse.parse(res.json()).cards;
};

t.test("discovery: one patient-view service in the specification's shape, asking for the active Conditions", async (t) => {
  t.doesNotThrow(() => CdsDiscovery.parse(fixture('discovery')), "the schema accepts the specification's example");
  const res = await app.inject({ url: '/cds-services' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  const { services } = CdsDiscovery.parse(res.json());
  t.equal(services.length, 1);
  t.match(services[0], {
    hook: 'patient-view',
    id: 'emotional-connection-education',
    title: String,
    description: String,
    prefetch: { conditions: 'Condition?patient={{context.patientId}}&clinical-status=active' },
  });
  t.match(res.headers['cache-control'], /^public/);
});

t.test("the specification's own patient-view call: valid, and without the Conditions it answers no cards", async (t) => {
  t.doesNotThrow(() => CdsHookRequest.parse(fixture('patient-view-request')));
  t.doesNotThrow(() => CdsResponse.parse(fixture('response')), "the card schema accepts the specification's example response");
  const res = await call(fixture('patient-view-request'));
  t.equal(res.statusCode, 200, 'no prefetch: the service never calls back into the EHR, so it answers no cards');
  t.same(res.json(), { cards: [] });
  t.equal(res.headers['cache-control'], 'no-store');
  const outcome = await call(withConditions({ resourceType: 'OperationOutcome', issue: [] }));
  t.equal(outcome.statusCode, 200, 'an OperationOutcome in place of the Bundle: the EHR could not fetch them');
  t.same(outcome.json(), { cards: [] });
  t.same(await cardsOf(null), [], 'null: the patient has no active conditions, so no cards');
});

t.test("cards for the patient's conditions: at most three, most relevant first, linking to the pages", async (t) => {
  const cards = await cardsOf(bundle(condition('Z60.2'), condition('F43.21')), '?region=IE');
  t.equal(cards.length, 3);
  const z602 = app.codes.lookup('ICD-10-CM', 'Z60.2');
  if (z602.outcome !== 'records') throw new Error('Z60.2 is mapped');
  // Rank 1 of each code before rank 2; among equals, the first condition first.
  const f4321 = app.codes.lookup('ICD-10-CM', 'F43.21');
  if (f4321.outcome !== 'records') throw new Error('F43.21 is mapped');
  const expected = [z602.records[0]!, f4321.records[0]!, z602.records[1]!];
  t.same(
    cards.map((c) => c.links?.[0]?.url),
    expected.map((r) => `http://${HOST}/${r.collection}/${r.item.slug}?region=IE`),
  );
  for (const card of cards) {
    t.equal(card.indicator, 'info');
    t.ok(card.summary.length < 140);
    t.match(card.source, { label: 'Emotional Connection Content API', url: `http://${HOST}/topics` });
    t.match(card.detail, /\*\*Why:\*\* ICD-10-CM /);
    t.equal(card.links?.[0]?.type, 'absolute');
    t.match(card.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
  const again = await cardsOf(bundle(condition('Z60.2'), condition('F43.21')), '?region=IE');
  t.same(
    again.map((c) => c.uuid),
    cards.map((c) => c.uuid),
    'a card keeps its uuid from call to call',
  );
});

t.test('a help-first condition puts a warning card with the help directory first', async (t) => {
  const cards = await cardsOf(bundle(condition('Z60.2'), condition('R45851')), '?region=GB');
  t.equal(cards[0]!.indicator, 'warning');
  t.match(cards[0]!.detail, /R45\.851 Suicidal ideations/);
  t.match(cards[0]!.detail, /Samaritans/);
  t.same(cards[0]!.links, [
    { label: 'Help in a crisis (United Kingdom): page to share', url: `http://${HOST}/help?region=GB`, type: 'absolute' },
  ]);
  t.equal(cards.filter((c) => c.indicator === 'info').length, 3, 'reading for the other condition after it');
  const provisional = await cardsOf(
    bundle(
      condition('T14.91XA', {
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }] },
      }),
    ),
  );
  t.same(
    provisional.map((c) => c.indicator),
    ['warning'],
    'a provisional diagnosis of risk still gets help',
  );
  t.match(provisional[0]!.detail, /local emergency number/, 'without a region: the international advice');
  t.match(provisional[0]!.links, [{ label: 'Help in a crisis: page to share', url: `http://${HOST}/help` }]);
});

t.test('what the resource says decides: inactive, refuted and unconfirmed conditions get no reading', async (t) => {
  const clinical = (code: string) => ({
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] },
  });
  const verification = (code: string) => ({
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] },
  });
  t.same(await cardsOf(bundle(condition('Z60.2', clinical('resolved')))), []);
  t.same(await cardsOf(bundle(condition('Z60.2', verification('refuted')))), []);
  t.same(await cardsOf(bundle(condition('Z60.2', verification('differential')))), []);
  t.equal((await cardsOf(bundle(condition('Z60.2', clinical('recurrence'))))).length, 3);
  t.same(
    await cardsOf(
      bundle({ resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] } } }),
    ),
    [],
    'SNOMED CT is read, but no code is mapped yet',
  );
});

t.test('a call this service cannot read is a 4xx naming what is wrong, never a 5xx', async (t) => {
  const base = fixture('patient-view-request');
  const invalid = await call({ ...base, context: { userId: 'Practitioner/1' } });
  t.equal(invalid.statusCode, 400);
  t.same(invalid.json().errors, [{ in: 'body', name: 'context.patientId', detail: 'Invalid input: expected string, received undefined' }]);
  const other = await call({ ...base, hook: 'order-select' });
  t.equal(other.statusCode, 400);
  t.equal(other.json().errors[0].name, 'hook');
  t.equal((await call(withConditions({ resourceType: 'Patient' }))).statusCode, 400, 'conditions must be a Bundle');
  t.equal((await call(base, '?region=Narnia')).statusCode, 400);
  const unknown = await app.inject({ method: 'POST', url: '/cds-services/some-service', payload: base });
  t.equal(unknown.statusCode, 404);
  const notJson = await app.inject({
    method: 'POST',
    url: SERVICE,
    payload: 'hook=patient-view',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(notJson.statusCode, 415);
  const broken = await app.inject({ method: 'POST', url: SERVICE, payload: '{"hook":', headers: { 'content-type': 'application/json' } });
  t.equal(broken.statusCode, 400);
});

t.test('bodies up to 256 KiB: a long problem list fits, more is refused; the rest of the app keeps 16 KiB', async (t) => {
  const many = bundle(...Array.from({ length: 800 }, () => condition('Z60.2', { note: [{ text: 'x'.repeat(150) }] })));
  const size = JSON.stringify(withConditions(many)).length;
  t.ok(size > 100 * 1024 && size < 256 * 1024, `${size} bytes`);
  t.equal((await call(withConditions(many))).statusCode, 200);
  const huge = bundle(...Array.from({ length: 2000 }, () => condition('Z60.2', { note: [{ text: 'x'.repeat(150) }] })));
  t.equal((await call(withConditions(huge))).statusCode, 413);
  const elsewhere = await app.inject({ method: 'POST', url: '/v1/signs', payload: { x: 'x'.repeat(20 * 1024) } });
  t.equal(elsewhere.statusCode, 413, 'other routes keep the app-wide limit');
});

t.test('POST only, and CORS as a browser-based CDS client needs it', async (t) => {
  const get = await app.inject({ url: SERVICE });
  t.equal(get.statusCode, 405);
  t.equal(get.headers.allow, 'POST, OPTIONS');
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: SERVICE,
    headers: {
      origin: 'https://ehr.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-methods'], 'POST, OPTIONS');
  t.equal(preflight.headers['access-control-allow-headers'], 'Content-Type, Authorization');
  t.equal(preflight.headers['access-control-allow-origin'], '*');
  const res = await call(withConditions(null), '', { origin: 'https://ehr.example' });
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.equal(res.headers['cache-control'], 'no-store', 'cards about a patient are never stored by a cache');
  const elsewhere = await app.inject({
    method: 'OPTIONS',
    url: '/v1/signs',
    headers: { origin: 'https://ehr.example', 'access-control-request-method': 'GET' },
  });
  t.equal(elsewhere.headers['access-control-allow-methods'], 'GET, HEAD, OPTIONS', 'the content API stays read-only');
  t.equal((await app.inject({ method: 'POST', url: '/v1/signs' })).statusCode, 405);
});
