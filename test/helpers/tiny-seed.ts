import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { CONTENT_REGISTRY, type Registry } from '../../src/content/registry.js';
import { TOPIC_SLUGS } from '../../src/content/vocabulary.js';
import { scratchDir } from './store.js';

// The smallest valid seed folder: the site notices, one source, the three required topics, one
// sign, an empty folder for every other collection and the international help answer. Loading
// or building it takes milliseconds, so the seed modules' unit tests (and their mutants) can
// afford a fresh one per test; each test then breaks or changes only what it is about.

interface Teardown {
  teardown(fn: () => unknown): void;
}

type Data = Record<string, unknown>;

const REVIEW = { reviewedAt: '2026-01-01', nextReviewAt: '2027-01-01', reviewType: 'editorial' };

/** A Markdown file with YAML front-matter, as an editor would write it. */
export const markdown = (data: Data, body = 'Some text.') => matter.stringify(`${body}\n`, data);

export const topicData = (slug: string): Data => ({
  title: `Topic ${slug}`,
  summary: 'A short summary.',
  sources: [{ slug: 'a-source', supports: 'What the record says.' }],
  ...REVIEW,
  definition: `The definition of ${slug}.`,
  keyPoints: ['One point.'],
  comparisons: [
    { concept: 'Loneliness', text: 'How it differs.' },
    ...TOPIC_SLUGS.filter((s) => s !== slug).map((topic) => ({ topic, text: 'Compared.' })),
  ],
});

/** The fields every record type shares (an FAQ needs nothing more). */
export const recordData = (extra: Data = {}): Data => ({
  title: 'Numbness',
  summary: 'Feelings seem far away.',
  sources: [{ slug: 'a-source', supports: 'What the record says.' }],
  topics: ['emotional-isolation'],
  ...REVIEW,
  ...extra,
});

export const signData = (extra: Data = {}): Data => recordData({ kind: 'emotional', ...extra });

export const sourceData = (extra: Data = {}): Data => ({
  title: 'A source',
  publisher: 'A publisher',
  kind: 'article',
  authority: 'secondary',
  ...extra,
});

export const helpData = (extra: Data = {}): Data => ({
  name: 'Anywhere else',
  emergency: { text: 'Call your local emergency number.' },
  lines: [],
  doctor: { sources: [{ title: 'A page', publisher: 'A service', url: 'https://example.org/doctor' }], reviewedAt: '2026-01-01' },
  reviewedAt: '2026-01-01',
  nextReviewAt: '2027-01-01',
  ...extra,
});

export interface TinySeed {
  /** The seed folder (named `seed`, as problems name files `seed/...`). */
  root: string;
  /** Writes a file under the seed folder (creating its folder). */
  write(path: string, text: string): void;
  remove(path: string): void;
}

export function tinySeed(t: Teardown, registry: Registry = CONTENT_REGISTRY): TinySeed {
  const root = join(scratchDir(t, 'tiny-seed-'), 'seed');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('site.md', markdown({ disclaimer: 'Not a diagnosis.', crisis: 'Call for help now.' }, ''));
  write('sources/a-source.md', markdown(sourceData(), 'What the source is.'));
  for (const slug of TOPIC_SLUGS) write(`topics/${slug}.md`, markdown(topicData(slug), `About ${slug}.`));
  for (const { collection } of registry) mkdirSync(join(root, collection), { recursive: true });
  write('signs/numbness.md', markdown(signData(), 'Feelings can seem muted.'));
  write('help/international.md', markdown(helpData(), 'See a doctor if it lasts.'));
  return { root, write, remove: (path) => rmSync(join(root, path), { recursive: true, force: true }) };
}
