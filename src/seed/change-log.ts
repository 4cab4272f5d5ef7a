import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANGE_TYPES, type ChangeType } from '../content/types.js';
import { SLUG_PATTERN } from '../content/vocabulary.js';
import { SeedError } from './load.js';

// seed/changes.json: the content's history, kept beside the content so that it survives rebuilds,
// fresh and shallow clones (git history is not needed). One entry per content version, in the
// order they were recorded, each listing what happened to which record. Written only by
// `npm run changes:record` (src/seed/record-changes.ts), which appends; never edited by hand.

export const CHANGE_LOG_FILE = 'changes.json';

const ABOUT =
  'Append-only history of the content: one entry per content version, with what was created, updated, removed or renamed. Written by `npm run changes:record`; do not edit by hand. See seed/README.md.';

const HEX16 = /^[0-9a-f]{16}$/;
const slug = z.string().regex(SLUG_PATTERN, 'must be a slug');
const hash = z.string().regex(HEX16, 'must be 16 hex digits');
const type = z.enum(CHANGE_TYPES);

const loggedChange = z.discriminatedUnion('change', [
  z.strictObject({ type, slug, change: z.enum(['created', 'updated']), hash }),
  z.strictObject({ type, slug, change: z.literal('renamed'), newSlug: slug, hash }),
  z.strictObject({ type, slug, change: z.literal('removed') }),
]);

const loggedVersion = z.strictObject({
  version: z.string().regex(HEX16, 'must be a content version (16 hex digits)'),
  at: z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC (2026-11-29T17:00:00Z)' }),
  changes: z.array(loggedChange),
});

const changeLogSchema = z
  .strictObject({ about: z.string().optional(), versions: z.array(loggedVersion) })
  .superRefine(({ versions }, ctx) => {
    versions.forEach((v, i) => {
      const previous = versions[i - 1];
      if (previous && Date.parse(v.at) < Date.parse(previous.at))
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'at'], message: 'is earlier than the version before it' });
    });
  });

export type LoggedChange = z.output<typeof loggedChange>;
export type LoggedVersion = z.output<typeof loggedVersion>;
export type ChangeLog = { versions: LoggedVersion[] };

/** What the log says the content was after its last version: each record's hash, by `type:slug`. */
export interface RecordedItem {
  type: ChangeType;
  slug: string;
  hash: string;
}

export const itemKey = (type: ChangeType, slug: string) => `${type}:${slug}`;

/** Reads and validates seed/changes.json; a seed without one has no history yet. */
export function readChangeLog(seedDir: string): ChangeLog {
  const path = join(seedDir, CHANGE_LOG_FILE);
  const file = `seed/${CHANGE_LOG_FILE}`;
  if (!existsSync(path)) return { versions: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedError([{ file, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  const result = changeLogSchema.safeParse(raw);
  if (!result.success)
    throw new SeedError(result.error.issues.map((i) => ({ file, field: i.path.join('.') || undefined, message: i.message })));
  return result.data;
}

/** The content as the log last recorded it: every record's hash after replaying every change. */
export function recordedState(log: ChangeLog): Map<string, RecordedItem> {
  const state = new Map<string, RecordedItem>();
  for (const { changes } of log.versions) {
    for (const c of changes) {
      state.delete(itemKey(c.type, c.slug));
      if (c.change === 'removed') continue;
      const slugNow = c.change === 'renamed' ? c.newSlug : c.slug;
      state.set(itemKey(c.type, slugNow), { type: c.type, slug: slugNow, hash: c.hash });
    }
  }
  return state;
}

// One change per line and a fixed key order: appending a version adds lines and touches none
// before it (but the comma after the previous version), so diffs and reviews stay small.
const changeLine = (c: LoggedChange) =>
  JSON.stringify({
    type: c.type,
    slug: c.slug,
    change: c.change,
    ...('newSlug' in c ? { newSlug: c.newSlug } : {}),
    ...('hash' in c ? { hash: c.hash } : {}),
  });

export function serializeChangeLog(log: ChangeLog): string {
  const versions = log.versions.map((v) => {
    const changes = v.changes.map((c) => `        ${changeLine(c)}`).join(',\n');
    return `    {\n      "version": ${JSON.stringify(v.version)},\n      "at": ${JSON.stringify(v.at)},\n      "changes": [${changes ? `\n${changes}\n      ` : ''}]\n    }`;
  });
  return `{\n  "about": ${JSON.stringify(ABOUT)},\n  "versions": [${versions.length ? `\n${versions.join(',\n')}\n  ` : ''}]\n}\n`;
}

export function writeChangeLog(seedDir: string, log: ChangeLog): void {
  writeFileSync(join(seedDir, CHANGE_LOG_FILE), serializeChangeLog(log));
}
