import t from 'tap';
import type { AtomElement } from '../../src/clinical/atom.js';
import { atomJson, atomXml } from '../../src/clinical/atom-xml.js';
import { conditionCodes } from '../../src/clinical/fhir-conditions.js';
import { uuidV5 } from '../../src/clinical/ids.js';
import { icd10cmAncestors, ICD10CM, normaliseCode, normaliseIcd10cm, SNOMED_CT } from '../../src/content/code-systems.js';

// The pieces the infobutton and the CDS Hooks service are built from, each on its own.

t.test('ICD-10-CM codes are read as clinical systems send them, and walked up one character at a time', async (t) => {
  t.equal(normaliseIcd10cm('F43.21'), 'F43.21');
  t.equal(normaliseIcd10cm(' f4321 '), 'F43.21', 'the official files leave the dot out; any case');
  t.equal(normaliseIcd10cm('T1491XA'), 'T14.91XA');
  t.equal(normaliseIcd10cm('Z60'), 'Z60');
  for (const bad of ['', 'F4', 'F43.', '43.21', 'F43.21345', 'F43-21', 'F43.2 1'])
    t.equal(normaliseIcd10cm(bad), undefined, JSON.stringify(bad));
  t.same(icd10cmAncestors('F43.21'), ['F43.2', 'F43'], 'a trailing dot goes with its character');
  t.same(icd10cmAncestors('T14.91XA'), ['T14.91X', 'T14.91', 'T14.9', 'T14']);
  t.same(icd10cmAncestors('F43'), []);
  t.equal(normaliseCode(ICD10CM, 'r45851'), 'R45.851');
  t.equal(normaliseCode(SNOMED_CT, ' 44054006 '), '44054006');
  t.equal(normaliseCode(SNOMED_CT, 'F43.21'), undefined, 'SNOMED CT ids are digits');
});

t.test('name-based ids are RFC 9562 version 5 UUIDs', async (t) => {
  // The RFC's DNS namespace and a name whose UUID every implementation agrees on (Python's uuid5 gives the same).
  const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
  t.equal(uuidV5(dns, 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

t.test("the Atom feed's JSON form: text as _value, attributes beside it, entry/link/category always arrays", async (t) => {
  const feed: AtomElement = {
    name: 'feed',
    attributes: { 'xml:lang': 'en', 'xml:base': 'https://x.example/' },
    children: [
      { name: 'title', attributes: { type: 'text' }, text: 'T & <b>' },
      { name: 'category', attributes: { scheme: 's', term: 't' } },
      { name: 'entry', children: [{ name: 'link', attributes: { href: 'https://x.example/a?b=1&c=2', rel: 'alternate' } }] },
    ],
  };
  t.same(JSON.parse(atomJson(feed)), {
    feed: {
      lang: 'en',
      base: 'https://x.example/',
      title: { type: 'text', _value: 'T & <b>' },
      category: [{ scheme: 's', term: 't' }],
      entry: [{ link: [{ href: 'https://x.example/a?b=1&c=2', rel: 'alternate' }] }],
    },
  });
  t.same(JSON.parse(atomJson({ name: 'feed', children: [] })), { feed: { entry: [] } }, 'an empty feed still has its entry array');
  const xml = atomXml(feed);
  t.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en"/);
  t.match(xml, /<title type="text">T &amp; &lt;b&gt;<\/title>/, 'text is escaped by the XML builder');
  t.match(xml, /href="https:\/\/x.example\/a\?b=1&amp;c=2"/);
});

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const condition = (code: string, extra: object = {}, system = ICD) => ({
  resource: { resourceType: 'Condition', code: { coding: [{ system, code }] }, ...extra },
});
const status = (kind: 'clinical' | 'ver', code: string) => ({
  [kind === 'clinical' ? 'clinicalStatus' : 'verificationStatus']: {
    coding: [
      { system: `http://terminology.hl7.org/CodeSystem/${kind === 'clinical' ? 'condition-clinical' : 'condition-ver-status'}`, code },
    ],
  },
});

t.test('the conditions read from a prefetched Bundle: what the resource says about itself decides', async (t) => {
  const codes = conditionCodes({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      condition('Z60.2'),
      condition('Z63.0', status('clinical', 'relapse')),
      condition('Z73.0', status('clinical', 'resolved')),
      condition('Z73.3', status('ver', 'refuted')),
      condition('Z56.0', status('ver', 'entered-in-error')),
      condition('R45.851', status('ver', 'provisional')),
      condition('44054006', {}, 'http://snomed.info/sct'),
      condition('Z60.0', {}, 'http://hl7.org/fhir/sid/icd-10'),
      condition('not a code'),
      { resource: { resourceType: 'Patient', id: '1' } },
      { resource: { resourceType: 'OperationOutcome' }, search: { mode: 'outcome' } },
      { ...condition('Z60.9'), search: { mode: 'outcome' } },
      { resource: { resourceType: 'Condition', code: 'Z60.8' } },
    ],
  });
  t.same(
    codes.map((c) => [c.system.name, c.code, c.confirmed, c.position]),
    [
      ['ICD-10-CM', 'Z60.2', true, 0],
      ['ICD-10-CM', 'Z63.0', true, 1],
      ['ICD-10-CM', 'R45.851', false, 5],
      ['SNOMED CT', '44054006', true, 6],
    ],
    'active or unstated kept; resolved, refuted, entered-in-error, other systems (international ICD-10), non-conditions, outcome entries and malformed resources skipped',
  );
  t.same(conditionCodes({ resourceType: 'Bundle' }), [], 'a Bundle without entries');
});
