import { asc } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import * as schema from '../db/schema.js';
import type { CrisisNoticeValue } from '../schemas/crisis.js';

type Row = typeof schema.helpRegions.$inferSelect;
export type HelpEntry = Row;

export const HELP_PATH = '/v1/help';

/**
 * Help in a crisis by region, read once when the store opens. A region not covered (or none)
 * gets the international entry: the local emergency number and a verified helpline directory.
 */
export class HelpRepository {
  private readonly byRegion = new Map<string, Row>();
  readonly international: Row;
  private readonly notices = new Map<string, CrisisNoticeValue>();

  constructor(
    db: Db,
    private readonly message: string,
  ) {
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

  /**
   * The crisis guidance for content answers. With a covered region: its emergency advice and
   * priority line, or all its lines (priority first) when `allLines` is set (a search that
   * suggests someone may be at risk). Otherwise the international advice and directory.
   * Memoised: at most two answers per region.
   */
  crisis(region: string | undefined, allLines = false): CrisisNoticeValue {
    const key = `${region ?? ''}:${allLines}`;
    let notice = this.notices.get(key);
    if (!notice) {
      const entry = this.get(region);
      const shown = entry ? (allLines ? entry.lines : entry.lines.filter((l) => l.priority)) : [];
      notice = {
        message: this.message,
        emergency: (entry ?? this.international).emergency.text,
        emergencyNumber: entry?.emergency.number ?? null,
        region: entry ? entry.region : null,
        lines: shown.map((l) => {
          const { cost: _cost, audience: _audience, sources: _sources, reviewedAt: _reviewedAt, ...brief } = lineOf(l);
          return brief;
        }),
        directory: shown.length ? null : (this.international.directory?.url ?? null),
        help: entry ? `${HELP_PATH}?region=${entry.region}` : HELP_PATH,
      };
      this.notices.set(key, notice);
    }
    return notice;
  }
}

/** One crisis line as the API shows it, missing contact ways as null. */
export const lineOf = (l: HelpEntry['lines'][number]) => ({
  name: l.name,
  phone: l.phone ?? null,
  text: l.text ?? null,
  chat: l.chat ?? null,
  web: l.web ?? null,
  hours: l.hours ?? null,
  cost: l.cost ?? null,
  audience: l.audience,
  priority: l.priority,
  sources: l.sources,
  reviewedAt: l.reviewedAt,
});
