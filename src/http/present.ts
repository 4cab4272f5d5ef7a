import type { z } from 'zod';
import { CONTENT_TYPES } from '../content/types.js';
import type { ContentRecord, ContentRepository, Source, SourceRef, Topic, TopicRef } from '../repositories/content-repository.js';
import type { HelpRepository } from '../repositories/help-repository.js';
import { type BodyFormat, renderBody } from '../render/markdown.js';
import type { SourceRef as SourceRefSchema } from '../schemas/common.js';
import { INCLUDE_LIMIT } from '../schemas/queries.js';
import type { RecordCollection } from '../seed/schemas.js';

export const hrefOf = (collection: string, slug: string) => `/v1/${collection}/${slug}`;


type ApiSourceRef = z.output<typeof SourceRefSchema>;

/**
 * Turns repository objects into API payloads. Rendered bodies are memoised: the store is
 * immutable while open, so each body is rendered at most once per format.
 */
export class Presenter {
  private readonly rendered = new Map<string, string>();

  constructor(
    private readonly content: ContentRepository,
    private readonly help: HelpRepository,
  ) {}

  /**
   * What every content answer carries. `region` (a validated ISO code) adds that region's
   * priority crisis line; `crisisDetected` (search) adds all its lines.
   */
  meta(region?: string, crisisDetected = false) {
    return { disclaimer: this.content.disclaimer, crisis: this.help.crisis(region, crisisDetected), contentVersion: this.content.version };
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

  sourceRef(s: SourceRef): ApiSourceRef {
    return { slug: s.slug, title: s.title, publisher: s.publisher, url: s.url, citation: s.citation, href: hrefOf('sources', s.slug) };
  }

  topicRef(t: TopicRef) {
    return { slug: t.slug, title: t.title, note: t.note, href: hrefOf('topics', t.slug) };
  }

  record(r: ContentRecord, format: BodyFormat) {
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
      href: hrefOf(r.collection, r.slug),
      ...r.facets,
    };
  }

  topic(t: Topic, format: BodyFormat, include: readonly RecordCollection[] = []) {
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
      type: 'topic' as const,
      slug: t.slug,
      title: t.title,
      summary: t.summary,
      definition: t.definition,
      keyPoints: t.keyPoints,
      body: this.body(`topics/${t.slug}`, t.body, format),
      bodyFormat: format,
      comparisons: t.comparisons.map((c) => ({
        topic: c.topic ? { ...c.topic, href: hrefOf('topics', c.topic.slug) } : null,
        concept: c.concept,
        text: c.text,
      })),
      // Capped like an include, so a topic's answer stays bounded however much content grows.
      impacts: impacts.slice(0, INCLUDE_LIMIT).map((i) => ({
        slug: i.slug,
        title: i.title,
        summary: i.summary,
        area: i.facets.area ?? '',
        href: hrefOf('impacts', i.slug),
      })),
      related,
      sources: t.sources.map((s) => this.sourceRef(s)),
      reviewedAt: t.reviewedAt,
      nextReviewAt: t.nextReviewAt,
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
      authors: s.authors,
      url: s.url,
      published: s.published,
      updated: s.updated,
      citation: s.citation,
      description: s.description,
      href: hrefOf('sources', s.slug),
    };
  }
}
