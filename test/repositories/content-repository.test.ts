import t from 'tap';
import { CONTENT_REGISTRY } from '../../src/content/registry.js';
import { openStore } from '../../src/db/open.js';
import { type ContentRecord, ContentRepository, type SortKey } from '../../src/repositories/content-repository.js';
import { readChangeLog } from '../../src/seed/change-log.js';
import { loadSeed } from '../../src/seed/load.js';
import type { RecordCollection } from '../../src/content/registry.js';
import { SORT_KEYS } from '../../src/content/vocabulary.js';
import { editableStore } from '../helpers/edited-store.js';
import { buildScratchStore, SEED_DIR } from '../helpers/store.js';

// The content repository read straight from a store built from the real seed, checked against
// what the seed itself says (loaded with the seed loader, not through the store): which records
// each filter keeps, every sort order and every page window.

const storePath = buildScratchStore(t);
const store = openStore(storePath);
t.teardown(() => store.close());
const repo = new ContentRepository(store.db);
const seed = loadSeed(SEED_DIR);

const COLLECTIONS: RecordCollection[] = CONTENT_REGISTRY.map((e) => e.collection);
const TOPIC_ORDER = ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment'];
const slugs = (items: readonly { slug: string }[]) => items.map((i) => i.slug);

/** What the seed says about one collection's records, in editorial order. */
function seedRecords(collection: RecordCollection) {
  const entry = CONTENT_REGISTRY.find((e) => e.collection === collection)!;
  return seed.records[collection]
    .map(({ slug, data }) => {
      const d = data as unknown as Record<string, unknown> & { order: number; title: string; topics: { slug: string; note?: string }[] };
      return {
        slug,
        order: d.order,
        title: d.title,
        reviewedAt: d.reviewedAt as string,
        nextReviewAt: d.nextReviewAt as string,
        topics: d.topics,
        sources: d.sources as { slug: string; supports?: string }[],
        facets: Object.fromEntries([
          ...Object.keys(entry.facets).map((k) => [k, d[k]]),
          ...Object.keys(entry.extra).map((k) => [k, d[k] ?? null]),
        ]) as Record<string, string | null>,
      };
    })
    .sort((a, b) => a.order - b.order);
}
type SeedRecord = ReturnType<typeof seedRecords>[number];

/** The documented order: by the key (numbers as numbers), ties by slug, `-key` reverses both. */
function sortedLikeTheApi<T extends { slug: string }>(items: T[], key: keyof T, descending: boolean) {
  const sorted = [...items].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const primary = typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y), 'en');
    return primary || a.slug.localeCompare(b.slug, 'en');
  });
  return descending ? sorted.reverse() : sorted;
}

const everything = { sort: { key: 'order' as SortKey, descending: false }, limit: 1000, offset: 0 };

t.test('the store says which content version it serves and carries the site notices', async (t) => {
  t.equal(repo.version, readChangeLog(SEED_DIR).versions.at(-1)!.version, 'the version the change log reached');
  t.ok(Math.abs(Date.parse(repo.builtAt) - Date.now()) < 10 * 60_000, 'built just now');
  t.equal(repo.disclaimer, seed.site.disclaimer);
  t.equal(repo.crisis, seed.site.crisis);
  t.not(repo.disclaimer, repo.crisis, 'each notice is read by its own key');
});

t.test('a store without its meta rows or notices still opens, saying it does not know', async (t) => {
  const { edited } = editableStore(t, storePath);
  const older = edited('delete from store_meta; delete from notices;', (db) => new ContentRepository(db));
  t.equal(older.version, 'unknown');
  t.equal(older.builtAt, 'unknown');
  t.equal(older.disclaimer, '');
  t.equal(older.crisis, '');
});

t.test('topics come in editorial order with their definition, key points, sources and comparisons', async (t) => {
  t.same(slugs(repo.listTopics()), TOPIC_ORDER);
  for (const { slug, data } of seed.topics) {
    const topic = repo.getTopic(slug)!;
    t.match(
      topic,
      {
        type: 'topic',
        slug,
        title: data.title,
        summary: data.summary,
        definition: data.definition,
        keyPoints: data.keyPoints,
        keywords: data.keywords,
        order: data.order,
        reviewedAt: data.reviewedAt,
        nextReviewAt: data.nextReviewAt,
        reviewType: data.reviewType,
      },
      slug,
    );
    t.ok(topic.body.length > 0, `${slug} has a body`);
    t.same(
      slugs(topic.sources),
      data.sources.map((s) => s.slug),
      `${slug} cites its sources in the seed's order`,
    );
    t.same(
      topic.sources.map((s) => s.supports),
      data.sources.map((s) => s.supports ?? null),
      `${slug}: what each source supports in it`,
    );
    t.same(
      topic.comparisons,
      data.comparisons.map((c) => ({
        topic: 'topic' in c ? { slug: c.topic, title: seed.topics.find((x) => x.slug === c.topic)!.data.title } : null,
        concept: 'concept' in c ? c.concept : null,
        text: c.text,
      })),
      `${slug} compares itself with topics (by title) and concepts, in the seed's order`,
    );
    t.equal(repo.hasTopic(slug), true);
  }
});

