import t from 'tap';
import { AUTHORITATIVE } from '../../src/content/vocabulary.js';
import { loadSeed } from '../../src/seed/load.js';
import { RECORD_COLLECTIONS } from '../../src/seed/schemas.js';
import { SEED_DIR } from '../helpers/store.js';

// Life situations people search for that had no record: each has a context that points readers
// on to what already exists, rests on evidence a clinician accepts, and points to urgent help
// wherever it talks about suicide, depression or PTSD.
const SITUATIONS = [
  'grief-and-bereavement',
  'becoming-a-parent',
  'caring-for-someone',
  'young-people',
  'after-addiction-treatment',
  'military-service-and-coming-home',
  'living-with-long-term-illness-or-pain',
  'students-and-university',
  'school-staff-supporting-a-pupil',
  'shift-and-night-work',
  'bullying',
  'after-a-pregnancy-loss',
  'hearing-or-sight-loss',
  'moving-to-a-new-country',
  'money-worries-and-debt',
  'lgbtq-people-and-rejection',
  'after-cancer-treatment',
];
const URGENT_MATTERS = /\b(suicid\w*|ending your life|depress\w*|PTSD|post-?traumatic)/i;

const seed = loadSeed(SEED_DIR);
const contexts = new Map(seed.records.contexts.map((r) => [r.slug, r]));
const sources = new Map(seed.sources.map((s) => [s.slug, s.data]));
const known = new Set(RECORD_COLLECTIONS.flatMap((c) => seed.records[c].map((r) => `${c}/${r.slug}`)));
const authoritative = (slug: string) => {
  const s = sources.get(slug);
  return s !== undefined && (AUTHORITATIVE as readonly string[]).includes(s.authority) && (s.url !== undefined || s.doi !== undefined);
};

t.test('the urgent-matters check tells a crisis topic from everyday advice', async (t) => {
  t.match('If you have thoughts of ending your life, get help now.', URGENT_MATTERS);
  t.match('It may be PTSD if reactions last.', URGENT_MATTERS);
  t.match('Depression after a birth is common.', URGENT_MATTERS);
  t.notMatch('Take a short walk with a friend.', URGENT_MATTERS);
});

for (const slug of SITUATIONS) {
  t.test(`contexts/${slug}`, async (t) => {
    const record = contexts.get(slug);
    if (!record) return t.fail(`seed/contexts/${slug}.md exists`);
    const { data, body } = record;

    const related = data.related.filter((ref) => ref !== `contexts/${slug}` && known.has(ref));
    t.ok(related.length >= 3, `links to at least three existing records (${related.length})`);

    const cited = data.sources.map((s) => s.slug);
    t.ok(cited.some(authoritative), 'cites a public-health, professional-body or peer-reviewed source with a URL or DOI');
    t.ok(
      data.sources.every((s) => s.supports !== undefined),
      'every source says what it supports',
    );

    const text = [data.title, data.summary, body, ...data.topics.map((l) => l.note ?? '')].join('\n');
    if (URGENT_MATTERS.test(text))
      t.ok(data.signposts.includes('urgent-help'), 'discusses suicide, depression or PTSD, so it signposts urgent help');
  });
}
