import { collectionOfType, typeInfoOf } from '../content/types.js';
import { pagePathOf } from '../content/paths.js';
import { canonicalUrl } from '../http/canonical.js';
import { invalidParameters } from '../http/problems.js';
import type { ContentRecord, ContentRepository } from '../repositories/content-repository.js';
import { type EmbedListQuery, type EmbedTopicQuery, layoutOf } from '../schemas/embeds.js';
import { listEmbedPath, type PageOptions, topicEmbedPath } from './urls.js';

export interface EmbedGroup {
  /** Section heading (topic embeds); null for a hand-picked list, whose items carry their type. */
  heading: string | null;
  records: ContentRecord[];
}

/** Everything an embed page shows, resolved from the store; rendering adds no lookups. */
export interface EmbedDocument {
  /** The page's <title> and oEmbed title. */
  title: string;
  /** The visible h1. */
  heading: string;
  intro: string | null;
  groups: EmbedGroup[];
  /** Page of the whole topic, for the "full content" link (records link to their own pages). */
  fullContentPath: string | null;
  /** Canonical path and query of this embed. */
  path: string;
  options: PageOptions;
}

export const DEFAULT_LIST_TITLE = 'Selected resources';

const optionsOf = (q: EmbedTopicQuery | EmbedListQuery): PageOptions => ({
  theme: q.theme,
  lang: q.lang,
  layout: layoutOf(q),
  region: q.region,
});

/** A topic embed, or undefined when no topic has this slug. */
export function topicDocument(content: ContentRepository, slug: string, query: EmbedTopicQuery): EmbedDocument | undefined {
  const topic = content.getTopic(slug);
  if (!topic) return undefined;
  const options = optionsOf(query);
  const groups = query.sections.map((collection) => ({
    heading: typeInfoOf(collection).label,
    records: content.forTopic(collection, topic.slug),
  }));
  return {
    title: `${topic.title}: ${groups.map((g) => g.heading).join(', ')}`,
    heading: topic.title,
    intro: topic.summary,
    groups,
    fullContentPath: canonicalUrl(pagePathOf('topics', topic.slug), { region: options.region }),
    path: topicEmbedPath(topic.slug, query.sections, options),
    options,
  };
}

/** A hand-picked list; every record that does not exist is reported at once. */
export function listDocument(content: ContentRepository, query: EmbedListQuery): EmbedDocument {
  const found = query.items.map((ref) => {
    const collection = collectionOfType(ref.type);
    return { ref, record: collection && content.get(collection, ref.slug) };
  });
  const records = found.flatMap((f) => (f.record ? [f.record] : []));
  const missing = found.filter((f) => !f.record).map((f) => `${f.ref.type}:${f.ref.slug}`);
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((m) => `"${m.slice(0, 80)}"`)
      .join(', ');
    throw invalidParameters([
      {
        in: 'query',
        name: 'items',
        detail: `no record ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}; the builder at /embed lists every record`,
      },
    ]);
  }
  const options = optionsOf(query);
  return {
    title: query.title ?? DEFAULT_LIST_TITLE,
    heading: query.title ?? DEFAULT_LIST_TITLE,
    intro: null,
    groups: [{ heading: null, records }],
    fullContentPath: null,
    path: listEmbedPath(query.items, query.title, options),
    options,
  };
}

/** Every record shown, across groups. */
export const recordsOf = (doc: EmbedDocument) => doc.groups.flatMap((g) => g.records);
