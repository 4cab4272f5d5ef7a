// Every JSON-LD document the service makes uses only schema.org types and properties, each on a
// type it belongs to, with values in its range: checked against the vendored vocabulary extract.
import t from 'tap';
import { CONTENT_TYPES } from '../../src/content/types.js';
import { faqListJsonLd, jsonLdText, recordJsonLd, sourceJsonLd, topicJsonLd, topicsIndexJsonLd } from '../../src/snapshot/jsonld.js';
import { build } from '../helpers/app.js';
import { schemaOrgViolations, vocabulary } from '../helpers/schemaorg.js';

const app = await build(t);
const opts = app.present.jsonLd('https://api.example.org');

const documents = [
  ['topics index', topicsIndexJsonLd(app.content.listTopics(), opts)],
  ['FAQ list', faqListJsonLd(app.content.all('faqs'), opts)],
  ...app.content.listTopics().map((topic) => [`topic ${topic.slug}`, topicJsonLd(topic, opts)] as const),
  ...CONTENT_TYPES.flatMap(({ collection }) =>
    app.content.all(collection).map((r) => [`${collection}/${r.slug}`, recordJsonLd(r, opts)] as const),
  ),
  ...app.content.allSources().map((s) => [`source ${s.slug}`, sourceJsonLd(s, opts)] as const),
] as const;

t.test('the vocabulary extract names its source and version', async (t) => {
  const fixture = vocabulary as unknown as { source: string; version: string };
  t.match(fixture.source, /^https:\/\/github\.com\/schemaorg\/schemaorg\/.+schemaorg-current-https\.jsonld$/);
  t.match(fixture.version, /^\d+\.\d+$/);
});

t.test('every document is valid schema.org', async (t) => {
  t.ok(documents.length > 80, `${documents.length} documents`);
  for (const [name, doc] of documents) {
    t.equal(doc['@context'], 'https://schema.org', `${name}: schema.org context`);
    t.same(schemaOrgViolations(doc), [], name);
    t.notOk(JSON.stringify(doc).includes('reviewedBy'), `${name}: no reviewer is claimed (review is editorial only)`);
  }
});

t.test('the types fit the content', async (t) => {
  const byName = new Map<string, Record<string, unknown>>(documents.map(([name, doc]) => [name, doc as Record<string, unknown>]));
  t.match(byName.get('topic emotional-withdrawal'), {
    '@type': 'MedicalWebPage',
    about: { '@type': 'MedicalCondition', name: 'Emotional withdrawal' },
    lastReviewed: /^\d{4}-/,
  });
  t.match(byName.get('faqs/how-long-does-recovery-take'), {
    '@type': 'FAQPage',
    mainEntity: { '@type': 'Question', acceptedAnswer: { '@type': 'Answer', text: /differ/ } },
  });
  t.match(byName.get('strategies/journaling'), { '@type': 'MedicalWebPage', mainEntity: { '@type': 'LifestyleModification' } });
  t.match(byName.get('therapies/cognitive-behavioural-therapy'), { mainEntity: { '@type': 'PsychologicalTreatment' } });
  t.match(byName.get('therapies/peer-support-groups'), { mainEntity: { '@type': 'Thing' } });
  t.equal((byName.get('FAQ list')!.mainEntity as unknown[]).length, app.content.all('faqs').length);
  const cited = byName.get('contexts/addiction-recovery')!.citation as Record<string, string>[];
  t.ok(
    cited.some((c) => c.sameAs === 'https://doi.org/10.1111/j.1369-1600.2009.00194.x'),
    'a DOI becomes a doi.org sameAs',
  );
});

t.test('the checker itself finds what is wrong', async (t) => {
  const good = topicJsonLd(app.content.listTopics()[0]!, opts);
  t.match(schemaOrgViolations({ ...good, reviewedBy: 'x' }), [/reviewedBy: not a schema.org property/]);
  t.match(schemaOrgViolations({ ...good, '@type': 'MedicalPage' }), [/MedicalPage is not a schema.org type/]);
  t.match(schemaOrgViolations({ ...good, acceptedAnswer: { '@type': 'Answer', text: 'x' } }), [
    /acceptedAnswer: not a property of MedicalWebPage/,
  ]);
  t.same(schemaOrgViolations({ ...good, about: { '@type': 'Answer', text: 'x' } }), [], 'a subtype of the range is fine');
  t.match(schemaOrgViolations({ ...good, lastReviewed: 'last week' }), [/is not a Date/]);
  t.match(schemaOrgViolations({ ...good, about: { '@type': 'Text' } }), [
    /Text is not in the range Thing/,
    /Text is not a schema.org type/,
  ]);
  t.match(schemaOrgViolations({ '@type': 'Question', acceptedAnswer: { '@type': 'Person', name: 'x' } }), [/Person is not in the range/]);
  t.match(schemaOrgViolations({ '@type': 'Organization', lastReviewed: '2026-01-01' }), [/not a property of Organization/]);
});

t.test('JSON-LD text cannot end a <script> element', async (t) => {
  const topic = app.content.listTopics()[0]!;
  const nasty = { ...topicJsonLd(topic, opts), name: '</script><script>alert(1)</script><!-- & \u2028' };
  const text = jsonLdText(nasty);
  t.notMatch(text, /[<>&\u2028]/);
  t.same(JSON.parse(text), nasty, 'the escapes are plain JSON: the data reads back unchanged');
});
