import { asc, eq } from 'drizzle-orm';
import { CONTENT_REGISTRY, type RecordCollection, type RecordType, type Registry } from '../content/registry.js';
import type { SORT_KEYS, SOURCE_AUTHORITIES } from '../content/vocabulary.js';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema.js';
import { citationOf } from './citation.js';
import { defined } from '../content/defined.js';

/** A row the store's foreign keys guarantee; a miss means a damaged store, and says which row. */
const found = <T>(value: T | undefined, what: string): T =>
  defined(value, () => `The content store has no ${what}, which another row refers to.`);

type SourceAuthority = (typeof SOURCE_AUTHORITIES)[number];

export interface SourceRef {
  slug: string;
  title: string;
  publisher: string;
  url: string | null;
  doi: string | null;
  authority: SourceAuthority;
  citation: string;
  /** What the source supports in the citing record; null outside a record. */
  supports: string | null;
}

export interface Source extends SourceRef {
  kind: 'article' | 'reference';
  description: string;
  authors: string[];
  editors: string[];
  accessed: string | null;
  published: string | null;
  updated: string | null;
  order: number;
}

export interface TopicRef {
  slug: string;
  title: string;
  note: string | null;
}

/** The columns every record shares, as the store holds them (see SHARED_RECORD_COLUMNS). */
type SharedRow = Pick<typeof schema.topics.$inferSelect, (typeof schema.SHARED_RECORD_COLUMNS)[number]>;

/** What every topic and record has: its shared columns, the editorial order by its name, and its sources. */
interface Reviewed extends Omit<SharedRow, 'sortOrder'> {
  order: number;
  sources: SourceRef[];
}

const SHARED_COLUMNS: ReadonlySet<string> = new Set(schema.SHARED_RECORD_COLUMNS);

/** A row's shared columns, with `sortOrder` named `order`, as every topic and record carries them. */
function sharedOf(row: SharedRow, sources: SourceRef[]): Reviewed {
  const { sortOrder, ...shared } = row;
  return { ...shared, order: sortOrder, sources };
}

export interface ContentRecord extends Reviewed {
  type: RecordType;
  collection: RecordCollection;
  topics: TopicRef[];
  /** The type's own fields (kind, category, firstStep …), already named as in the API. */
  facets: Record<string, string | null>;
}

export interface Comparison {
  topic: { slug: string; title: string } | null;
  concept: string | null;
  text: string;
}

export interface Topic extends Reviewed {
  type: 'topic';
  definition: string;
  keyPoints: string[];
  comparisons: Comparison[];
}

/** What a list can be sorted by: the keys the API's `sort` parameter accepts. */
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort<K extends string = SortKey> {
  key: K;
  descending: boolean;
}

export interface ListQuery {
  topics?: string[];
  facets?: Record<string, string[] | undefined>;
  sort: Sort;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

type Sortable<K extends string> = { slug: string } & Record<K, string | number | null>;

// Ties fall back to the slug, so every order is total and paging is stable.
const compareBy =
  <K extends string>(sort: Sort<K>) =>
  (a: Sortable<K>, b: Sortable<K>) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const primary = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en');
    const result = primary !== 0 ? primary : a.slug.localeCompare(b.slug, 'en');
    return sort.descending ? -result : result;
  };

/** One page of `items`, which are in the requested order already. */
const pageOf = <T>(items: readonly T[], limit: number, offset: number): Page<T> => ({
  total: items.length,
  items: items.slice(offset, offset + limit),
});

/**
 * Read access to the content store. The store is immutable while it is open, so everything is
 * read once at start-up into plain objects; every query after that is a filter over memory.
 */
export class ContentRepository {
  readonly version: string;
  readonly builtAt: string;
  readonly disclaimer: string;
  readonly crisis: string;
  private readonly sources: Source[];
  private readonly topics: Topic[];
  private readonly records = new Map<RecordCollection, ContentRecord[]>();
  private readonly bySlug = new Map<string, ContentRecord | Topic | Source>();
  /** Each list in each order a request can ask for (a few keys, two directions), sorted the first time it is asked for. */
  private readonly orders = new Map<string, readonly unknown[]>();

