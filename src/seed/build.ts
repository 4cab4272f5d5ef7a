import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { CONTENT_REGISTRY, type Registry } from '../content/registry.js';
import type { SignpostKind } from '../content/help-directory.js';
import type { REVIEW_TYPES } from '../content/vocabulary.js';
import * as schema from '../db/schema.js';
import { readChangeLog } from './change-log.js';
import { indexForSearch } from './search-index.js';
import { loadSeed } from './load.js';
import { changeLogHash, contentVersion } from './version.js';

export interface BuildOptions {
  seedDir: string;
  migrationsDir: string;
  storePath: string;
  /** The content types to build (default: the app's); a test adds a throwaway one. */
  registry?: Registry;
}

export interface BuildResult {
  version: string;
  counts: Record<string, number>;
}

const recordRow = (
  slug: string,
  data: {
    title: string;
    summary: string;
    keywords: string[];
    order?: number;
    reviewedAt: string;
    nextReviewAt: string;
    reviewType: (typeof REVIEW_TYPES)[number];
    signposts: SignpostKind[];
    related: string[];
  },
  body: string,
  index: number,
) => ({
  slug,
  title: data.title,
  summary: data.summary,
  body,
  keywords: data.keywords,
  sortOrder: data.order ?? (index + 1) * 10,
  reviewedAt: data.reviewedAt,
  nextReviewAt: data.nextReviewAt,
  reviewType: data.reviewType,
  signposts: data.signposts,
  related: data.related,
});

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes what killed builds left beside the store: `<store>.building-<pid>` and its `-journal`,
 * for every pid that is no longer running (a build still running elsewhere keeps its files).
 */
export function removeStaleBuilds(storePath: string): string[] {
  const dir = dirname(storePath);
  const pattern = new RegExp(`^${basename(storePath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.building-(\\d+)(-journal)?$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Validates seed/, builds a complete store in a temporary file beside the target and only then
 * renames it over the old one (atomic on one file system): a failed build leaves the previous
 * store untouched and servable.
 */
export function buildStore({ seedDir, migrationsDir, storePath, registry = CONTENT_REGISTRY }: BuildOptions): BuildResult {
  const content = loadSeed(seedDir, registry);
  const changeLog = readChangeLog(seedDir);
  const version = contentVersion(seedDir, migrationsDir);
  mkdirSync(dirname(storePath), { recursive: true });
  const tmpPath = `${storePath}.building-${process.pid}`;
  removeStaleBuilds(storePath);
  const sqlite = new Database(tmpPath);
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('foreign_keys = ON');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsDir });
    const counts: Record<string, number> = {};
    db.transaction((tx) => {
      tx.insert(schema.notices)
        .values([
          { key: 'disclaimer', text: content.site.disclaimer },
          { key: 'crisis', text: content.site.crisis },
        ])
        .run();
      content.sources.forEach(({ slug, data, body }, i) => {
        tx.insert(schema.sources)
          .values({ slug, description: body, ...data, sortOrder: data.order ?? (i + 1) * 10 })
          .run();
      });
      const cite = (recordType: string, recordSlug: string, cited: { slug: string; supports?: string | undefined }[]) =>
        cited.forEach(({ slug: sourceSlug, supports }, position) =>
          tx
            .insert(schema.recordSources)
            .values({ recordType, recordSlug, sourceSlug, position, supports: supports ?? null })
            .run(),
        );
      const code = (
        recordType: string,
        recordSlug: string,
        codes: { system: string; code: string; title: string; reason: string; rank: number }[],
      ) =>
        codes.forEach((c) =>
          tx
            .insert(schema.recordCodes)
            .values({ ...c, recordType, recordSlug })
            .run(),
        );
      content.topics.forEach(({ slug, data, body }, i) => {
        tx.insert(schema.topics)
          .values({ ...recordRow(slug, data, body, i), definition: data.definition, keyPoints: data.keyPoints })
          .run();
        cite('topic', slug, data.sources);
        code('topic', slug, data.codes);
      });
      for (const c of content.helpFirst) tx.insert(schema.helpFirstCodes).values(c).run();
      for (const topic of content.topics) {
        topic.data.comparisons.forEach((c, position) => {
          tx.insert(schema.topicComparisons)
            .values({
              topicSlug: topic.slug,
              position,
              otherTopicSlug: 'topic' in c ? c.topic : null,
              concept: 'concept' in c ? c.concept : null,
              text: c.text,
            })
            .run();
        });
      }
      for (const entry of registry) {
        const { collection, type } = entry;
        const table = schema.recordTableOf(entry);
        const records = content.records[collection as keyof typeof content.records];
        records.forEach(({ slug, data, body }, i) => {
          // Everything beyond the shared record fields is a facet column of this type's table.
          const {
            title: _t,
            summary: _s,
            sources: cited,
            topics: linked,
            reviewedAt: _r,
            nextReviewAt: _n,
            reviewType: _rt,
            order: _o,
            keywords: _k,
            slug: _slug,
            ...facets
          } = data;
          tx.insert(table)
            .values({ ...recordRow(slug, data, body, i), ...facets })
            .run();
          for (const t of linked)
            tx.insert(schema.recordTopics)
              .values({ recordType: type, recordSlug: slug, topicSlug: t.slug, note: t.note ?? null })
              .run();
          cite(type, slug, cited);
          code(type, slug, data.codes);
        });
        counts[collection] = records.length;
      }
      for (const { slug, data, body } of content.help) {
        tx.insert(schema.helpRegions)
          .values({
            slug,
            region: data.region ?? null,
            name: data.name,
            emergency: data.emergency,
            lines: data.lines,
            services: data.services,
            directory: data.directory ?? null,
            doctor: { ...data.doctor, text: body },
            reviewedAt: data.reviewedAt,
            nextReviewAt: data.nextReviewAt,
          })
          .run();
      }
      counts.help = content.help.length;
      counts.topics = content.topics.length;
      counts.sources = content.sources.length;
      indexForSearch(tx, content, registry);
      changeLog.versions.forEach(({ version: logged, at, changes }, versionPosition) => {
        tx.insert(schema.contentVersions).values({ position: versionPosition, version: logged, at }).run();
        changes.forEach((c, position) => {
          const newSlug = c.change === 'renamed' ? c.newSlug : null;
          tx.insert(schema.contentChanges)
            .values({ versionPosition, position, type: c.type, slug: c.slug, change: c.change, newSlug })
            .run();
        });
      });
      tx.insert(schema.storeMeta)
        .values([
          { key: 'content_version', value: version },
          { key: 'change_log', value: changeLogHash(seedDir) },
          { key: 'built_at', value: new Date().toISOString() },
        ])
        .run();
    });
    const fkProblems = sqlite.pragma('foreign_key_check') as unknown[];
    if (fkProblems.length > 0) throw new Error(`store build: ${fkProblems.length} broken links`);
    sqlite.close();
    renameSync(tmpPath, storePath);
    return { version, counts };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    rmSync(tmpPath, { force: true });
    rmSync(`${tmpPath}-journal`, { force: true });
    throw error;
  }
}