t.test('every collection holds exactly the seed records, in editorial order, with their own fields', async (t) => {
  for (const collection of COLLECTIONS) {
    const entry = CONTENT_REGISTRY.find((e) => e.collection === collection)!;
    const expected = seedRecords(collection);
    t.same(slugs(repo.all(collection)), slugs(expected), `${collection}: all of them, by order`);
    for (const want of expected) {
      const got = repo.get(collection, want.slug)!;
      t.match(got, { type: entry.type, collection, slug: want.slug, title: want.title, order: want.order }, `${collection}/${want.slug}`);
      t.same(got.facets, want.facets, `${collection}/${want.slug}: its facets and own fields, and nothing shared`);
      const topics = [...want.topics].sort((a, b) => TOPIC_ORDER.indexOf(a.slug) - TOPIC_ORDER.indexOf(b.slug));
      t.same(
        got.topics,
        topics.map((x) => ({ slug: x.slug, title: repo.getTopic(x.slug)!.title, note: x.note ?? null })),
        `${collection}/${want.slug}: topics in the topics' editorial order, with notes`,
      );
      t.same(
        slugs(got.sources),
        want.sources.map((s) => s.slug),
        `${collection}/${want.slug}: sources in the seed's order`,
      );
      for (const [i, ref] of got.sources.entries()) {
        const source = repo.getSource(ref.slug)!;
        t.same(
          ref,
          {
            slug: source.slug,
            title: source.title,
            publisher: source.publisher,
            url: source.url,
            doi: source.doi,
            authority: source.authority,
            citation: source.citation,
            supports: want.sources[i]!.supports ?? null,
          },
          `${ref.slug} as cited, with what it supports here`,
        );
      }
    }
  }
});

t.test('a record whose topics the seed lists out of editorial order still shows them in it', async (t) => {
  // The seed lists detachment before isolation here; the topics' own order wins.
  t.same(slugs(repo.get('signs', 'feeling-disconnected-from-others')!.topics), ['emotional-isolation', 'emotional-detachment']);
  t.same(slugs(repo.get('strategies', 'identifying-triggers')!.topics), ['emotional-isolation', 'emotional-withdrawal']);
});

t.test('records per topic: each topic gets exactly its own records, in editorial order', async (t) => {
  for (const collection of COLLECTIONS) {
    for (const topic of TOPIC_ORDER) {
      const expected = slugs(seedRecords(collection).filter((r) => r.topics.some((x) => x.slug === topic)));
      t.same(slugs(repo.forTopic(collection, topic)), expected, `${collection} of ${topic}`);
      const page = repo.list(collection, { ...everything, topics: [topic] });
      t.same(slugs(page.items), expected, `${collection}?topic=${topic}`);
      t.equal(page.total, expected.length);
    }
  }
  t.equal(repo.forTopic('signs', 'emotional-isolation').length, 5, 'five signs of isolation');
  t.equal(repo.forTopic('signs', 'emotional-detachment').length, 10, 'ten signs of detachment');
});

t.test('filters: several topics keep a record linked to any of them; facets must all match', async (t) => {
  const signs = seedRecords('signs');
  const two = repo.list('signs', { ...everything, topics: ['emotional-isolation', 'emotional-detachment'] });
  const expectedTwo = signs.filter((r) => r.topics.some((x) => x.slug === 'emotional-isolation' || x.slug === 'emotional-detachment'));
  t.same(slugs(two.items), slugs(expectedTwo), 'either topic');
  t.equal(two.total, 12);

  const emotional = repo.list('signs', { ...everything, facets: { kind: ['emotional'] } });
  t.same(slugs(emotional.items), slugs(signs.filter((r) => r.facets.kind === 'emotional')), 'kind=emotional');
  t.equal(emotional.total, 9);

  const either = repo.list('signs', { ...everything, facets: { kind: ['emotional', 'cognitive'] } });
  t.same(
    slugs(either.items),
    slugs(signs.filter((r) => r.facets.kind === 'emotional' || r.facets.kind === 'cognitive')),
    'a facet matches any of its values',
  );

  const both = repo.list('signs', { ...everything, facets: { kind: ['relational'], setting: ['romantic-relationship'] } });
  t.same(
    slugs(both.items),
    ['being-emotionally-unavailable', 'poor-communication-with-a-partner', 'reduced-affection'],
    'every facet must match',
  );

  const withTopic = repo.list('signs', { ...everything, topics: ['emotional-withdrawal'], facets: { kind: ['behavioural'] } });
  t.same(
    slugs(withTopic.items),
    slugs(signs.filter((r) => r.facets.kind === 'behavioural' && r.topics.some((x) => x.slug === 'emotional-withdrawal'))),
    'topic and facet together',
  );

  t.same(repo.list('signs', { ...everything, facets: { kind: undefined } }).total, signs.length, 'a facet left unset filters nothing');
  t.same(repo.list('signs', { ...everything, facets: { kind: [] } }).total, 0, 'a facet with no allowed value keeps nothing');
  t.same(repo.list('signs', { ...everything, topics: ['no-such-topic'] }).total, 0, 'an unknown topic keeps nothing');
  t.same(repo.list('signs', { ...everything, facets: { nonesuch: ['x'] } }).total, 0, 'a field records lack matches nothing');
});