  /** `registry`: the content types the store holds (default: the app's). */
  constructor(db: Db, registry: Registry = CONTENT_REGISTRY) {
    const meta = new Map(
      db
        .select()
        .from(schema.storeMeta)
        .all()
        .map((r) => [r.key, r.value]),
    );
    this.version = meta.get('content_version') ?? 'unknown';
    this.builtAt = meta.get('built_at') ?? 'unknown';
    const notices = new Map(
      db
        .select()
        .from(schema.notices)
        .all()
        .map((r) => [r.key, r.text]),
    );
    this.disclaimer = notices.get('disclaimer') ?? '';
    this.crisis = notices.get('crisis') ?? '';

    this.sources = db
      .select()
      .from(schema.sources)
      .orderBy(asc(schema.sources.sortOrder))
      .all()
      .map((s) => ({
        slug: s.slug,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        doi: s.doi,
        authority: s.authority,
        citation: citationOf(s),
        supports: null,
        kind: s.kind,
        description: s.description,
        authors: s.authors,
        editors: s.editors,
        accessed: s.accessed,
        published: s.published,
        updated: s.updated,
        order: s.sortOrder,
      }));
    const sourceBySlug = new Map(this.sources.map((s) => [s.slug, s]));
    const citedBy = new Map<string, SourceRef[]>();
    for (const link of db.select().from(schema.recordSources).orderBy(asc(schema.recordSources.position)).all()) {
      const key = `${link.recordType}:${link.recordSlug}`;
      const s = found(sourceBySlug.get(link.sourceSlug), `source ${link.sourceSlug}`);
      const ref: SourceRef = {
        slug: s.slug,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        doi: s.doi,
        authority: s.authority,
        citation: s.citation,
        supports: link.supports,
      };
      const refs = citedBy.get(key);
      if (refs) refs.push(ref);
      else citedBy.set(key, [ref]);
    }

    const topicRows = db.select().from(schema.topics).orderBy(asc(schema.topics.sortOrder)).all();
    const topicTitle = new Map(topicRows.map((t) => [t.slug, t.title]));
    this.topics = topicRows.map(({ definition, keyPoints, ...t }) => ({
      type: 'topic' as const,
      ...sharedOf(t, citedBy.get(`topic:${t.slug}`) ?? []),
      definition,
      keyPoints,
      comparisons: db
        .select()
        .from(schema.topicComparisons)
        .where(eq(schema.topicComparisons.topicSlug, t.slug))
        .orderBy(asc(schema.topicComparisons.position))
        .all()
        .map((c) => ({
          topic: c.otherTopicSlug
            ? { slug: c.otherTopicSlug, title: found(topicTitle.get(c.otherTopicSlug), `topic ${c.otherTopicSlug}`) }
            : null,
          concept: c.concept,
          text: c.text,
        })),
    }));

    const linkedTopics = new Map<string, TopicRef[]>();
    for (const link of db.select().from(schema.recordTopics).all()) {
      const key = `${link.recordType}:${link.recordSlug}`;
      const ref = { slug: link.topicSlug, title: found(topicTitle.get(link.topicSlug), `topic ${link.topicSlug}`), note: link.note };
      linkedTopics.set(key, [...(linkedTopics.get(key) ?? []), ref]);
    }
    const topicOrder = new Map(this.topics.map((t, i) => [t.slug, i]));
    for (const entry of registry) {
      // A test's registry may name types beyond RecordCollection; the store was built with the same one.
      const { collection, type } = entry as { collection: RecordCollection; type: RecordType };
      const rows = db.select().from(schema.recordTableOf(entry)).all() as Array<Record<string, unknown> & typeof schema.faqs.$inferSelect>;
      const records = rows.map((row): ContentRecord => {
        const facets = Object.fromEntries(Object.entries(row).filter(([k]) => !SHARED_COLUMNS.has(k))) as Record<string, string | null>;
        const key = `${type}:${row.slug}`;
        const shared = Object.fromEntries([...SHARED_COLUMNS].map((name) => [name, row[name]])) as SharedRow;
        return {
          type,
          collection,
          ...sharedOf(shared, citedBy.get(key) ?? []),
          topics: (linkedTopics.get(key) ?? []).sort((a, b) => (topicOrder.get(a.slug) ?? 0) - (topicOrder.get(b.slug) ?? 0)),
          facets,
        };
      });
      records.sort(compareBy<SortKey>({ key: 'order', descending: false }));
      this.records.set(collection, records);
      for (const r of records) this.bySlug.set(key(collection, r.slug), r);
    }
    for (const t of this.topics) this.bySlug.set(key('topics', t.slug), t);
    for (const s of this.sources) this.bySlug.set(key('sources', s.slug), s);
  }

