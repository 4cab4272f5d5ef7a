import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHANGE_TYPES, CONTENT_TYPES, type ChangeType } from '../content/types.js';
import {
  type ChangeLog,
  itemKey,
  type LoggedChange,
  type LoggedVersion,
  readChangeLog,
  recordedState,
  writeChangeLog,
} from './change-log.js';
import { type Entry, loadSeed, type SeedContent, SeedError } from './load.js';
import { contentVersion } from './version.js';

// Compares the seed with the state the change log last recorded and appends what differs as a
// new content version. A record is identified by its type and slug and its content by a hash of
// its file's text; a new slug that names an old one in `formerSlugs` is a rename, not a removal
// and a creation.

interface SeedItem {
  type: ChangeType;
  slug: string;
  hash: string;
  formerSlugs: string[];
  file: string;
}

/** The hash of a seed file's text (line endings normalised, so a checkout on Windows changes nothing). */
const fileHash = (path: string) =>
  createHash('sha256').update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);

function seedItems(seedDir: string, content: SeedContent): SeedItem[] {
  const item = (type: ChangeType, e: Entry<{ formerSlugs?: string[] }>): SeedItem => ({
    type,
    slug: e.slug,
    // Entry.file is relative to the seed folder's parent ("seed/signs/x.md").
    hash: fileHash(join(dirname(seedDir), e.file)),
    formerSlugs: e.data.formerSlugs ?? [],
    file: e.file,
  });
  return [
    ...content.topics.map((e) => item('topic', e)),
    ...CONTENT_TYPES.flatMap(({ collection, type }) => content.records[collection].map((e) => item(type, e))),
    ...content.sources.map((e) => item('source', e)),
  ];
}

/** What changed between the recorded state and the seed, ordered by type then (old) slug. */
function diff(log: ChangeLog, items: SeedItem[]): LoggedChange[] {
  const recorded = recordedState(log);
  const current = new Set(items.map((i) => itemKey(i.type, i.slug)));
  const renamedFrom = new Map<string, SeedItem>();
  const changes: LoggedChange[] = [];
  for (const item of items) {
    const before = recorded.get(itemKey(item.type, item.slug));
    if (before) {
      if (before.hash !== item.hash) changes.push({ type: item.type, slug: item.slug, change: 'updated', hash: item.hash });
      continue;
    }
    // New here: a rename when it names a recorded slug that is gone from the seed.
    const former = item.formerSlugs.filter(
      (f) => recorded.has(itemKey(item.type, f)) && !current.has(itemKey(item.type, f)) && !renamedFrom.has(itemKey(item.type, f)),
    );
    if (former.length > 1)
      throw new SeedError([
        {
          file: item.file,
          field: 'formerSlugs',
          message: `names ${former.join(' and ')}, both recorded and both gone: one record can only have been renamed from one of them`,
        },
      ]);
    const [formerSlug] = former;
    if (formerSlug !== undefined) {
      const other = items.find((i) => i !== item && i.type === item.type && i.formerSlugs.includes(formerSlug));
      if (other)
        throw new SeedError([{ file: item.file, field: 'formerSlugs', message: `"${formerSlug}" is also claimed by ${other.file}` }]);
      renamedFrom.set(itemKey(item.type, formerSlug), item);
      changes.push({ type: item.type, slug: formerSlug, change: 'renamed', newSlug: item.slug, hash: item.hash });
    } else {
      changes.push({ type: item.type, slug: item.slug, change: 'created', hash: item.hash });
    }
  }
  for (const [key, gone] of recorded) {
    if (!current.has(key) && !renamedFrom.has(key)) changes.push({ type: gone.type, slug: gone.slug, change: 'removed' });
  }
  return changes.sort((a, b) => CHANGE_TYPES.indexOf(a.type) - CHANGE_TYPES.indexOf(b.type) || a.slug.localeCompare(b.slug, 'en'));
}

export interface ChangeLogStatus {
  /** The seed's content version now. */
  version: string;
  /** The last version the log records, if any. */
  lastVersion: string | undefined;
  /** Changes in the seed that the log does not record yet. */
  pending: LoggedChange[];
  /** True when the log's last version is this content version and nothing is pending. */
  upToDate: boolean;
  log: ChangeLog;
}

/** Compares seed/changes.json with the seed (validating both). */
export function changeLogStatus(seedDir: string, migrationsDir: string): ChangeLogStatus {
  const content = loadSeed(seedDir);
  const log = readChangeLog(seedDir);
  const version = contentVersion(seedDir, migrationsDir);
  const pending = diff(log, seedItems(seedDir, content));
  const lastVersion = log.versions.at(-1)?.version;
  return { version, lastVersion, pending, upToDate: lastVersion === version && pending.length === 0, log };
}

/** ISO 8601 in UTC to the second: what the log writes. */
export const logTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Appends the seed's current version and its pending changes to seed/changes.json, unless the
 * log already ends with this version. A version with no record changes is still logged (help
 * lines, the disclaimer or the store schema changed), so that every content version the API has
 * served can be named in `/v1/changes?since=`. A seed put back to an earlier version's files (a
 * revert) logs that version id again; `since` then counts from its first appearance, which lists
 * a few changes too many rather than one too few.
 */
export function recordChanges(seedDir: string, migrationsDir: string, now = new Date()): LoggedVersion | undefined {
  const status = changeLogStatus(seedDir, migrationsDir);
  if (status.upToDate) return undefined;
  const at = logTime(now);
  const last = status.log.versions.at(-1);
  if (last && Date.parse(at) < Date.parse(last.at))
    throw new Error(`the clock says ${at}, before the last logged version (${last.at}); fix the clock and record again`);
  const version: LoggedVersion = { version: status.version, at, changes: status.pending };
  writeChangeLog(seedDir, { versions: [...status.log.versions, version] });
  return version;
}
