import type { HelpEntry, HelpLine, HelpRepository } from '../repositories/help-repository.js';
import type { CrisisNoticeValue } from '../schemas/crisis.js';

export const HELP_PATH = '/v1/help';

/** Where the region of an answer's crisis guidance came from (`meta.crisis.regionFrom`). */
export type RegionSource = 'region' | 'partner' | 'accept-language';

/** The region an answer's crisis guidance is for, and how it was chosen; no code means none was known. */
export interface RegionChoice {
  code: string | undefined;
  from: RegionSource | null;
}

export const NO_REGION: RegionChoice = Object.freeze({ code: undefined, from: null });
/** A region the request named itself. */
export const named = (code: string | undefined): RegionChoice => (code ? { code, from: 'region' } : NO_REGION);

/** One crisis line as the API shows it, missing contact ways as null. */
export const lineOf = (l: HelpLine) => ({
  name: l.name,
  phone: l.phone ?? null,
  text: l.text ?? null,
  chat: l.chat ?? null,
  web: l.web ?? null,
  hours: l.hours ?? null,
  areas: l.areas ?? null,
  cost: l.cost ?? null,
  audience: l.audience,
  priority: l.priority,
  sources: l.sources,
  reviewedAt: l.reviewedAt,
});

/**
 * The crisis guidance every content answer carries in `meta.crisis`: with a covered region, its
 * emergency advice and priority line, or all its lines (priority first) when a search suggests
 * someone may be at risk; otherwise the international advice and the verified helpline directory.
 * Made once per snapshot for each region, source and length.
 */
export class CrisisNotices {
  private readonly made = new Map<string, CrisisNoticeValue>();

  constructor(
    private readonly help: HelpRepository,
    private readonly message: string,
  ) {}

  notice(region: RegionChoice, allLines = false): CrisisNoticeValue {
    const key = `${region.code ?? ''}:${region.from ?? ''}:${allLines}`;
    let notice = this.made.get(key);
    if (!notice) {
      notice = this.make(this.help.get(region.code), region, allLines);
      this.made.set(key, notice);
    }
    return notice;
  }

  private make(entry: HelpEntry | undefined, region: RegionChoice, allLines: boolean): CrisisNoticeValue {
    const shown = entry ? (allLines ? entry.lines : entry.lines.filter((l) => l.priority)) : [];
    return {
      message: this.message,
      emergency: (entry ?? this.help.international).emergency.text,
      emergencyNumber: entry?.emergency.number ?? null,
      region: entry ? entry.region : null,
      regionFrom: entry ? region.from : null,
      lines: shown.map((l) => {
        const { cost: _cost, audience: _audience, sources: _sources, reviewedAt: _reviewedAt, ...brief } = lineOf(l);
        return brief;
      }),
      directory: shown.length ? null : (this.help.international.directory?.url ?? null),
      help: entry ? `${HELP_PATH}?region=${entry.region}` : HELP_PATH,
    };
  }
}
