import { readFileSync } from 'node:fs';
import t from 'tap';
import { AUTHORITATIVE } from '../../src/content/vocabulary.js';
import { loadSeed } from '../../src/seed/load.js';
import { RECORD_COLLECTIONS } from '../../src/seed/schemas.js';
import { SEED_DIR } from '../helpers/store.js';

// Evidence, honestly (EDITORIAL.md rule 7): clinical claims rest on an authoritative source a
// reader can follow. Therapies, impacts and causes always make such claims; elsewhere a record
// that names a condition, a treatment or a health effect does.
const ALWAYS_CLINICAL = new Set(['therapies', 'impacts', 'causes']);
const CLINICAL_TERMS =
  /\b(depress\w*|anxiety|anxious|PTSD|post-?traumatic|disorders?|diagnos\w*|medications?|medicines?|antidepressants?|SSRIs?|therap(y|ies|ist|ists)|psychiatr\w*|symptoms?|heart|blood pressure|immune|dementia|withdrawal syndrome|health risks?)\b/i;

const seed = loadSeed(SEED_DIR);
/** The sources' own reference lists, by source slug (kept outside seed/: they are the works' words). */
const REFERENCE_LISTS = (
  JSON.parse(readFileSync(new URL('../fixtures/source-references.json', import.meta.url), 'utf8')) as {
    references: Record<string, string[]>;
  }
).references;
const sources = new Map(seed.sources.map((s) => [s.slug, s.data]));
const authoritative = ({ slug }: { slug: string }) => {
  const s = sources.get(slug);
  return s !== undefined && (AUTHORITATIVE as readonly string[]).includes(s.authority) && (s.url !== undefined || s.doi !== undefined);
};

t.test('every source has a publisher, and a followable one has the date it was read', async (t) => {
  for (const { slug, data } of seed.sources) {
    t.ok(data.publisher.trim().length > 0, `${slug} names its publisher`);
    t.notMatch(data.publisher, /unnamed/i, `${slug}: no "unnamed publisher"`);
    if (data.url || data.doi) t.ok(data.accessed, `${slug} says when it was read`);
  }
});

// Addresses compared without scheme, "www.", fragment or a trailing slash (a query can name the page).
const addressOf = (url: string) => {
  const u = new URL(url);
  return `${u.hostname.replace(/^www\d*\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
};

t.test("every source's address is its own: unique in the seed, and never another work's reference", async (t) => {
  const owners = new Map<string, string[]>();
  for (const { slug, data } of seed.sources)
    for (const key of [data.url && addressOf(data.url), data.doi && `doi:${data.doi.toLowerCase()}`])
      if (key) owners.set(key, [...(owners.get(key) ?? []), slug]);
  t.same(
    [...owners].filter(([, slugs]) => slugs.length > 1),
    [],
    'no two sources share a URL or DOI',
  );
  const listed = Object.entries(REFERENCE_LISTS);
  t.same(
    listed.map(([slug]) => slug).filter((slug) => !seed.sources.some((s) => s.slug === slug)),
    [],
    'every reference list belongs to a source of the seed',
  );
  const referenced = listed.flatMap(([slug, urls]) => urls.map((r) => ({ by: slug, address: addressOf(r) })));
  t.ok(referenced.length >= 5, "the withdrawal article's reference list is recorded");
  const borrowed = seed.sources.flatMap(({ slug, data }) =>
    referenced
      .filter((r) => r.by !== slug && data.url && addressOf(data.url) === r.address)
      .map((r) => `${slug} is at an address ${r.by} lists as a reference`),
  );
  t.same(borrowed, [], "no source is cited at an address that is another work's reference");
  t.notOk(
    seed.sources.some(({ slug, data }) => data.url && (REFERENCE_LISTS[slug] ?? []).some((r) => addressOf(r) === addressOf(data.url!))),
    'and no work lists itself',
  );
});

t.test('every clinical record cites an authoritative source with a URL or DOI', async (t) => {
  const missing: string[] = [];
  for (const { slug, data, body } of seed.topics) {
    if (!data.sources.some(authoritative)) missing.push(`topics/${slug}`);
    void body;
  }
  for (const collection of RECORD_COLLECTIONS) {
    for (const { slug, data, body } of seed.records[collection]) {
      const extra = data as { whenToConsider?: string };
      const clinical =
        ALWAYS_CLINICAL.has(collection) || CLINICAL_TERMS.test([data.title, data.summary, body, extra.whenToConsider ?? ''].join('\n'));
      if (clinical && !data.sources.some(authoritative)) missing.push(`${collection}/${slug}`);
    }
  }
  t.same(missing, [], 'records making clinical claims without an authoritative source');
});

t.test('the check can tell an authoritative source from a secondary one', async (t) => {
  const secondary = seed.sources.find((s) => s.data.authority === 'secondary');
  t.ok(secondary, 'there is a secondary source');
  t.notOk(authoritative(secondary!), 'a secondary source does not count');
  t.notOk(authoritative({ slug: 'no-such-source' }), 'an unknown source does not count');
});
