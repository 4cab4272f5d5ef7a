import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { SLUG_PATTERN, TOPIC_SLUGS } from '../content/vocabulary.js';
import { checkCodes, type HelpFirstCode, loadHelpFirst, officialTitles } from './codes.js';
import { helpFileSlug, helpSchema, type SeedHelp } from '../content/help-directory.js';
import { CONTENT_REGISTRY, type Registry } from '../content/registry.js';
import type { RecordCollection } from '../content/registry.js';
import { type SeedRecord, seedSchemaOf, siteSchema, sourceSchema, topicSchema } from './schemas.js';

export interface SeedProblem {
  file: string;
  field?: string;
  message: string;
}

/** Thrown when the seed is invalid; lists every problem, each naming its file (and field). */
export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The content in seed/ is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.field ? ` → ${p.field}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'SeedError';
  }
}

export interface Entry<T> {
  slug: string;
  file: string;
  data: T;
  body: string;
}

export interface SeedContent {
  site: z.output<typeof siteSchema>;
  sources: Entry<z.output<typeof sourceSchema>>[];
  topics: Entry<z.output<typeof topicSchema>>[];
  /** By collection: every collection of the registry the seed was loaded with. */
  records: Record<RecordCollection, Entry<SeedRecord>[]>;
  /** Crisis help by region (seed/help/<region>.md) plus the international answer. */
  help: Entry<SeedHelp>[];
  /** Codes answered with the help directory first (seed/codes/help-first.md). */
  helpFirst: HelpFirstCode[];
}

interface ParsedFile {
  file: string;
  data: unknown;
  body: string;
}

function readMarkdown(root: string, path: string, problems: SeedProblem[]): ParsedFile | undefined {
  const file = relative(join(root, '..'), path);
  const raw = readFileSync(path, 'utf8');
  try {
    // A fresh options object defeats gray-matter's cache, which would hide edits in watch mode.
    const parsed = matter(raw, {});
    return { file, data: parsed.data, body: parsed.content.trim() };
  } catch (error) {
    problems.push({ file, message: `front-matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, parsed: ParsedFile, problems: SeedProblem[]): z.output<S> | undefined {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: parsed.file, field: issue.path.join('.') || undefined, message: issue.message });
  }
  return undefined;
}

function loadFolder<S extends z.ZodType>(root: string, folder: string, schema: S, problems: SeedProblem[]): Entry<z.output<S>>[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) {
    problems.push({ file: `seed/${folder}`, message: 'folder is missing' });
    return [];
  }
  const entries: Entry<z.output<S>>[] = [];
  const bySlug = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!name.endsWith('.md')) {
      problems.push({ file: relative(join(root, '..'), path), message: 'only Markdown (.md) files belong here' });
      continue;
    }
    const parsed = readMarkdown(root, path, problems);
    if (!parsed) continue;
    const data = validate(schema, parsed, problems);
    if (!data) continue;
    const declared = (data as { slug?: string }).slug;
    const slug = declared ?? basename(name, '.md');
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({ file: parsed.file, field: 'slug', message: `file name "${name}" is not a valid slug; rename it or set slug:` });
      continue;
    }
    const twin = bySlug.get(slug);
    if (twin) {
      problems.push({ file: parsed.file, field: 'slug', message: `duplicate slug "${slug}": already used by ${twin}` });
      continue;
    }
    if (!parsed.body) problems.push({ file: parsed.file, field: 'body', message: 'the Markdown body is empty' });
    const dates = data as { reviewedAt?: string; nextReviewAt?: string };
    if (dates.reviewedAt && dates.nextReviewAt && dates.nextReviewAt <= dates.reviewedAt) {
      problems.push({ file: parsed.file, field: 'nextReviewAt', message: 'must be after reviewedAt' });
    }
    bySlug.set(slug, parsed.file);
    entries.push({ slug, file: parsed.file, data, body: parsed.body });
  }
  // A former slug still in use would never redirect: the record there would answer instead.
  for (const entry of entries) {
    ((entry.data as { formerSlugs?: string[] }).formerSlugs ?? []).forEach((former, i) => {
      const holder = bySlug.get(former);
      if (holder)
        problems.push({
          file: entry.file,
          field: `formerSlugs.${i}`,
          message: `"${former}" is the slug of ${holder}; a former slug must no longer be in use`,
        });
    });
  }
  return entries;
}

/**
 * Every record a seed folder has a file for, valid or not (`collection/slug` by file name): a
 * link to a record whose file failed validation is that file's problem, reported once.
 */
function filedRecords(root: string, folders: readonly string[]): Set<string> {
  const filed = new Set<string>();
  for (const folder of folders) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (name.endsWith('.md')) filed.add(`${folder}/${basename(name, '.md')}`);
  }
  return filed;
}

