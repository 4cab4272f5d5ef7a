import type { z } from 'zod';
import { keepJson } from '../answers/json.js';
import { ATTRIBUTION, CONTENT_LICENSE } from '../content/licence.js';
import { hrefOf } from '../content/paths.js';
import { CONTENT_TYPES } from '../content/types.js';
import type { ContentRecord, ContentRepository, Source, SourceRef, Topic, TopicRef } from '../repositories/content-repository.js';
import type { HelpRepository } from '../repositories/help-repository.js';
import type { JsonLdOptions } from './jsonld.js';
import { type BodyFormat, renderBody } from '../render/markdown.js';
import type { SourceRef as SourceRefSchema } from '../schemas/common.js';
import type { RecordPayload } from '../schemas/records.js';
import { INCLUDE_LIMIT, TOPIC_IMPACT_FIELDS, type Topic as TopicSchema } from '../schemas/topics.js';
import type { RecordCollection } from '../seed/schemas.js';

export { hrefOf } from '../content/paths.js';

/** An item trimmed by `fields`: what it has of them, plus its identity. Distributes over a union of item types. */
export type Fielded<T> = T extends unknown ? Partial<T> & Pick<T, Extract<keyof T, 'type' | 'slug' | 'href'>> : never;
const IDENTITY = new Set(['type', 'slug', 'href']);
/** What a brief leaves out unless `fields` asks for it. */
const BRIEF_OMITS: ReadonlySet<string> = new Set(['body', 'bodyFormat']);

/**
 * An item as a list of results shows it: without its body or the body's format (a results page
 * shows snippets; bodies would triple what every search sends, serialises and hashes).
 */
export const briefOf = (item: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !BRIEF_OMITS.has(name)));

/**
 * An item trimmed to a sparse fieldset: the named fields plus type, slug and href, in the item's
 * own order (so the order of `fields` never changes the bytes). It picks from the item as
 * presented in full (a record is the presenter's memoised object), so nothing is rendered again;
 * without `fields` it is the item itself, whose kept JSON answers then reuse.
 */
export function withFields<T extends object>(item: T, fields: readonly string[] | undefined): T | Fielded<T> {
  if (!fields) return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => IDENTITY.has(key) || fields.includes(key))) as Fielded<T>;
}

type ApiSourceRef = z.output<typeof SourceRefSchema>;
type TopicPayload = z.input<typeof TopicSchema>;

/**
 * The object kept under `key` in `cache`, made and marked with keepJson the first time: the same
 * object every time, so its JSON is written once (see answers/json.ts).
 */
function kept<T extends object>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    keepJson(value);
    cache.set(key, value);
  }
  return value;
}

/**
 * Turns repository objects into API payloads. Rendered bodies are memoised: the store is
 * immutable while open, so each body is rendered at most once per format.
 */
