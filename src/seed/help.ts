import { z } from 'zod';
import { REGION_CODES } from '../content/regions.js';

// Help in a crisis, one Markdown file per region under seed/help/ (plus international.md, the
// answer for anywhere not covered). The front-matter holds the numbers, each with the official
// page it was read on and the date it was checked; the body is "when to see a doctor".

const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const text = z.string().trim().min(1, 'must not be empty');
const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL' });
const phone = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^[0-9 +-]{2,20}$/, 'must be digits (spaces, + and - allowed)'));

const helpSource = z.strictObject({ title: text, publisher: text, url: httpsUrl });
const sources = z.array(helpSource).min(1, 'must cite the official page each fact was read on');

export const helpLineSchema = z.strictObject({
  name: text,
  phone: phone.optional(),
  text: z.union([z.string(), z.number()]).transform(String).pipe(text).optional(),
  chat: httpsUrl.optional(),
  web: httpsUrl.optional(),
  hours: text.optional(),
  cost: text.optional(),
  audience: text,
  priority: z.boolean(),
  sources,
  reviewedAt: isoDate,
});

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
    directory: z.strictObject({ name: text, url: httpsUrl, text, sources, reviewedAt: isoDate }).optional(),
    doctor: z.strictObject({ sources, reviewedAt: isoDate }),
    reviewedAt: isoDate,
    nextReviewAt: isoDate,
  })
  .superRefine((help, ctx) => {
    if (help.region) {
      const priority = help.lines.filter((l) => l.priority).length;
      if (priority !== 1) ctx.addIssue({ code: 'custom', path: ['lines'], message: `must mark exactly one line priority: true (found ${priority})` });
    }
    help.lines.forEach((line, i) => {
      if (!line.phone && !line.text && !line.chat && !line.web) {
        ctx.addIssue({ code: 'custom', path: ['lines', i], message: 'needs at least one of phone, text, chat, web' });
      }
    });
  });

export type SeedHelp = z.output<typeof helpSchema>;
export type SeedHelpLine = z.output<typeof helpLineSchema>;

/** The file name a help entry must have: its region in lower case, or international.md. */
export const helpFileSlug = (help: SeedHelp) => help.region?.toLowerCase() ?? 'international';