t.test('every sort key, ascending and descending (-key), ties broken by slug', async (t) => {
  for (const collection of ['signs', 'strategies', 'therapies'] as RecordCollection[]) {
    const records = seedRecords(collection);
    for (const key of SORT_KEYS) {
      for (const descending of [false, true]) {
        const page = repo.list(collection, { ...everything, sort: { key, descending } });
        const expected = sortedLikeTheApi<SeedRecord>(records, key, descending);
        t.same(slugs(page.items), slugs(expected), `${collection} sort=${descending ? '-' : ''}${key}`);
      }
    }
  }
  // The seed's orders run past 100, so a sort that compared them as text would put 100 before 20.
  t.same(slugs(repo.list('signs', { ...everything, sort: { key: 'order', descending: true }, limit: 2 }).items), [
    'reduced-affection',
    'poor-communication-with-a-partner',
  ]);
  // Every sign was reviewed on the same day: the order is the slug's, reversed for -reviewedAt.
  t.equal(
    repo.list('signs', { ...everything, sort: { key: 'reviewedAt', descending: true }, limit: 1 }).items[0]!.slug,
    'withholding-communication',
  );
});

t.test('paging: a window of the sorted list, total counting every match', async (t) => {
  const all = slugs(repo.all('signs'));
  t.equal(all.length, 23);
  const page = (limit: number, offset: number, sortKey: SortKey = 'order') =>
    repo.list('signs', { sort: { key: sortKey, descending: false }, limit, offset });
  t.same(slugs(page(5, 0).items), all.slice(0, 5), 'the first page');
  t.same(slugs(page(5, 5).items), all.slice(5, 10), 'the next page starts right after');
  t.same(slugs(page(5, 20).items), all.slice(20), 'the last page is short');
  t.equal(page(5, 20).total, 23, 'total counts every match, not the page');
  t.same(page(5, 23).items, [], 'past the end: nothing');
  t.equal(page(5, 23).total, 23);
  t.same(slugs(page(1, 22).items), [all[22]], 'the very last one');
  const byTitle = slugs(repo.list('signs', { ...everything, sort: { key: 'title', descending: false } }).items);
  t.same(slugs(page(4, 3, 'title').items), byTitle.slice(3, 7), 'a window of another order');
  const pages = [0, 7, 14, 21].flatMap((offset) => slugs(page(7, offset, 'slug').items));
  t.same(pages, [...all].sort(), 'pages join up without gaps or repeats');
});

t.test('sources: in order, filtered by kind, sorted and paged, with their citation', async (t) => {
  const all = repo.allSources();
  t.same(
    slugs(all),
    seed.sources.map((s) => s.slug),
    'all sources, in the seed order',
  );
  // More sources than one page holds (100 at most): every page in turn.
  type SourceQuery = Parameters<typeof repo.listSources>[0];
  const everyPage = (query: SourceQuery) => {
    const items = [];
    for (let offset = 0; offset < all.length; offset += query.limit) items.push(...repo.listSources({ ...query, offset }).items);
    return items;
  };
  const whole = { sort: { key: 'order' as const, descending: false }, limit: 100, offset: 0 };
  t.ok(all.length > whole.limit, 'more sources than one page');
  t.same(slugs(everyPage(whole)), slugs(all));
  const articles = repo.listSources({ ...whole, kinds: ['article'] });
  t.same(slugs(articles.items), ['detachment-article', 'isolation-article', 'withdrawal-article'], 'kind=article');
  t.equal(articles.total, 3);
  t.equal(repo.listSources({ ...whole, kinds: ['reference'] }).total, seed.sources.length - 3, 'kind=reference');
  t.equal(repo.listSources({ ...whole, kinds: ['article', 'reference'] }).total, seed.sources.length, 'either kind');
  for (const key of ['order', 'title', 'slug'] as const) {
    for (const descending of [false, true]) {
      t.same(
        slugs(everyPage({ ...whole, sort: { key, descending } })),
        slugs(sortedLikeTheApi([...all], key, descending)),
        `sources sort=${descending ? '-' : ''}${key}`,
      );
    }
  }
  const paged = repo.listSources({ ...whole, sort: { key: 'title', descending: true }, limit: 4, offset: 2 });
  t.same(slugs(paged.items), slugs(sortedLikeTheApi([...all], 'title', true)).slice(2, 6));
  t.equal(paged.total, all.length);

  for (const { slug, data, body } of seed.sources) {
    const source = repo.getSource(slug)!;
    t.match(
      source,
      {
        slug,
        title: data.title,
        publisher: data.publisher,
        url: data.url ?? null,
        doi: data.doi ?? null,
        authority: data.authority,
        kind: data.kind,
        description: body,
        authors: data.authors,
        editors: data.editors,
        accessed: data.accessed ?? null,
        published: data.published ?? null,
        updated: data.updated ?? null,
      },
      slug,
    );
    t.ok(source.citation.includes(data.title), `${slug}: the citation names the work`);
  }
  t.match(repo.getSource('dvir-2014')!.citation, /^Dvir, Y\., .*\(2014\)\. .*https:\/\/doi\.org\/10\./, 'an APA reference');
});

