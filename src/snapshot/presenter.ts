import type { z } from 'zod';
import { ATTRIBUTION, CONTENT_LICENSE } from '../content/licence.js';
import { hrefOf } from '../content/paths.js';
import type { RecordCollection, Registry } from '../content/registry.js';
import type { ContentRecord, ContentRepository, Source, SourceRef, Topic, TopicRef } from '../repositories/content-repository.js';
import { type BodyFormat, renderBody } from '../render/markdown.js';
import type { ContentMeta as ContentMetaSchema, SourceRef as SourceRefSchema } from '../schemas/common.js';
import type { RecordPayload } from '../schemas/records.js';
import type { SourcePayload } from '../schemas/sources.js';
import { INCLUDE_LIMIT, TOPIC_IMPACT_FIELDS, type Topic as TopicSchema } from '../schemas/topics.js';
import { type CrisisNotices, NO_REGION, type RegionChoice } from './crisis-notices.js';
import { Presented } from './json.js';
import type { JsonLdOptions } from './jsonld.js';

/** An item trimmed by `fields`: what it has of them, plus its identity. Distributes over a union of item types. */
export type Fielded<T> = T extends unknown ? Partial<T> & Pick<T, Extract<keyof T, 'type' | 'slug' | 'href'>> : never;
const IDENTITY = new Set(['type', 'slug', 'href']);
/** What a brief leaves out unless `fields` asks for it. */
export const BRIEF_OMITS: ReadonlySet<string> = new Set(['body', 'bodyFormat', 'sources', 'relatedRecords']);

/**
 * An item as a list of results shows it: without its body, the body's format, its sources and
 * the records to read next (a results page shows snippets and links to each record; those would
 * multiply what every search sends, serialises and hashes). `fields` asks for any of them.
 */
export const briefOf = (item: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !BRIEF_OMITS.has(name)));

/**
 * An item trimmed to a sparse fieldset: the named fields plus type, slug and href, in the item's
 * own order (so the order of `fields` never changes the bytes); without `fields`, the item itself.
 */
export function withFields<T extends object>(item: Presented<T>, fields: readonly string[] | undefined): Presented<T> | Fielded<T>;
export function withFields<T extends object>(item: T, fields: readonly string[] | undefined): T | Fielded<T>;
export function withFields(item: object, fields: readonly string[] | undefined): object {
  if (!fields) return item;
  const value = item instanceof Presented ? (item.value as object) : item;
  return Object.fromEntries(Object.entries(value).filter(([key]) => IDENTITY.has(key) || fields.includes(key)));
}

type ApiSourceRef = z.output<typeof SourceRefSchema>;
export type TopicPayload = z.input<typeof TopicSchema>;
export type Brief = Record<string, unknown> & { type: string; slug: string; href: string };
export type ContentMeta = z.input<typeof ContentMetaSchema>;

/** The value kept under `key`, made the first time it is asked for. */
function once<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    memo.set(key, value);
  }
  return value;
}

/**
 * Turns what the repositories hold into API payloads, each once per snapshot: a record in a given
 * format is presented (and its JSON written) the first time an answer needs it, and every later
 * answer splices in the same JSON. Rendered bodies are kept the same way.
 */
export class Presenter {
  private readonly rendered = new Map<string, string>();
  private readonly records = new Map<string, Presented<RecordPayload>>();
  private readonly briefs = new Map<string, Presented<Brief>>();
  private readonly topicHits = new Map<string, Presented<Brief>>();
  private readonly sources = new Map<string, Presented<SourcePayload>>();
  private readonly metas = new Map<string, Presented<ContentMeta>>();

  constructor(
    private readonly registry: Registry,
    private readonly content: ContentRepository,
    private readonly notices: CrisisNotices,
  ) {}

  /**
   * What every content answer carries (the licence and attribution cover our own text). A known
   * region adds its priority crisis line; `crisisDetected` (search) adds all its lines, and puts
   * them first. Presented once per region, its source and the flag (a finite set).
   */
  meta(region: RegionChoice = NO_REGION, crisisDetected = false): Presented<ContentMeta> {
    return once(this.metas, `${region.code ?? ''}:${region.from ?? ''}:${crisisDetected}`, () => {
      const crisis = this.notices.notice(region, crisisDetected);
      const rest = { contentVersion: this.content.version, license: CONTENT_LICENSE, attribution: ATTRIBUTION };
      const disclaimer = this.content.disclaimer;
      return new Presented(crisisDetected ? { crisis, disclaimer, ...rest } : { disclaimer, crisis, ...rest });
    });
  }

