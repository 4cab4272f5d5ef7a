// The presenter on its own, over hand-made repositories (no store): what a record, topic and
// source look like in the API, sparse fieldsets, the meta every answer carries, and the bounds on
// a topic's included lists. The route tests check the same through the real store.
import t from 'tap';
import { ATTRIBUTION, CONTENT_LICENSE } from '../../src/content/licence.js';
import { CONTENT_REGISTRY, type RecordCollection } from '../../src/content/registry.js';
import type { ContentRecord, ContentRepository, Source, Topic } from '../../src/repositories/content-repository.js';
import { type CrisisNotices, named, type RegionChoice } from '../../src/snapshot/crisis-notices.js';
import { envelopeJson, Presented } from '../../src/snapshot/json.js';
import { Presenter, withFields } from '../../src/snapshot/presenter.js';
import { sourceRef } from '../helpers/source-ref.js';

const envelopeText = (data: unknown): string => envelopeJson({ data, meta: {}, links: {} }).toString();

const ref = sourceRef();

const reviewed = {
  summary: 'In short.',
  keywords: [],
  order: 1,
  reviewedAt: '2025-01-02',
  nextReviewAt: '2026-01-02',
  reviewType: 'editorial' as const,
  signposts: [],
  related: [],
  sources: [ref],
};

const record = (collection: RecordCollection, type: string, slug: string, facets: Record<string, string | null> = {}): ContentRecord =>
  ({
    ...reviewed,
    type,
    collection,
    slug,
    title: `Title of ${slug}`,
    body: `**${slug}** body`,
    topics: [{ slug: 'detachment', title: 'Detachment', note: 'a note' }],
    facets,
  }) as ContentRecord;

const signs = Array.from({ length: 22 }, (_, i) => record('signs', 'sign', `sign-${i}`, { kind: 'emotional' }));
const impacts = Array.from({ length: 21 }, (_, i) => record('impacts', 'impact', `impact-${i}`, { area: 'relationships' }));
const faqs = [record('faqs', 'faq', 'why')];

const topic: Topic = {
  ...reviewed,
  type: 'topic',
  slug: 'detachment',
  title: 'Detachment',
  body: 'A *topic* body',
  definition: 'What it is.',
  keyPoints: ['one', 'two'],
  comparisons: [
    { topic: { slug: 'isolation', title: 'Isolation' }, concept: null, text: 'Unlike isolation.' },
    { topic: null, concept: 'Loneliness', text: 'Unlike loneliness.' },
  ],
};

function presenter() {
  const crisisCalls: unknown[][] = [];
  const content = {
    disclaimer: 'Not medical advice.',
    version: 'v42',
    get: (collection: RecordCollection, slug: string) =>
      [...signs, ...impacts, ...faqs].find((r) => r.collection === collection && r.slug === slug),
    getTopic: (slug: string) => (slug === 'detachment' ? topic : undefined),
    forTopic: (collection: RecordCollection, slug: string) =>
      slug !== 'detachment' ? [] : collection === 'signs' ? signs : collection === 'impacts' ? impacts : collection === 'faqs' ? faqs : [],
  } as unknown as ContentRepository;
  const notices = {
    notice: (region: RegionChoice, allLines = false) => {
      crisisCalls.push([region.code, region.from, allLines]);
      return { lines: [`crisis for ${String(region.code)}/${String(allLines)}`] };
    },
  } as unknown as CrisisNotices;
  return { present: new Presenter(CONTENT_REGISTRY, content, notices), crisisCalls };
}

t.test('withFields: the named fields plus identity, in the item’s own order', async (t) => {
  const item = { type: 'sign', slug: 's', title: 'T', summary: 'S', body: 'B', href: '/v1/signs/s' };
  t.equal(withFields(item, undefined), item, 'no fields: the item itself');
  const presented = new Presented(item);
  t.equal(withFields(presented, undefined), presented, 'a presented item too (its JSON is reused)');
  t.strictSame(withFields(presented, ['title']), { type: 'sign', slug: 's', title: 'T', href: '/v1/signs/s' }, 'trimmed from its value');
  t.strictSame(withFields(item, ['summary']), { type: 'sign', slug: 's', summary: 'S', href: '/v1/signs/s' });
  t.strictSame(
    Object.keys(withFields(item, ['body', 'title'])),
    ['type', 'slug', 'title', 'body', 'href'],
    'the order of `fields` does not change the bytes',
  );
  t.strictSame(withFields(item, []), { type: 'sign', slug: 's', href: '/v1/signs/s' }, 'an empty list: identity only');
  t.strictSame(withFields(item, ['nope']), { type: 'sign', slug: 's', href: '/v1/signs/s' }, 'an unknown name adds nothing');
});

