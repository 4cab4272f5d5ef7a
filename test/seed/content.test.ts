import Database from 'better-sqlite3';
import t from 'tap';
import { CONTENT_REGISTRY } from '../../src/content/registry.js';
import { buildScratchStore } from '../helpers/store.js';

// The content itself, checked in the built store: what partners will actually be served.
const storePath = buildScratchStore(t);
const db = new Database(storePath, { readonly: true });
t.teardown(() => db.close());
const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const topicsOf = (type: string, slug: string) =>
  all<{ topic_slug: string }>(
    'select topic_slug from record_topics where record_type = ? and record_slug = ? order by topic_slug',
    type,
    slug,
  ).map((r) => r.topic_slug);

const COLLECTIONS = CONTENT_REGISTRY.map((c) => c.collection);
const TYPES: Record<string, string> = Object.fromEntries(CONTENT_REGISTRY.map((c) => [c.collection, c.type]));

t.test('three topics, each compared with the other two', async (t) => {
  const topics = all<{ slug: string }>('select slug from topics order by sort_order').map((r) => r.slug);
  t.same(topics, ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment']);
  for (const topic of topics) {
    const others = all<{ other_topic_slug: string | null }>('select other_topic_slug from topic_comparisons where topic_slug = ?', topic)
      .map((r) => r.other_topic_slug)
      .filter(Boolean);
    t.same(new Set(others), new Set(topics.filter((x) => x !== topic)), `${topic} compares with the other topics`);
  }
  const concepts = all<{ concept: string }>(
    "select concept from topic_comparisons where topic_slug = 'emotional-isolation' and concept is not null",
  ).map((r) => r.concept.toLowerCase());
  t.ok(concepts.includes('loneliness'), 'isolation is set apart from loneliness');
  t.ok(concepts.includes('physical isolation'), 'isolation is set apart from physical isolation');
});

t.test('every topic has content in every main collection', async (t) => {
  for (const topic of ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment']) {
    for (const type of ['sign', 'cause', 'strategy', 'therapy', 'faq']) {
      const { n } = db.prepare('select count(*) as n from record_topics where topic_slug = ? and record_type = ?').get(topic, type) as {
        n: number;
      };
      t.ok(n >= 1, `${topic} has at least one ${type} (${n})`);
    }
  }
});

t.test('shared concepts are one record linked to several topics', async (t) => {
  const all3 = ['emotional-detachment', 'emotional-isolation', 'emotional-withdrawal'];
  // The detachment article names no specific therapy, so CBT is linked where a source names it.
  t.same(topicsOf('therapy', 'cognitive-behavioural-therapy'), ['emotional-isolation', 'emotional-withdrawal'], 'CBT');
  t.same(topicsOf('therapy', 'counselling'), all3, 'professional counselling');
  t.same(topicsOf('cause', 'mental-health-conditions'), all3, 'mental health conditions');
  t.same(topicsOf('sign', 'emotional-numbness'), all3, 'numbness');
  t.same(topicsOf('cause', 'trauma-and-painful-experiences'), all3, 'trauma');
  t.same(topicsOf('strategy', 'mindfulness-and-meditation'), all3, 'mindfulness');
  t.same(topicsOf('strategy', 'journaling'), ['emotional-isolation', 'emotional-withdrawal'], 'journaling');
  t.same(topicsOf('therapy', 'peer-support-groups'), ['emotional-isolation', 'emotional-withdrawal'], 'support groups');
  const numbnessTitles = all<{ slug: string }>("select slug from signs where title like '%numb%'");
  t.equal(numbnessTitles.length, 1, 'numbness is not duplicated per topic');
});

t.test('every record cites at least one source and has review dates', async (t) => {
  for (const collection of COLLECTIONS) {
    const uncited = all<{ slug: string }>(
      `select slug from ${collection} where slug not in (select record_slug from record_sources where record_type = ?)`,
      TYPES[collection],
    );
    t.same(uncited, [], `every ${collection} record cites a source`);
    const undated = all(`select slug from ${collection} where reviewed_at is null or next_review_at <= reviewed_at`);
    t.same(undated, [], `every ${collection} record has review dates in order`);
  }
  const uncitedTopics = all(
    "select slug from topics where slug not in (select record_slug from record_sources where record_type = 'topic')",
  );
  t.same(uncitedTopics, []);
  const secondary = all<{ source_slug: string }>(
    "select distinct source_slug from record_sources where source_slug in ('dvir-2014','foa-hearst-ikeda-1996','gunther-2020')",
  );
  t.equal(secondary.length, 3, "the detachment article's own references are kept as secondary sources");
});

t.test('strategies, therapies and signs carry their facets', async (t) => {
  const categories = all<{ category: string }>('select distinct category from strategies')
    .map((r) => r.category)
    .sort();
  t.same(categories, ['connection', 'coping', 'prevention', 'professional-support', 'relapse-prevention', 'self-awareness']);
  t.ok(all('select slug from strategies where first_step is not null').length >= 3, 'several strategies give a first step');
  t.same(all("select slug from therapies where when_to_consider = ''"), []);
  const therapyKinds = all<{ acronym: string | null }>('select acronym from therapies').map((r) => r.acronym);
  t.ok(therapyKinds.includes('CBT') && therapyKinds.includes('DBT'));
  t.ok(all("select slug from signs where setting = 'romantic-relationship'").length >= 3, 'relationship-specific signs of detachment');
  const contexts = all<{ slug: string }>('select slug from contexts')
    .map((r) => r.slug)
    .sort();
  t.same(contexts, [
    'addiction-recovery',
    'after-a-pregnancy-loss',
    'after-addiction-treatment',
    'after-cancer-treatment',
    'becoming-a-parent',
    'bullying',
    'caring-for-someone',
    'families',
    'grief-and-bereavement',
    'hearing-or-sight-loss',
    'lgbtq-people-and-rejection',
    'life-transitions',
    'living-with-long-term-illness-or-pain',
    'military-service-and-coming-home',
    'money-worries-and-debt',
    'moving-to-a-new-country',
    'older-adults',
    'romantic-relationships',
    'school-staff-supporting-a-pupil',
    'shift-and-night-work',
    'students-and-university',
    'workplace',
    'young-people',
  ]);
  t.equal(all('select slug from stories').length, 2, 'the two illustrative stories');
});

// The rule is about promotion in our own text, not about citing where an article lives: the
// isolation article is published on the vendor's own site, whose name is the product's, so that
// source's `publisher` and `url` (where the article can be found) are the only fields that may
// name it. Every other field of every source, and every record, is scanned.
const CITED_VENDOR_ARTICLE = { slug: 'isolation-article', fields: ['publisher', 'url'] };

t.test('no record promotes the advertised companion product', async (t) => {
  const texts: string[] = [];
  for (const table of [...COLLECTIONS, 'topics']) {
    for (const row of all<Record<string, unknown>>(`select * from ${table}`)) texts.push(JSON.stringify(row));
  }
  for (const row of all<Record<string, unknown>>('select * from sources')) {
    const scanned = Object.entries(row).filter(
      ([field]) => row.slug !== CITED_VENDOR_ARTICLE.slug || !CITED_VENDOR_ARTICLE.fields.includes(field),
    );
    texts.push(JSON.stringify(Object.fromEntries(scanned)));
  }
  const offending = texts.filter((s) => /girlfriend|ai companion|companion app|chatbot/i.test(s));
  t.same(offending, []);
});

t.test('the disclaimer and crisis guidance are stored once', async (t) => {
  const notices = all<{ key: string; text: string }>('select key, text from notices order by key');
  t.same(
    notices.map((n) => n.key),
    ['crisis', 'disclaimer'],
  );
  t.match(notices.find((n) => n.key === 'disclaimer')!.text, /not a substitute/);
  t.match(notices.find((n) => n.key === 'crisis')!.text, /emergency services|crisis line/);
});