  listTopics(): Topic[] {
    return this.topics;
  }

  getTopic(slug: string): Topic | undefined {
    return this.bySlug.get(key('topics', slug)) as Topic | undefined;
  }

  hasTopic(slug: string): boolean {
    return this.bySlug.has(key('topics', slug));
  }

  /** `items` (in editorial order) in the order `sort` asks for. */
  private ordered<K extends string, T extends Sortable<K>>(list: string, items: readonly T[], sort: Sort<K>): readonly T[] {
    if (sort.key === 'order' && !sort.descending) return items;
    const name = `${list}:${sort.key}:${sort.descending}`;
    let sorted = this.orders.get(name) as readonly T[] | undefined;
    if (!sorted) this.orders.set(name, (sorted = [...items].sort(compareBy(sort))));
    return sorted;
  }

  listSources(query: { kinds?: string[]; sort: Sort<'order' | 'title' | 'slug'>; limit: number; offset: number }): Page<Source> {
    const { kinds } = query;
    const ordered = this.ordered('sources', this.sources, query.sort);
    return pageOf(kinds ? ordered.filter((s) => kinds.includes(s.kind)) : ordered, query.limit, query.offset);
  }

  getSource(slug: string): Source | undefined {
    return this.bySlug.get(key('sources', slug)) as Source | undefined;
  }

  // Every collection of the registry has an entry (empty or not) from the moment the store loads.
  private recordsOf(collection: RecordCollection): ContentRecord[] {
    return found(this.records.get(collection), `collection ${collection}`);
  }

  /** Every record of a collection, in editorial order. */
  all(collection: RecordCollection): readonly ContentRecord[] {
    return this.recordsOf(collection);
  }

  allSources(): readonly Source[] {
    return this.sources;
  }

  /** All records of a collection linked to a topic, in editorial order. */
  forTopic(collection: RecordCollection, topic: string): ContentRecord[] {
    return this.recordsOf(collection).filter((r) => r.topics.some((t) => t.slug === topic));
  }

  list(collection: RecordCollection, query: ListQuery): Page<ContentRecord> {
    const facetFilters = Object.entries(query.facets ?? {}).filter((e): e is [string, string[]] => e[1] !== undefined);
    const { topics } = query;
    const ordered = this.ordered(collection, this.recordsOf(collection), query.sort);
    const matches =
      !topics && facetFilters.length === 0
        ? ordered
        : ordered.filter(
            (r) =>
              (!topics || r.topics.some((t) => topics.includes(t.slug))) &&
              facetFilters.every(([facet, values]) => values.includes(r.facets[facet] ?? '')),
          );
    return pageOf(matches, query.limit, query.offset);
  }

  get(collection: RecordCollection, slug: string): ContentRecord | undefined {
    return this.bySlug.get(key(collection, slug)) as ContentRecord | undefined;
  }
}

const key = (collection: string, slug: string) => `${collection}/${slug}`;