t.test('look-ups stay inside their collection', async (t) => {
  t.equal(repo.get('signs', 'emotional-numbness')?.slug, 'emotional-numbness');
  t.equal(repo.get('causes', 'emotional-numbness'), undefined, 'a sign is not a cause');
  t.equal(repo.get('signs', 'emotional-isolation'), undefined, 'a topic is not a sign');
  t.equal(repo.get('signs', 'dvir-2014'), undefined, 'a source is not a sign');
  t.equal(repo.getTopic('emotional-numbness'), undefined, 'a sign is not a topic');
  t.equal(repo.hasTopic('emotional-numbness'), false);
  t.equal(repo.hasTopic('no-such-topic'), false);
  t.equal(repo.getSource('emotional-isolation'), undefined, 'a topic is not a source');
  t.equal(repo.getSource('journaling'), undefined, 'a strategy is not a source');
  t.equal(repo.getSource('no-such-source'), undefined);
  t.equal(repo.get('signs', 'no-such-sign'), undefined);
});

t.test('a registry with fewer types loads only those; asking for another collection says which', async (t) => {
  const signsOnly = new ContentRepository(
    store.db,
    CONTENT_REGISTRY.filter((e) => e.collection === 'signs'),
  );
  t.equal(signsOnly.all('signs').length, 23);
  t.throws(() => signsOnly.all('faqs'), /no collection faqs/);
  t.throws(() => signsOnly.list('faqs', everything), /no collection faqs/);
  t.throws(() => signsOnly.forTopic('faqs', 'emotional-isolation'), /no collection faqs/);
  t.equal(signsOnly.get('faqs', 'how-long-does-recovery-take'), undefined);
});

t.test('a damaged store is refused, naming the missing row', async (t) => {
  const { edited } = editableStore(t, storePath);
  const open = (sql: string) => () => edited(sql, (db) => new ContentRepository(db));
  t.throws(
    open("delete from sources where slug = 'dvir-2014'"),
    /The content store has no source dvir-2014, which another row refers to\./,
  );
  t.throws(open("delete from topics where slug = 'emotional-detachment'"), /no topic emotional-detachment/, 'a comparison names it');
  t.throws(
    open("insert into record_topics (record_type, record_slug, topic_slug) values ('sign', 'emotional-numbness', 'no-such-topic')"),
    /no topic no-such-topic/,
    'a record links it',
  );
  t.doesNotThrow(open("delete from record_topics where record_slug = 'emotional-numbness'"), 'a record without topics is not damage');
});

t.test('a record with no topics or sources in the store gets empty lists', async (t) => {
  const { edited } = editableStore(t, storePath);
  const bare = edited(
    "delete from record_topics where record_slug = 'emotional-numbness'; delete from record_sources where record_slug = 'emotional-numbness'; delete from record_sources where record_slug = 'emotional-isolation'",
    (db) => new ContentRepository(db),
  );
  const numbness = bare.get('signs', 'emotional-numbness') as ContentRecord;
  t.same(numbness.topics, []);
  t.same(numbness.sources, []);
  t.same(bare.getTopic('emotional-isolation')!.sources, []);
  t.equal(bare.forTopic('signs', 'emotional-isolation').length, 4, 'no longer listed under its topic');
});

// Left alive, equivalent: the number-or-text test in the comparator (a sort key's values are all
// numbers or all text), skipping the shortcut for the editorial order (the records are kept in
// that order, so sorting them by it again changes nothing), and the text a missing facet is
// compared as (no facet value is empty or anything like it).
