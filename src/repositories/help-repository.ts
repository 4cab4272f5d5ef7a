import { asc } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema.js';

type Row = typeof schema.helpRegions.$inferSelect;
export type HelpEntry = Row;
export type HelpLine = Row['lines'][number];
export type HelpService = Row['services'][number];

/**
 * Help in a crisis by region, read once when the store opens. A region not covered (or none)
 * gets the international entry: the local emergency number and a verified helpline directory.
 */
export class HelpRepository {
  private readonly byRegion = new Map<string, Row>();
  readonly international: Row;

  constructor(db: Db) {
    let international: Row | undefined;
    for (const row of db.select().from(schema.helpRegions).orderBy(asc(schema.helpRegions.slug)).all()) {
      // Priority first, then the order editors gave: the "show one number" pattern.
      const lines = [...row.lines].sort((a, b) => Number(b.priority) - Number(a.priority));
      const entry = { ...row, lines };
      if (row.region) this.byRegion.set(row.region, entry);
      else international = entry;
    }
    if (!international) throw new Error('the store holds no international help entry');
    this.international = international;
  }

  /** Covered regions, in code order. */
  regions(): string[] {
    return [...this.byRegion.keys()].sort();
  }

  /** The region's entry, or undefined when it is not covered. */
  get(region: string | undefined): Row | undefined {
    return region ? this.byRegion.get(region) : undefined;
  }
}
