import { pagePathOf } from '../content/paths.js';
import type { ContentRecord, Source, SourceRef, Topic, TopicRef } from '../repositories/content-repository.js';

// schema.org JSON-LD for topics, records, sources and the FAQ list: one builder for both the
// pages (in a <script type="application/ld+json"> data block) and the API (Accept:
// application/ld+json). Every type and property used is checked against an extract of the
// schema.org vocabulary in test/render/jsonld-vocabulary.test.ts. Review is editorial only, so
// no `reviewedBy` is claimed; the next review date has no schema.org property and is left out.

/** A JSON-LD node: a schema.org type and its properties. */
export interface JsonLdNode {
  '@type': string;
  [property: string]: unknown;
}
export type JsonLdDocument = JsonLdNode & { '@context': 'https://schema.org' };

const CONTEXT = 'https://schema.org' as const;
/** The content is written in English. */
const LANGUAGE = 'en';

export const TOPICS_INDEX_NAME = 'Topics';
export const FAQ_LIST_NAME = 'Questions and answers';

export interface JsonLdOptions {
  /** Origin for absolute URLs (PUBLIC_BASE_URL, or the request's). */
  origin: string;
  /** A FAQ record's full answer as plain text. */
  answerText: (faq: ContentRecord) => string;
}

const doiUrl = (doi: string) => `https://doi.org/${doi}`;

/** A cited work: linked to where it can be read, and to its DOI as an identity. */
function creativeWork(s: SourceRef): JsonLdNode {
  const url = s.url ?? (s.doi ? doiUrl(s.doi) : null);
  return {
    '@type': 'CreativeWork',
    name: s.title,
    ...(url ? { url } : {}),
    ...(s.doi ? { sameAs: doiUrl(s.doi) } : {}),
    publisher: { '@type': 'Organization', name: s.publisher },
  };
}

// The topics are what the pages are about. They are not diagnoses, but states of mental
// functioning the content describes with signs, causes and treatments: schema.org's
// MedicalCondition ("Any condition of the human body that affects the normal functioning of a
// person, whether physically or mentally").
const condition = (t: TopicRef | Topic, origin: string): JsonLdNode => ({
  '@type': 'MedicalCondition',
  name: t.title,
  url: `${origin}${pagePathOf('topics', t.slug)}`,
});

/** What every reviewed page says about itself. */
function page(type: string, path: string, item: Topic | ContentRecord, origin: string): JsonLdDocument {
  return {
    '@context': CONTEXT,
    '@type': type,
    url: `${origin}${path}`,
    name: item.title,
    description: item.summary,
    inLanguage: LANGUAGE,
    lastReviewed: item.reviewedAt,
    citation: item.sources.map(creativeWork),
  };
}

function question(faq: ContentRecord, opts: JsonLdOptions): JsonLdNode {
  return {
    '@type': 'Question',
    name: faq.title,
    url: `${opts.origin}${pagePathOf('faqs', faq.slug)}`,
    acceptedAnswer: { '@type': 'Answer', text: opts.answerText(faq) },
  };
}

/**
 * The main entity of a strategy or therapy page: a coping strategy is a LifestyleModification; a
 * professional therapy a PsychologicalTreatment; peer support, which the content says adds to
 * professional help but is not treatment, only a named Thing.
 */
function mainEntityOf(r: ContentRecord): JsonLdNode | null {
  const thing = { name: r.title, description: r.summary };
  if (r.collection === 'strategies') return { '@type': 'LifestyleModification', ...thing };
  if (r.collection === 'therapies') return { '@type': r.facets.kind === 'therapy' ? 'PsychologicalTreatment' : 'Thing', ...thing };
  return null;
}

export function topicJsonLd(t: Topic, opts: JsonLdOptions): JsonLdDocument {
  return {
    ...page('MedicalWebPage', pagePathOf('topics', t.slug), t, opts.origin),
    about: { '@type': 'MedicalCondition', name: t.title, description: t.definition },
  };
}

export function recordJsonLd(r: ContentRecord, opts: JsonLdOptions): JsonLdDocument {
  const about = r.topics.map((t) => condition(t, opts.origin));
  const path = pagePathOf(r.collection, r.slug);
  if (r.collection === 'faqs') return { ...page('FAQPage', path, r, opts.origin), about, mainEntity: question(r, opts) };
  const main = mainEntityOf(r);
  return { ...page('MedicalWebPage', path, r, opts.origin), about, ...(main ? { mainEntity: main } : {}) };
}

/** The FAQ list (a page of it, in the API): one Question per record. */
export function faqListJsonLd(faqs: readonly ContentRecord[], opts: JsonLdOptions): JsonLdDocument {
  return {
    '@context': CONTEXT,
    '@type': 'FAQPage',
    url: `${opts.origin}${pagePathOf('faqs')}`,
    name: FAQ_LIST_NAME,
    inLanguage: LANGUAGE,
    mainEntity: faqs.map((f) => question(f, opts)),
  };
}

export function topicsIndexJsonLd(topics: readonly Topic[], opts: JsonLdOptions): JsonLdDocument {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    url: `${opts.origin}${pagePathOf('topics')}`,
    name: TOPICS_INDEX_NAME,
    inLanguage: LANGUAGE,
    hasPart: topics.map((t) => ({ '@type': 'MedicalWebPage', name: t.title, url: `${opts.origin}${pagePathOf('topics', t.slug)}` })),
  };
}

/** A source's page: about the cited work, with its authors and editors as people. */
export function sourceJsonLd(s: Source, opts: JsonLdOptions): JsonLdDocument {
  const people = (names: string[]) => names.map((name) => ({ '@type': 'Person', name }));
  return {
    '@context': CONTEXT,
    '@type': 'WebPage',
    url: `${opts.origin}${pagePathOf('sources', s.slug)}`,
    name: s.title,
    description: s.description,
    inLanguage: LANGUAGE,
    mainEntity: {
      ...creativeWork(s),
      ...(s.authors.length ? { author: people(s.authors) } : {}),
      ...(s.editors.length ? { editor: people(s.editors) } : {}),
    },
  };
}

/**
 * The document as text that is safe inside an HTML <script> data block as well as on its own:
 * `<`, `>` and `&` are written as JSON escapes, so content can never close the element or open a
 * comment, and line and paragraph separators are escaped for old JavaScript parsers.
 */
export function jsonLdText(doc: JsonLdDocument): string {
  return JSON.stringify(doc).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
