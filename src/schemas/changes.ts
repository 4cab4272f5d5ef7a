import { z } from 'zod';
import { CHANGE_TYPES } from '../content/types.js';
import { CHANGE_KINDS } from '../content/vocabulary.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';
import { limit, offset } from './queries.js';

// The change feed: one entry per change in the content's history (seed/changes.json), and the
// `since` parameter that says where a partner's copy stopped.

export const CONTENT_VERSION_PATTERN = /^[0-9a-f]{16}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 / ISO 8601 extended format with a zone. A `+` offset arrives as a space when the
// client did not percent-encode it (`+` means space in a query), so a space stands for `+`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+\- ]\d{2}:\d{2})$/i;

export const SINCE_ACCEPTS =
  'must be a content version (16 hex digits, as in meta.contentVersion), an ISO 8601 date-time with a time zone (2026-11-29T17:00:00Z, 2026-11-29T18:00:00%2B01:00) or a date (2026-11-29, midnight UTC)';

// The groups come from the patterns below, where they are not optional; a missing one is no day.
const validDay = (y: string | undefined, m: string | undefined, d: string | undefined) => {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
};

/** A content version as it is (lower case), or the moment as an ISO date-time in UTC: one spelling each for cache keys and links. */
function parseSince(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (CONTENT_VERSION_PATTERN.test(lower)) return lower;
  const date = DATE.exec(value);
  if (date) return validDay(date[1], date[2], date[3]) ? `${value}T00:00:00.000Z` : undefined;
  const time = DATE_TIME.exec(value);
  if (!time || !validDay(time[1], time[2], time[3]) || Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59)
    return undefined;
  const parsed = new Date(value.toUpperCase().replace(/ (\d{2}:\d{2})$/, '+$1'));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

export const since = withExample(
  z
    .string()
    .max(64, SINCE_ACCEPTS)
    .transform((value, ctx) => {
      const parsed = parseSince(value.trim());
      if (parsed === undefined) ctx.addIssue({ code: 'custom', message: SINCE_ACCEPTS });
      return parsed ?? z.NEVER;
    })
    .optional()
    .describe(
      'Where your copy stopped: the `meta.contentVersion` of your last sync (changes in later versions), or an ISO 8601 date-time with a time zone, or a date (changes logged after it). Without it the feed starts at the beginning, so every record appears at least as created.',
    ),
  '6149d7b7b4cb0b21',
);

export const changesQuery = z.strictObject({ since, limit, offset });

export const isContentVersion = (since: string) => CONTENT_VERSION_PATTERN.test(since);

export const Change = z
  .object({
    type: namedEnum('ChangeType', CHANGE_TYPES, 'What kind of record a change is about.').describe(
      'What kind of record changed (`topic`, `sign`, … `story`, `source`).',
    ),
    slug: z.string().describe("The record's slug when it changed (for a rename, the old slug)."),
    change: namedEnum('ChangeKind', CHANGE_KINDS, 'What happened to a record.').describe(
      '`created`, `updated` (fetch `href` again), `removed` (delete your copy; its address answers 410) or `renamed` (its old address redirects to `href`).',
    ),
    newSlug: z.string().nullable().describe('For `renamed`, the slug it has now; otherwise null.'),
    at: z.string().describe('When the change was logged (ISO 8601 date-time, UTC).'),
    version: z.string().describe('The content version that made the change.'),
    href: z.string().nullable().describe('Where the record is (after a rename, the new address); null for `removed`.'),
  })
  .meta({
    // Not `Change`: openapi-python-client names a model's local variable after the model, which a
    // property called `change` would then shadow with another type (mypy --strict fails). The
    // component name is not on the wire; the public field keeps its name (docs/generated-clients.md).
    id: 'ContentChange',
    description: "One change in the content's history. Entries are listed oldest first; replaying them in order brings a copy up to date.",
    example: {
      type: 'strategy',
      slug: 'journaling',
      change: 'updated',
      newSlug: null,
      at: '2026-11-29T17:00:00Z',
      version: '6149d7b7b4cb0b21',
      href: '/v1/strategies/journaling',
    },
  });