function checkLinks(content: Omit<SeedContent, 'site'>, filed: ReadonlySet<string>, problems: SeedProblem[]): void {
  const topicSlugs = new Set(content.topics.map((t) => t.slug));
  const sourceSlugs = new Set(content.sources.map((s) => s.slug));
  for (const required of TOPIC_SLUGS) {
    if (!topicSlugs.has(required)) problems.push({ file: `seed/topics/${required}.md`, message: 'required topic is missing' });
  }
  // The API's `topic` filter is an enum of these slugs (src/schemas/queries.ts): no other topic can be served.
  for (const topic of content.topics) {
    if (!(TOPIC_SLUGS as readonly string[]).includes(topic.slug))
      problems.push({ file: topic.file, message: `is not one of the topics (${TOPIC_SLUGS.join(', ')}); the topics are fixed` });
  }
  const checkSources = (file: string, cited: { slug: string }[]) =>
    cited.forEach(({ slug: s }, i) => {
      if (!sourceSlugs.has(s)) problems.push({ file, field: `sources.${i}`, message: `unknown source "${s}" (no seed/sources/${s}.md)` });
      if (cited.findIndex((c) => c.slug === s) !== i)
        problems.push({ file, field: `sources.${i}`, message: `source "${s}" is cited twice` });
    });
  for (const topic of content.topics) {
    checkSources(topic.file, topic.data.sources);
    topic.data.comparisons.forEach((c, i) => {
      if ('topic' in c && !topicSlugs.has(c.topic)) {
        problems.push({
          file: topic.file,
          field: `comparisons.${i}.topic`,
          message: `unknown topic "${c.topic}" (no seed/topics/${c.topic}.md)`,
        });
      }
    });
  }
  const known = new Set<string>([...filed, ...content.topics.map((t) => `topics/${t.slug}`)]);
  for (const [collection, records] of Object.entries<Entry<SeedRecord>[]>(content.records))
    for (const r of records) known.add(`${collection}/${r.slug}`);
  const checkRelated = (file: string, self: string, related: string[]) =>
    related.forEach((ref, i) => {
      if (!known.has(ref)) problems.push({ file, field: `related.${i}`, message: `unknown record "${ref}" (no seed/${ref}.md)` });
      else if (ref === self) problems.push({ file, field: `related.${i}`, message: 'a record is not related to itself' });
    });
  for (const topic of content.topics) checkRelated(topic.file, `topics/${topic.slug}`, topic.data.related);
  for (const [collection, records] of Object.entries<Entry<SeedRecord>[]>(content.records)) {
    for (const record of records) {
      checkRelated(record.file, `${collection}/${record.slug}`, record.data.related);
      checkSources(record.file, record.data.sources);
      record.data.topics.forEach((t, i) => {
        if (!topicSlugs.has(t.slug)) {
          problems.push({ file: record.file, field: `topics.${i}`, message: `unknown topic "${t.slug}" (no seed/topics/${t.slug}.md)` });
        }
      });
    }
  }
}

function checkHelp(help: Entry<SeedHelp>[], problems: SeedProblem[]): void {
  for (const entry of help) {
    const expected = helpFileSlug(entry.data);
    if (entry.slug !== expected)
      problems.push({ file: entry.file, field: 'region', message: `the file for this region must be named seed/help/${expected}.md` });
  }
  if (!help.some((h) => h.slug === 'international')) {
    problems.push({ file: 'seed/help/international.md', message: 'file is missing (the answer for regions not covered)' });
  }
}

/**
 * Reads and validates every file under `root` (the seed folder), with a folder per content type of
 * `registry`. Throws SeedError listing all problems.
 */
export function loadSeed(root: string, registry: Registry = CONTENT_REGISTRY): SeedContent {
  const problems: SeedProblem[] = [];
  const sitePath = join(root, 'site.md');
  let site: z.output<typeof siteSchema> | undefined;
  if (existsSync(sitePath)) {
    const parsed = readMarkdown(root, sitePath, problems);
    if (parsed) site = validate(siteSchema, parsed, problems);
  } else {
    problems.push({ file: 'seed/site.md', message: 'file is missing (disclaimer and crisis guidance)' });
  }
  const sources = loadFolder(root, 'sources', sourceSchema, problems);
  const topics = loadFolder(root, 'topics', topicSchema, problems);
  const records = Object.fromEntries(
    registry.map((t) => [t.collection, loadFolder(root, t.collection, seedSchemaOf(t), problems)]),
  ) as SeedContent['records'];
  const help = loadFolder(root, 'help', helpSchema, problems);
  checkHelp(help, problems);
  checkLinks(
    { sources, topics, records, help, helpFirst: [] },
    filedRecords(root, ['topics', ...registry.map((t) => t.collection)]),
    problems,
  );
  const titles = officialTitles(root);
  for (const entry of [...topics, ...Object.values<Entry<SeedRecord>[]>(records).flat()])
    checkCodes(entry.file, entry.data.codes, titles, problems);
  const helpFirst = loadHelpFirst(root, titles, problems);
  // A missing or invalid site.md has already added its problem.
  if (problems.length > 0 || !site) throw new SeedError(problems);
  return { site, sources, topics, records, help, helpFirst };
}