  /** The crisis guidance alone (embeds, pages, error pages). */
  crisis(region: RegionChoice = NO_REGION, allLines = false) {
    return this.notices.notice(region, allLines);
  }

  body(key: string, markdown: string, format: BodyFormat): string {
    if (format === 'markdown') return markdown;
    return once(this.rendered, `${format}:${key}`, () => renderBody(markdown, format));
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

  record(r: ContentRecord, format: BodyFormat): Presented<RecordPayload> {
    return once(this.records, `${format}:${r.collection}/${r.slug}`, () => new Presented(this.recordValue(r, format)));
  }

  /** The record as a list of results shows it (`briefOf`). */
  brief(r: ContentRecord): Presented<Brief> {
    return once(this.briefs, `${r.collection}/${r.slug}`, () => new Presented(briefOf(this.record(r, 'markdown').value) as Brief));
  }

  /**
   * A topic as search lists it next to records: a record's common fields (its own topic as its
   * only topic), without the related collections.
   */
  topicHit(t: Topic, format: BodyFormat): Presented<Brief> {
    return once(this.topicHits, `${format}:${t.slug}`, () => new Presented(this.topicHitValue(t, format)));
  }

  /** The topic's hit without its body (`briefOf`). */
  topicBrief(t: Topic): Presented<Brief> {
    return once(this.topicHits, `brief:${t.slug}`, () => new Presented(briefOf(this.topicHit(t, 'markdown').value) as Brief));
  }

  source(s: Source): Presented<SourcePayload> {
    return once(this.sources, s.slug, () => new Presented(this.sourceValue(s)));
  }

  topic(t: Topic, format: BodyFormat, include: readonly RecordCollection[] = []): TopicPayload {
    const impacts = this.content.forTopic('impacts', t.slug);
    const related = Object.fromEntries(
      this.registry.map(({ collection }) => {
        const records = collection === 'impacts' ? impacts : this.content.forTopic(collection as RecordCollection, t.slug);
        return [
          collection,
          {
            count: records.length,
            href: `/v1/${collection}?topic=${t.slug}`,
            ...(include.includes(collection as RecordCollection)
              ? { items: records.slice(0, INCLUDE_LIMIT).map((r) => this.record(r, format).value) }
              : {}),
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
        const presented = this.record(i, 'markdown').value as Record<string, unknown>;
        return Object.fromEntries(TOPIC_IMPACT_FIELDS.map((name) => [name, presented[name]])) as TopicPayload['impacts'][number];
      }),
      related,
      sources: t.sources.map((s) => this.sourceRef(s)),
      reviewedAt: t.reviewedAt,
      nextReviewAt: t.nextReviewAt,
      reviewType: t.reviewType,
      signposts: t.signposts,
      relatedRecords: t.related.map((ref) => this.recordRef(ref)),
      href: hrefOf('topics', t.slug),
    };
  }

  /** Another record, by its `collection/slug` (checked to exist when the store was built). */
  recordRef(ref: string) {
    const [collection = '', slug = ''] = ref.split('/');
    const record = collection === 'topics' ? this.content.getTopic(slug) : this.content.get(collection as RecordCollection, slug);
    if (!record) throw new Error(`The content store has no ${ref}, which another record relates to.`);
    return { type: record.type, slug: record.slug, title: record.title, href: hrefOf(collection, slug) };
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

  private topicHitValue(t: Topic, format: BodyFormat): Brief {
    return {
      ...this.topicText(t, format),
      topics: [this.topicRef({ slug: t.slug, title: t.title, note: null })],
      sources: t.sources.map((s) => this.sourceRef(s)),
      reviewedAt: t.reviewedAt,
      nextReviewAt: t.nextReviewAt,
      href: hrefOf('topics', t.slug),
    };
  }

  private recordValue(r: ContentRecord, format: BodyFormat): RecordPayload {
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
      signposts: r.signposts,
      relatedRecords: r.related.map((ref) => this.recordRef(ref)),
      href: hrefOf(r.collection, r.slug),
      ...r.facets,
    };
  }

  private sourceValue(s: Source): SourcePayload {
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