export class Presenter {
  private readonly rendered = new Map<string, string>();
  /** Each record as presented in each format: the same object every time (see answers/json.ts). */
  private readonly records = new Map<string, RecordPayload>();
  /** Each record as a list of results shows it, kept alike. */
  private readonly briefs = new Map<string, Record<string, unknown>>();
  /** Each topic as a search hit, in each format and as a brief, kept alike. */
  private readonly topicHits = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly content: ContentRepository,
    private readonly help: HelpRepository,
  ) {}

  /**
   * What every content answer carries (the licence and attribution cover our own text). `region` (a validated ISO code) adds that region's
   * priority crisis line; `crisisDetected` (search) adds all its lines.
   */
  meta(region?: string, crisisDetected = false) {
    return {
      disclaimer: this.content.disclaimer,
      crisis: this.help.crisis(region, crisisDetected),
      contentVersion: this.content.version,
      license: CONTENT_LICENSE,
      attribution: ATTRIBUTION,
    };
  }

  body(key: string, markdown: string, format: BodyFormat): string {
    if (format === 'markdown') return markdown;
    const memoKey = `${format}:${key}`;
    let out = this.rendered.get(memoKey);
    if (out === undefined) {
      out = renderBody(markdown, format);
      this.rendered.set(memoKey, out);
    }
    return out;
  }

  /** What the JSON-LD builders need: absolute URLs, and a FAQ's answer as (memoised) plain text. */
  jsonLd(origin: string): JsonLdOptions {
    return { origin, answerText: (faq) => this.body(`${faq.collection}/${faq.slug}`, faq.body, 'text') };
  }

  // The repository's reference already has the API's fields, in its order; the API adds the link.
  sourceRef(s: SourceRef): ApiSourceRef {
    return { ...s, href: hrefOf('sources', s.slug) };
  }

  topicRef(t: TopicRef) {
    return { slug: t.slug, title: t.title, note: t.note, href: hrefOf('topics', t.slug) };
  }

  record(r: ContentRecord, format: BodyFormat): RecordPayload {
    return kept(this.records, `${format}:${r.collection}/${r.slug}`, () => this.presentRecord(r, format));
  }

  /** The record's brief (`briefOf`): the same object every time, so its JSON is written once. */
  brief(r: ContentRecord): Record<string, unknown> {
    return kept(this.briefs, `${r.collection}/${r.slug}`, () => briefOf(this.record(r, 'markdown')));
  }

  /**
   * A topic as search lists it next to records: a record's common fields (its own topic as its
   * only topic), without the related collections. The same object every time, as a record is.
   */
  topicHit(t: Topic, format: BodyFormat): Record<string, unknown> {
    return kept(this.topicHits, `${format}:${t.slug}`, () => ({
      ...this.topicText(t, format),
      topics: [this.topicRef({ slug: t.slug, title: t.title, note: null })],
      sources: t.sources.map((s) => this.sourceRef(s)),
      reviewedAt: t.reviewedAt,
      nextReviewAt: t.nextReviewAt,
      href: hrefOf('topics', t.slug),
    }));
  }

  /** The topic's hit without its body (`briefOf`), kept alike. */
  topicBrief(t: Topic): Record<string, unknown> {
    return kept(this.topicHits, `brief:${t.slug}`, () => briefOf(this.topicHit(t, 'markdown')));
  }

  /** What a topic says of itself, first in both its own answer and its search hit. */
  private topicText(t: Topic, format: BodyFormat) {
    return {
      type: 'topic' as const,
      slug: t.slug,
      title: t.title,
      summary: t.summary,
      definition: t.definition,
      keyPoints: t.keyPoints,
      body: this.body(`topics/${t.slug}`, t.body, format),
      bodyFormat: format,
    };
  }

  private presentRecord(r: ContentRecord, format: BodyFormat): RecordPayload {
    return {
      type: r.type,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      body: this.body(`${r.collection}/${r.slug}`, r.body, format),
      bodyFormat: format,
      topics: r.topics.map((t) => this.topicRef(t)),
      sources: r.sources.map((s) => this.sourceRef(s)),
      reviewedAt: r.reviewedAt,
      nextReviewAt: r.nextReviewAt,
      reviewType: r.reviewType,
      href: hrefOf(r.collection, r.slug),
      ...r.facets,
    };
  }

  topic(t: Topic, format: BodyFormat, include: readonly RecordCollection[] = []): TopicPayload {
    const impacts = this.content.forTopic('impacts', t.slug);
    const related = Object.fromEntries(
      CONTENT_TYPES.map(({ collection }) => {
        const records = collection === 'impacts' ? impacts : this.content.forTopic(collection, t.slug);
        return [
          collection,
          {
            count: records.length,
            href: `/v1/${collection}?topic=${t.slug}`,
            ...(include.includes(collection) ? { items: records.slice(0, INCLUDE_LIMIT).map((r) => this.record(r, format)) } : {}),
          },
        ];
      }),
    );
    return {
      ...this.topicText(t, format),
      comparisons: t.comparisons.map((c) => ({
        topic: c.topic ? { ...c.topic, href: hrefOf('topics', c.topic.slug) } : null,
        concept: c.concept,
        text: c.text,
      })),
      // Capped like an include, so a topic's answer stays bounded however much content grows.
      impacts: impacts.slice(0, INCLUDE_LIMIT).map((i) => {
        const presented = this.record(i, 'markdown') as Record<string, unknown>;
        return Object.fromEntries(TOPIC_IMPACT_FIELDS.map((name) => [name, presented[name]])) as TopicPayload['impacts'][number];
      }),
      related,
      sources: t.sources.map((s) => this.sourceRef(s)),
      reviewedAt: t.reviewedAt,
      nextReviewAt: t.nextReviewAt,
      reviewType: t.reviewType,
      href: hrefOf('topics', t.slug),
    };
  }

  source(s: Source) {
    return {
      type: 'source' as const,
      slug: s.slug,
      title: s.title,
      kind: s.kind,
      publisher: s.publisher,
      authority: s.authority,
      authors: s.authors,
      editors: s.editors,
      url: s.url,
      doi: s.doi,
      accessed: s.accessed,
      published: s.published,
      updated: s.updated,
      citation: s.citation,
      description: s.description,
      href: hrefOf('sources', s.slug),
    };
  }
}
