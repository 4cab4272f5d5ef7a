// schema.org JSON-LD on its own, from hand-made records (no store): what search engines and the
// API's Accept: application/ld+json read about each page. test/render/jsonld-vocabulary.test.ts
// checks every type and property against schema.org; test/routes/json-ld.test.ts the routes.
// The sources below are placeholders (example.org, a 10.0000 DOI), not citations.
import t from 'tap';
import {
  FAQ_LIST_NAME,
  faqListJsonLd,
  type JsonLdOptions,
  jsonLdText,
  recordJsonLd,
  sourceJsonLd,
  TOPICS_INDEX_NAME,
  topicJsonLd,
  topicsIndexJsonLd,
} from '../../src/snapshot/jsonld.js';
import type { ContentRecord, Source, SourceRef, Topic } from '../../src/repositories/content-repository.js';
import { sourceRef } from '../helpers/source-ref.js';

const ORIGIN = 'https://api.example.org';
const opts: JsonLdOptions = { origin: ORIGIN, answerText: (faq) => `answer to ${faq.slug}` };

const ref = sourceRef;

const reviewed = {
  summary: 'In short.',
  body: 'The body.',
  keywords: [],
  order: 1,
  reviewedAt: '2025-01-02',
  nextReviewAt: '2026-01-02',
  reviewType: 'editorial' as const,
  signposts: [],
  related: [],
};

const record = (over: Partial<ContentRecord>): ContentRecord => ({
  ...reviewed,
  type: 'sign',
  collection: 'signs',
  slug: 'numbness',
  title: 'Numbness',
  topics: [{ slug: 'detachment', title: 'Detachment', note: null }],
  sources: [ref()],
  facets: {},
  ...over,
});

const topic: Topic = {
  ...reviewed,
  type: 'topic',
  slug: 'detachment',
  title: 'Detachment',
  definition: 'What it is.',
  keyPoints: [],
  comparisons: [],
  sources: [ref({ url: 'https://example.org/read' })],
};

const PUBLISHER = { '@type': 'Organization', name: 'A Publisher' };

t.test('a cited work links where it can be read, and to its DOI as its identity', async (t) => {
  const cite = (s: SourceRef) => recordJsonLd(record({ sources: [s] }), opts).citation;
  t.strictSame(cite(ref()), [{ '@type': 'CreativeWork', name: 'A Source', publisher: PUBLISHER }], 'neither: no url, no sameAs');
  t.strictSame(cite(ref({ url: 'https://example.org/read' })), [
    { '@type': 'CreativeWork', name: 'A Source', url: 'https://example.org/read', publisher: PUBLISHER },
  ]);
  t.strictSame(
    cite(ref({ doi: '10.0000/x' })),
    [
      {
        '@type': 'CreativeWork',
        name: 'A Source',
        url: 'https://doi.org/10.0000/x',
        sameAs: 'https://doi.org/10.0000/x',
        publisher: PUBLISHER,
      },
    ],
    'a DOI alone is also where to read it',
  );
  t.strictSame(
    cite(ref({ url: 'https://example.org/read', doi: '10.0000/x' })),
    [
      {
        '@type': 'CreativeWork',
        name: 'A Source',
        url: 'https://example.org/read',
        sameAs: 'https://doi.org/10.0000/x',
        publisher: PUBLISHER,
      },
    ],
    'the reading link wins over the DOI',
  );
});

t.test('a topic page is a MedicalWebPage about its condition', async (t) => {
  t.strictSame(topicJsonLd(topic, opts), {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: `${ORIGIN}/topics/detachment`,
    name: 'Detachment',
    description: 'In short.',
    inLanguage: 'en',
    lastReviewed: '2025-01-02',
    citation: [{ '@type': 'CreativeWork', name: 'A Source', url: 'https://example.org/read', publisher: PUBLISHER }],
    about: { '@type': 'MedicalCondition', name: 'Detachment', description: 'What it is.' },
  });
});

t.test('a record page is about its topics; its main entity depends on what it is', async (t) => {
  const sign = recordJsonLd(record({}), opts);
  t.strictSame(sign, {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: `${ORIGIN}/signs/numbness`,
    name: 'Numbness',
    description: 'In short.',
    inLanguage: 'en',
    lastReviewed: '2025-01-02',
    citation: [{ '@type': 'CreativeWork', name: 'A Source', publisher: PUBLISHER }],
    about: [{ '@type': 'MedicalCondition', name: 'Detachment', url: `${ORIGIN}/topics/detachment` }],
  });
  t.notOk('mainEntity' in sign, 'a sign has no main entity');

  const thing = { name: 'Numbness', description: 'In short.' };
  t.strictSame(recordJsonLd(record({ collection: 'strategies', type: 'strategy' }), opts).mainEntity, {
    '@type': 'LifestyleModification',
    ...thing,
  });
  t.strictSame(recordJsonLd(record({ collection: 'therapies', type: 'therapy', facets: { kind: 'therapy' } }), opts).mainEntity, {
    '@type': 'PsychologicalTreatment',
    ...thing,
  });
  t.strictSame(
    recordJsonLd(record({ collection: 'therapies', type: 'therapy', facets: { kind: 'peer-support' } }), opts).mainEntity,
    { '@type': 'Thing', ...thing },
    'peer support is not claimed as a treatment',
  );
  t.equal(recordJsonLd(record({ collection: 'strategies', type: 'strategy' }), opts)['@type'], 'MedicalWebPage');
  t.equal(recordJsonLd(record({ collection: 'strategies', type: 'strategy' }), opts).url, `${ORIGIN}/strategies/numbness`);
});