t.test('meta: the disclaimer, crisis lines for the region, the content version and the licence', async (t) => {
  const { present, crisisCalls } = presenter();
  t.strictSame(present.meta(named('GB')).value, {
    disclaimer: 'Not medical advice.',
    crisis: { lines: ['crisis for GB/false'] },
    contentVersion: 'v42',
    license: CONTENT_LICENSE,
    attribution: ATTRIBUTION,
  });
  const atRisk = present.meta(named('GB'), true);
  t.same(
    Object.keys(atRisk.value),
    ['crisis', 'disclaimer', 'contentVersion', 'license', 'attribution'],
    'when someone may be at risk, help comes first',
  );
  t.strictSame(atRisk.value.crisis, { lines: ['crisis for GB/true'] });
  t.equal(present.meta(named('GB'), true), atRisk, 'presented once per region and flag');
  t.equal(atRisk.json.toString(), JSON.stringify(atRisk.value));
  t.strictSame(present.meta().value.crisis, { lines: ['crisis for undefined/false'] }, 'no region, no crisis detected: the defaults');
  t.strictSame(present.crisis(named('IE')), { lines: ['crisis for IE/false'] }, 'the guidance alone, for pages and embeds');
  t.strictSame(crisisCalls, [
    ['GB', 'region', false],
    ['GB', 'region', true],
    [undefined, null, false],
    ['IE', 'region', false],
  ]);
});

t.test('bodies: markdown as written, or rendered once per record and format', async (t) => {
  const { present } = presenter();
  t.equal(present.body('signs/a', '*x*', 'markdown'), '*x*');
  t.equal(present.body('signs/a', '*x*', 'html'), '<p><em>x</em></p>\n');
  t.equal(present.body('signs/a', '*x*', 'text'), 'x');
  t.equal(present.body('signs/b', '**y**', 'html'), '<p><strong>y</strong></p>\n', 'another record: its own rendering');
  t.equal(
    present.body('signs/a', 'changed', 'html'),
    '<p><em>x</em></p>\n',
    'the same record again: the rendering kept (the store does not change while open)',
  );
  t.equal(present.body('signs/a', 'as written', 'markdown'), 'as written', 'markdown is never kept: it is the source itself');
});

t.test('a record as the API presents it: its fields, links, facets and rendered body', async (t) => {
  const { present } = presenter();
  const sign = signs[0]!;
  t.strictSame(present.record(sign, 'html').value, {
    type: 'sign',
    slug: 'sign-0',
    title: 'Title of sign-0',
    summary: 'In short.',
    body: '<p><strong>sign-0</strong> body</p>\n',
    bodyFormat: 'html',
    topics: [{ slug: 'detachment', title: 'Detachment', note: 'a note', href: '/v1/topics/detachment' }],
    sources: [{ ...ref, href: '/v1/sources/src' }],
    reviewedAt: '2025-01-02',
    nextReviewAt: '2026-01-02',
    reviewType: 'editorial',
    signposts: [],
    relatedRecords: [],
    href: '/v1/signs/sign-0',
    kind: 'emotional',
  });
  const presented = present.record(sign, 'markdown');
  t.equal(present.record(sign, 'markdown'), presented, 'the same object each time');
  t.not(present.record(sign, 'text'), presented, 'each format its own');
  t.not(present.record(signs[1]!, 'markdown'), presented, 'each record its own');
  t.equal(present.record(sign, 'text').value.body, 'sign-0 body');
  t.equal(present.record(signs[1]!, 'text').value.body, 'sign-1 body', 'another record’s body is its own, not the one rendered before');
  t.equal(presented.json.toString(), JSON.stringify(presented.value), 'its JSON written with it');
  t.equal(
    envelopeText([presented]),
    `{"data":[${presented.json.toString()}],"meta":{},"links":{}}`,
    'and spliced into every list that has it',
  );
});

