import { z } from 'zod';
import { REGION_CODES } from './regions.js';

// Help in a crisis, one Markdown file per region under seed/help/ (plus international.md, the
// answer for anywhere not covered). The front-matter holds the numbers, each with the official
// page it was read on and the date it was checked; the body is "when to see a doctor".

const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const text = z.string().trim().min(1, 'must not be empty');
const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' });
const phone = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^[0-9 +-]{2,20}$/, 'must be digits (spaces, + and - allowed)'));

const helpSource = z.strictObject({ title: text, publisher: text, url: httpsUrl });
const sources = z.array(helpSource).min(1, 'must cite the official page each fact was read on');

/**
 * The parts of a region a line or service can be limited to, by region code. A region not listed
 * here has no parts: its lines and services serve all of it. Apps filter on these exact names.
 */
export const HELP_AREAS: Readonly<Record<string, readonly string[]>> = {
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland'],
};

/** The kinds of non-crisis help a region lists under `services`; content records point to them by kind. */
export const HELP_SERVICE_KINDS = ['domestic-abuse', 'child-protection', 'talking-therapy'] as const;
export type HelpServiceKind = (typeof HELP_SERVICE_KINDS)[number];

/**
 * What a record can point its readers to (its `signposts`): urgent help (the region's crisis
 * lines and emergency number) or a kind of support service from the same directory.
 */
export const SIGNPOST_KINDS = ['urgent-help', ...HELP_SERVICE_KINDS] as const;
export type SignpostKind = (typeof SIGNPOST_KINDS)[number];

// Where a line or service serves only some parts of its region (a nation of the UK): omitted, it serves all of it.
const areas = z.array(text).min(1, 'list at least one area, or leave the field out when it serves the whole region').optional();

// The ways to reach a line or a service: at least one of them is required.
const contact = {
  phone: phone.optional(),
  text: z.union([z.string(), z.number()]).transform(String).pipe(text).optional(),
  chat: httpsUrl.optional(),
  web: httpsUrl.optional(),
};

export const helpLineSchema = z.strictObject({
  name: text,
  ...contact,
  hours: text.optional(),
  cost: text.optional(),
  audience: text,
  areas,
  priority: z.boolean(),
  sources,
  reviewedAt: isoDate,
});

export const helpServiceSchema = z.strictObject({
  kind: z.enum(HELP_SERVICE_KINDS, { error: `must be one of: ${HELP_SERVICE_KINDS.join(', ')}` }),
  name: text,
  ...contact,
  hours: text.optional(),
  cost: text.optional(),
  audience: text,
  areas,
  sources,
  reviewedAt: isoDate,
});

type Reachable = { phone?: string; text?: string; chat?: string; web?: string; areas?: string[] };

export const helpSchema = z
  .strictObject({
    region: z
      .string()
      .refine((v) => REGION_CODES.has(v), 'must be an upper-case ISO 3166-1 alpha-2 code (GB, US …)')
      .optional(),
    name: text,
    emergency: z
      .strictObject({
        number: phone.optional(),
        text,
        sources: sources.optional(),
        reviewedAt: isoDate.optional(),
      })
      // A number without the page it was read on would be an unverifiable claim.
      .refine((e) => !e.number || (e.sources && e.reviewedAt), 'an emergency number needs sources and reviewedAt'),
    lines: z.array(helpLineSchema),
    // Non-crisis help by kind. Region files list it (an empty list where there is none); left out, it is none.
    services: z.array(helpServiceSchema).default([]),
    directory: z.strictObject({ name: text, url: httpsUrl, text, sources, reviewedAt: isoDate }).optional(),
    doctor: z.strictObject({ sources, reviewedAt: isoDate }),
    reviewedAt: isoDate,
    nextReviewAt: isoDate,
  })
  .superRefine((help, ctx) => {
    if (help.region) {
      const priority = help.lines.filter((l) => l.priority).length;
      if (priority !== 1)
        ctx.addIssue({ code: 'custom', path: ['lines'], message: `must mark exactly one line priority: true (found ${priority})` });
    }
    const known = help.region ? HELP_AREAS[help.region] : undefined;
    const check = (entry: Reachable, path: (string | number)[]) => {
      if (!entry.phone && !entry.text && !entry.chat && !entry.web) {
        ctx.addIssue({ code: 'custom', path, message: 'needs at least one of phone, text, chat, web' });
      }
      entry.areas?.forEach((area, j) => {
        if (known?.includes(area)) return;
        const message = known
          ? `"${area}" is not a known area of ${help.region} (one of: ${known.join(', ')})`
          : `"${area}": ${help.region ?? 'the international answer'} has no areas; leave the field out`;
        ctx.addIssue({ code: 'custom', path: [...path, 'areas', j], message });
      });
    };
    help.lines.forEach((line, i) => check(line, ['lines', i]));
    help.services.forEach((service, i) => check(service, ['services', i]));
  });

export type SeedHelp = z.output<typeof helpSchema>;
export type SeedHelpService = z.output<typeof helpServiceSchema>;

/** The file name a help entry must have: its region in lower case, or international.md. */
export const helpFileSlug = (help: SeedHelp) => help.region?.toLowerCase() ?? 'international';