t.test('a FAQ record is a FAQPage whose main entity is its question and answer', async (t) => {
  const faq = recordJsonLd(record({ collection: 'faqs', type: 'faq', slug: 'why', title: 'Why?' }), opts);
  t.equal(faq['@type'], 'FAQPage');
  t.equal(faq.url, `${ORIGIN}/faqs/why`);
  t.equal(faq.lastReviewed, '2025-01-02');
  t.strictSame(faq.about, [{ '@type': 'MedicalCondition', name: 'Detachment', url: `${ORIGIN}/topics/detachment` }]);
  t.strictSame(faq.mainEntity, {
    '@type': 'Question',
    name: 'Why?',
    url: `${ORIGIN}/faqs/why`,
    acceptedAnswer: { '@type': 'Answer', text: 'answer to why' },
  });
});

t.test('the FAQ list and the topics index', async (t) => {
  const faqs = [
    record({ collection: 'faqs', type: 'faq', slug: 'a', title: 'A?' }),
    record({ collection: 'faqs', type: 'faq', slug: 'b', title: 'B?' }),
  ];
  t.equal(FAQ_LIST_NAME, 'Questions and answers');
  t.strictSame(faqListJsonLd(faqs, opts), {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: `${ORIGIN}/faqs`,
    name: 'Questions and answers',
    inLanguage: 'en',
    mainEntity: [
      { '@type': 'Question', name: 'A?', url: `${ORIGIN}/faqs/a`, acceptedAnswer: { '@type': 'Answer', text: 'answer to a' } },
      { '@type': 'Question', name: 'B?', url: `${ORIGIN}/faqs/b`, acceptedAnswer: { '@type': 'Answer', text: 'answer to b' } },
    ],
  });
  t.equal(TOPICS_INDEX_NAME, 'Topics');
  t.strictSame(topicsIndexJsonLd([topic], opts), {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    url: `${ORIGIN}/topics`,
    name: 'Topics',
    inLanguage: 'en',
    hasPart: [{ '@type': 'MedicalWebPage', name: 'Detachment', url: `${ORIGIN}/topics/detachment` }],
  });
});

t.test('a source page is about the cited work, with its authors and editors as people', async (t) => {
  const source: Source = {
    ...ref({ slug: 'handbook', title: 'A Handbook', doi: '10.0000/h' }),
    kind: 'reference',
    description: 'What it covers.',
    authors: ['Doe, Jane', 'Roe, Rick'],
    editors: ['Poe, Edgar'],
    accessed: null,
    published: null,
    updated: null,
    order: 1,
  };
  t.strictSame(sourceJsonLd(source, opts), {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    url: `${ORIGIN}/sources/handbook`,
    name: 'A Handbook',
    description: 'What it covers.',
    inLanguage: 'en',
    mainEntity: {
      '@type': 'CreativeWork',
      name: 'A Handbook',
      url: 'https://doi.org/10.0000/h',
      sameAs: 'https://doi.org/10.0000/h',
      publisher: PUBLISHER,
      author: [
        { '@type': 'Person', name: 'Doe, Jane' },
        { '@type': 'Person', name: 'Roe, Rick' },
      ],
      editor: [{ '@type': 'Person', name: 'Poe, Edgar' }],
    },
  });
  const anonymous = sourceJsonLd({ ...source, authors: [], editors: [] }, opts).mainEntity as Record<string, unknown>;
  t.notOk('author' in anonymous, 'no empty author list');
  t.notOk('editor' in anonymous, 'no empty editor list');
});

t.test('jsonLdText: safe inside an HTML script element, and still the same JSON', async (t) => {
  const doc = { '@context': 'https://schema.org' as const, '@type': 'Thing', name: '</script><!-- & \u2028\u2029 é' };
  const text = jsonLdText(doc);
  t.equal(text, '{"@context":"https://schema.org","@type":"Thing","name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 é"}');
  t.notMatch(text, /[<>&\u2028\u2029]/, 'none of the characters that could end the element or break old parsers');
  t.strictSame(JSON.parse(text), doc, 'parses back to the same document');
});