t.test('a record as a results list shows it: as presented, without its body, kept', async (t) => {
  const { present } = presenter();
  const sign = signs[0]!;
  const brief = present.brief(sign);
  const {
    body: _body,
    bodyFormat: _format,
    sources: _sources,
    relatedRecords: _related,
    ...expected
  } = present.record(sign, 'markdown').value;
  t.strictSame(
    brief.value,
    expected,
    'every field but the body and its format, the sources and the records to read next, in the same order',
  );
  t.strictSame(Object.keys(brief.value), Object.keys(expected));
  t.equal(brief.value.topics, present.record(sign, 'markdown').value.topics, 'made from the markdown presentation, not rendered again');
  t.equal(present.brief(sign), brief, 'the same object each time');
  t.not(present.brief(signs[1]!), brief, 'each record its own');
  t.equal(present.brief(signs[1]!).value.slug, 'sign-1');
  t.not(present.brief(record('faqs', 'faq', 'sign-0')), brief, 'a record of another collection with the same slug is its own');
  t.equal(brief.json.toString(), JSON.stringify(brief.value), 'its JSON written with it');
});

t.test('a topic as search lists it: common fields only, its body in the format asked for, kept', async (t) => {
  const { present } = presenter();
  const hit = present.topicHit(topic, 'html').value;
  t.strictSame(Object.keys(hit), [
    'type',
    'slug',
    'title',
    'summary',
    'definition',
    'keyPoints',
    'body',
    'bodyFormat',
    'topics',
    'sources',
    'reviewedAt',
    'nextReviewAt',
    'href',
  ]);
  t.match(hit, { type: 'topic', slug: 'detachment', bodyFormat: 'html', href: '/v1/topics/detachment' });
  t.equal(hit.body, '<p>A <em>topic</em> body</p>\n', 'rendered in the format asked for');
  t.strictSame(hit.topics, [{ slug: 'detachment', title: topic.title, note: null, href: '/v1/topics/detachment' }], 'itself as its topic');
  t.equal(present.topicHit(topic, 'html').value, hit, 'the same object each time');
  t.not(present.topicHit(topic, 'markdown').value, hit, 'each format its own');
  t.not(present.topicHit({ ...topic, slug: 'isolation' }, 'html').value, hit, 'each topic its own');

  const brief = present.topicBrief(topic);
  const { body: _body, bodyFormat: _format, sources: _sources, ...expected } = present.topicHit(topic, 'markdown').value;
  t.strictSame(brief.value, expected, 'the brief: every field but the body, its format and the sources');
  t.equal(present.topicBrief(topic), brief, 'the same object each time');
  t.not(present.topicBrief({ ...topic, slug: 'isolation' }), brief, 'each topic its own');
  t.equal(brief.json.toString(), JSON.stringify(brief.value), 'its JSON written with it');
});

t.test('JSON-LD options: absolute links from the origin, a FAQ answer as plain text', async (t) => {
  const { present } = presenter();
  const opts = present.jsonLd('https://api.example.org');
  t.equal(opts.origin, 'https://api.example.org');
  t.equal(opts.answerText(faqs[0]!), 'why body');
  t.equal(opts.answerText(record('faqs', 'faq', 'how')), 'how body', 'each FAQ its own answer');
});

