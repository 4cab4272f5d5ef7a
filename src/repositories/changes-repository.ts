import { asc, eq } from 'drizzle-orm';
import type { ChangeType } from '../content/types.js';
import type { CHANGE_KINDS } from '../content/vocabulary.js';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema.js';
import type { Page } from './content-repository.js';

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One entry of the content's history, oldest first. */
export interface Change {
  version: string;
  at: string;
  type: ChangeType;
  slug: string;
  change: ChangeKind;
  newSlug: string | null;
}

/** Where to start: after a content version (its first appearance) or after a moment. */
export type Since = { version: string } | { after: Date };

/** What became of a slug that no longer names a record. */
export type Fate = { kind: 'renamed'; to: string; at: string; version: string } | { kind: 'removed'; at: string; version: string };

/**
 * Read access to the change log the store carries (seed/changes.json as built). Like the content,
 * it is read whole when the store opens; the log is small (one row per change).
 */
export class ChangesRepository {
  /** Which seed/changes.json the store was built from (a store rebuilt after recording differs only here). */
  readonly logHash: string;
  private readonly changes: Change[];
  private readonly times: number[];
  /** Index of the first change after each version's first appearance. */
  private readonly startAfter = new Map<string, number>();
  /** The position in the log of the last change that named each `type:slug`, for slugs that went away. */
  private readonly last = new Map<string, number>();

  constructor(db: Db) {
    this.logHash = db.select().from(schema.storeMeta).where(eq(schema.storeMeta.key, 'change_log')).get()?.value ?? 'none';
    const versions = db.select().from(schema.contentVersions).orderBy(asc(schema.contentVersions.position)).all();
    const rows = db
      .select()
      .from(schema.contentChanges)
      .orderBy(asc(schema.contentChanges.versionPosition), asc(schema.contentChanges.position))
      .all();
    const byPosition = new Map(versions.map((v) => [v.position, v]));
    this.changes = rows.map((r) => {
      const v = byPosition.get(r.versionPosition);
      if (!v) throw new Error(`The store's change ${r.position} names version ${r.versionPosition}, which it does not have.`);
      // The store's rows type `type` loosely (text); the log schema checked it when the store was built.
      return { version: v.version, at: v.at, type: r.type as ChangeType, slug: r.slug, change: r.change, newSlug: r.newSlug };
    });
    this.times = this.changes.map((c) => Date.parse(c.at));
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.versionPosition, (counts.get(r.versionPosition) ?? 0) + 1);
    let index = 0;
    for (const v of versions) {
      index += counts.get(v.position) ?? 0;
      if (!this.startAfter.has(v.version)) this.startAfter.set(v.version, index);
    }
    this.changes.forEach((c, i) => this.last.set(`${c.type}:${c.slug}`, i));
  }

  /** True when the log names this content version. */
  knows(version: string): boolean {
    return this.startAfter.has(version);
  }

  /** Changes after `since` (all of them without it), oldest first, in log order. */
  list(since: Since | undefined, limit: number, offset: number): Page<Change> {
    let start = 0;
    if (since && 'version' in since) start = this.startAfter.get(since.version) ?? this.changes.length;
    else if (since) {
      // Versions are logged in time order, so the changes after a moment are a tail of the log.
      const after = since.after.getTime();
      start = this.times.findIndex((t) => t > after);
      if (start === -1) start = this.changes.length;
    }
    const total = this.changes.length - start;
    return { total, items: this.changes.slice(start + offset, start + Math.min(offset + limit, total)) };
  }

  /**
   * What became of a slug that no record has now: renamed (followed through later renames to
   * the slug it has now) or removed; undefined when the log never knew it, or when its last
   * change left it in place (a store whose log is behind its seed).
   */
  fate(type: ChangeType, slug: string): Fate | undefined {
    const at = this.last.get(`${type}:${slug}`);
    const first = at === undefined ? undefined : this.changes[at];
    if (at === undefined || !first || (first.change !== 'renamed' && first.change !== 'removed')) return undefined;
    let step: Change = first;
    let position = at;
    // A renamed record may have been renamed again, or removed, since. Only a change logged after
    // the rename counts: one before it happened to an earlier record that had the slug (removed
    // or renamed away, so the slug was free). Positions only grow, so following always ends.
    // The log schema gives every rename its new slug (newSlug is null only for other changes).
    while (step.change === 'renamed' && step.newSlug !== null) {
      const next = this.last.get(`${type}:${step.newSlug}`);
      const change = next === undefined ? undefined : this.changes[next];
      if (next === undefined || next <= position || !change || (change.change !== 'renamed' && change.change !== 'removed')) break;
      position = next;
      step = change;
    }
    if (step.change === 'removed') return { kind: 'removed', at: step.at, version: step.version };
    return step.newSlug === null ? undefined : { kind: 'renamed', to: step.newSlug, at: first.at, version: first.version };
  }
}
