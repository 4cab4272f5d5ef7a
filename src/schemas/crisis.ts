import { z } from 'zod';
import { regionCodeOf } from '../content/regions.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';

/** The UK's priority line as the examples show it (from seed/help; the help schema adds to it). */
export const SAMARITANS_EXAMPLE = {
  name: 'Samaritans',
  phone: '116 123',
  text: null,
  chat: null,
  web: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
  hours: '24 hours a day, every day of the year',
  areas: null,
  priority: true,
};

// The one crisis message every content answer carries in `meta.crisis` (and every embed shows in
// its crisis box). Region-aware: with `region`, the region's priority line comes with it.

const REGION_ERROR =
  'must name a country: an ISO 3166-1 alpha-2 code such as GB, US, IE, CA, AU or NZ (UK and United Kingdom are read as GB)';
export const region = withExample(
  z
    .string()
    .max(60, REGION_ERROR)
    .transform((value, ctx) => {
      const code = regionCodeOf(value);
      if (code === undefined) ctx.addIssue({ code: 'custom', message: REGION_ERROR });
      return code ?? z.NEVER;
    })
    .optional()
    .describe(
      "Where the reader is: an ISO 3166-1 alpha-2 country code in any case (`gb`, `GB`), or a well-known name for one (`UK`, `United Kingdom`, `GBR`, `en-GB`), read as its code. Adds that country's priority crisis line to the crisis guidance; see `/v1/help` for the countries covered. Without it, the region of a partner key's default, then of `Accept-Language`, is used; `meta.crisis.regionFrom` says which.",
    ),
  'GB',
);

export const CrisisLine = z
  .object({
    name: z.string(),
    phone: z.string().nullable().describe('Number to call, as written locally.'),
    text: z.string().nullable().describe('Number to text, or what to text where (e.g. "Text SHOUT to 85258").'),
    chat: z.string().nullable().describe('Web chat address.'),
    web: z.string().nullable().describe("The service's own page."),
    hours: z.string().nullable(),
    areas: z
      .array(z.string())
      .nullable()
      .describe(
        'The parts of the region the line serves (the UK’s nations: England, Scotland, Wales, Northern Ireland); null for all of it.',
      ),
    priority: z.boolean().describe('The one line to show first when only one can be shown.'),
  })
  .meta({ id: 'CrisisLine', description: 'A crisis line, short form; `/v1/help` has the full entry with its sources.' });

export const CrisisNotice = z
  .object({
    message: z.string().describe('The crisis message to show with the content.'),
    emergency: z.string().describe('What to do in an emergency, for the region (or "call your local emergency number").'),
    emergencyNumber: z.string().nullable().describe("The region's emergency number, when one is verified."),
    region: z.string().nullable().describe('The region these lines are for; null when no region is known or it is not covered.'),
    regionFrom: namedEnum(
      'RegionSource',
      ['region', 'partner', 'accept-language'],
      'What told the region: the request’s `region`, the partner key’s default region, or `Accept-Language`.',
    )
      .nullable()
      .describe(
        'How the region was chosen: the request’s `region`, the default region of the partner key it sent, or the region of its `Accept-Language` (`en-GB`), in that order; null when none gave a covered region.',
      ),
    lines: z
      .array(CrisisLine)
      .describe(
        "Without `region`: none. With a covered region: its priority line. When a search suggests someone may be at risk: all the region's lines, priority first.",
      ),
    directory: z.string().nullable().describe('A verified international helpline directory, given when no region line is.'),
    help: z.string().describe('The full help directory for the region (emergency, all lines, when to see a doctor).'),
  })
  .meta({
    id: 'CrisisNotice',
    description:
      'Structured crisis guidance, the same in every content answer. Show `message`, `emergency` and the first line (or `directory`) with the content.',
    example: {
      message: 'If you are in crisis or think you may harm yourself or someone else, get help now.',
      emergency:
        'If you or someone else needs help right away because a life is at risk, call 999 or go to the emergency department (A&E).',
      emergencyNumber: '999',
      region: 'GB',
      regionFrom: 'region',
      lines: [SAMARITANS_EXAMPLE],
      directory: null,
      help: '/v1/help?region=GB',
    },
  });

export type CrisisNoticeValue = z.output<typeof CrisisNotice>;