t.test('a topic: its fields, comparisons linked, related counts and links, includes and impacts bounded', async (t) => {
  const { present } = presenter();
  const presented = present.topic(topic, 'html', ['signs']);
  t.equal(presented.type, 'topic');
  t.equal(presented.slug, 'detachment');
  t.equal(presented.title, 'Detachment');
  t.equal(presented.summary, 'In short.');
  t.equal(presented.definition, 'What it is.');
  t.strictSame(presented.keyPoints, ['one', 'two']);
  t.equal(presented.body, '<p>A <em>topic</em> body</p>\n');
  t.equal(presented.bodyFormat, 'html');
  t.strictSame(presented.comparisons, [
    { topic: { slug: 'isolation', title: 'Isolation', href: '/v1/topics/isolation' }, concept: null, text: 'Unlike isolation.' },
    { topic: null, concept: 'Loneliness', text: 'Unlike loneliness.' },
  ]);
  t.strictSame(presented.sources, [{ ...ref, href: '/v1/sources/src' }]);
  t.equal(presented.reviewedAt, '2025-01-02');
  t.equal(presented.nextReviewAt, '2026-01-02');
  t.equal(presented.reviewType, 'editorial');
  t.equal(presented.href, '/v1/topics/detachment');

  t.strictSame(
    Object.keys(presented.related),
    CONTENT_REGISTRY.map((c) => c.collection),
    'every collection, in registry order',
  );
  const related = presented.related as Record<string, { count: number; href: string; items?: { slug: string; body: string }[] }>;
  t.equal(related.signs!.count, 22, 'the count is of all of them');
  t.equal(related.signs!.href, '/v1/signs?topic=detachment');
  t.equal(related.signs!.items!.length, 20, 'an include is capped');
  t.equal(related.signs!.items![0], present.record(signs[0]!, 'html').value, 'included records in the requested format');
  t.strictSame(related.faqs, { count: 1, href: '/v1/faqs?topic=detachment' }, 'not included: count and link only');
  t.equal(related.impacts!.count, 21, 'impacts counted from the same list');
  t.strictSame(related.stories, { count: 0, href: '/v1/stories?topic=detachment' });

  t.equal(presented.impacts.length, 20, 'impacts capped like an include');
  t.strictSame(presented.impacts[0], {
    slug: 'impact-0',
    title: 'Title of impact-0',
    summary: 'In short.',
    area: 'relationships',
    href: '/v1/impacts/impact-0',
  });

  const other = present.topic({ ...topic, slug: 'isolation', body: 'Another *topic*' }, 'html');
  t.equal(other.body, '<p>Another <em>topic</em></p>\n', 'another topic’s body is its own');

  const plain = present.topic(topic, 'markdown');
  t.notOk('items' in (plain.related as Record<string, object>).signs!, 'no include by default');
  t.equal(plain.body, 'A *topic* body');
  // Equivalent mutants, left: the default `include = []` given a member (no collection has its
  // name), and the impacts' reuse in `related` (`collection === 'impacts' ? impacts : …`) turned
  // off: the repository is asked again and gives the same list; only a second read is saved.
});

t.test('a source as the API presents it', async (t) => {
  const { present } = presenter();
  const source: Source = {
    ...ref,
    kind: 'article',
    description: 'What it covers.',
    authors: ['Doe, Jane'],
    editors: [],
    accessed: '2025-01-01',
    published: '2020',
    updated: null,
    order: 3,
  };
  t.equal(present.source(source), present.source(source), 'the same object each time');
  t.strictSame(present.source(source).value, {
    type: 'source',
    slug: 'src',
    title: 'A Source',
    kind: 'article',
    publisher: 'A Publisher',
    authority: 'secondary',
    authors: ['Doe, Jane'],
    editors: [],
    url: null,
    doi: null,
    accessed: '2025-01-01',
    published: '2020',
    updated: null,
    citation: 'A citation.',
    description: 'What it covers.',
    href: '/v1/sources/src',
  });
  t.strictSame(present.topicRef({ slug: 'x', title: 'X', note: null }), { slug: 'x', title: 'X', note: null, href: '/v1/topics/x' });
  t.strictSame(present.sourceRef(ref), { ...ref, href: '/v1/sources/src' });
});

t.test('a record’s signposts and the records to read next, by title and address', async (t) => {
  const { present } = presenter();
  const linked = {
    ...signs[2]!,
    signposts: ['urgent-help', 'talking-therapy'],
    related: ['signs/sign-1', 'topics/detachment', 'faqs/why'],
  } as ContentRecord;
  const value = present.record(linked, 'markdown').value;
  t.same(value.signposts, ['urgent-help', 'talking-therapy']);
  t.same(value.relatedRecords, [
    { type: 'sign', slug: 'sign-1', title: 'Title of sign-1', href: '/v1/signs/sign-1' },
    { type: 'topic', slug: 'detachment', title: 'Detachment', href: '/v1/topics/detachment' },
    { type: 'faq', slug: 'why', title: 'Title of why', href: '/v1/faqs/why' },
  ]);
  const broken = { ...signs[3]!, related: ['signs/nowhere'] } as ContentRecord;
  t.throws(() => present.record(broken, 'markdown'), /no signs\/nowhere/, 'a link the build did not check is a damaged store');
});
