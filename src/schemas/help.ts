import { z } from 'zod';
import { CONTENT_META_EXAMPLE, ContentMeta, SelfLink } from './common.js';
import { HELP_SERVICE_KINDS } from '../content/help-directory.js';
import { CrisisLine, region, SAMARITANS_EXAMPLE } from './crisis.js';
import { namedEnum } from './enums.js';

export const helpQuery = z.strictObject({ region });

const HelpSource = z
  .object({ title: z.string(), publisher: z.string(), url: z.string().describe('The official page this entry was read on.') })
  .meta({ id: 'HelpSource', description: "The service's own page, or a government health page, an entry was checked against." });

const sources = z.array(HelpSource).min(1);
const reviewedAt = z.string().describe('When the entry was last checked against its sources (YYYY-MM-DD).');

// The full entry is the short form every answer's crisis notice carries, plus where it comes from.
export const HelpLine = CrisisLine.extend({
  hours: z.string().nullable().describe('When it is open, where the source says.'),
  cost: z.string().nullable(),
  audience: z.string().describe('Who the line is for, in plain words.'),
  priority: z.boolean().describe('True on exactly one line per region: the one to show when only one can be shown. It comes first.'),
  sources,
  reviewedAt,
}).meta({ id: 'HelpLine', description: 'A crisis line with the official page its details come from.' });

const EXAMPLE_SOURCE = {
  title: 'Contact a Samaritan',
  publisher: 'Samaritans',
  url: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
};

export const HelpService = z
  .object({
    kind: namedEnum('HelpServiceKind', HELP_SERVICE_KINDS, 'What a support service is for.').describe(
      'What the service is for; records name the kinds they point to in `signposts`.',
    ),
    name: z.string(),
    phone: z.string().nullable(),
    text: z.string().nullable(),
    chat: z.string().nullable(),
    web: z.string().nullable(),
    hours: z.string().nullable(),
    areas: z.array(z.string()).nullable().describe('The parts of the region it serves (the UK’s nations); null for all of it.'),
    cost: z.string().nullable(),
    audience: z.string().describe('Who it is for, in plain words.'),
    sources,
    reviewedAt,
  })
  .meta({
    id: 'HelpService',
    description:
      'Support that is not crisis help: domestic abuse, child protection, or how to get talking therapy, with the official page its details come from.',
  });

const EmergencyHelp = z
  .object({
    number: z.string().nullable().describe('The emergency number, when one is verified.'),
    text: z.string().describe('What to do in an emergency, in plain words.'),
    sources: z.array(HelpSource),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'EmergencyHelp', description: 'What to do in an emergency: the number to call, where one is verified.' });

const DoctorAdvice = z
  .object({ text: z.string().describe('When to see a doctor, in plain words (plain text).'), sources, reviewedAt })
  .meta({ id: 'DoctorAdvice', description: 'When to see a doctor.' });

// Named, so that generated clients name it too (a nullable object left inline becomes
// `HelpDirectoryDirectoryType0` in openapi-python-client).
const HelplineDirectory = z
  .object({ name: z.string(), url: z.string(), text: z.string(), sources, reviewedAt })
  .meta({ id: 'HelplineDirectory', description: 'A verified international directory of helplines.' });

export const HelpDirectory = z
  .object({
    region: z.string().nullable().describe('The region asked for (upper case), or null.'),
    covered: z.boolean().describe('Whether this region has its own entry; if not, this is the international answer.'),
    name: z.string().describe('The region\'s name, or "Anywhere else".'),
    emergency: EmergencyHelp,
    lines: z.array(HelpLine).describe('Crisis lines, the priority line first. Empty for the international answer.'),
    services: z
      .array(HelpService)
      .describe(
        'Other support, by kind: domestic abuse, child protection, and how to get talking therapy. Records point to these kinds in `signposts`.',
      ),
    directory: HelplineDirectory.nullable().describe('A verified international helpline directory (international answer only).'),
    doctor: DoctorAdvice,
    regions: z.array(z.string()).describe('Every region covered, as ISO 3166-1 alpha-2 codes.'),
    reviewedAt,
    nextReviewAt: z.string(),
  })
  .meta({
    id: 'HelpDirectory',
    description:
      'Help in a crisis for one region, in tiers: the emergency number, crisis lines (priority first), and when to see a doctor. Every entry names its source and review date.',
    example: {
      region: 'GB',
      covered: true,
      name: 'United Kingdom',
      emergency: {
        number: '999',
        text: 'If you or someone else needs help right away because a life is at risk, call 999 or go to the emergency department (A&E).',
        sources: [
          {
            title: 'Need help now?',
            publisher: 'Lincolnshire Partnership NHS Foundation Trust',
            url: 'https://www.lpft.nhs.uk/contact-us/need-help-now',
          },
        ],
        reviewedAt: '2026-11-29',
      },
      lines: [
        {
          ...SAMARITANS_EXAMPLE,
          cost: 'Free from landlines and mobiles',
          audience: 'Anyone who is struggling to cope, upset or troubled. You do not have to be suicidal to call.',
          sources: [EXAMPLE_SOURCE],
          reviewedAt: '2026-11-29',
        },
      ],
      services: [],
      directory: null,
      doctor: {
        text: 'See a doctor if you have felt low or down for most of the day, every day, for more than two weeks. …',
        sources: [
          {
            title: 'Clinical depression: diagnosis',
            publisher: 'Health Service Executive (HSE), Ireland',
            url: 'https://www2.hse.ie/conditions/mental-health/clinical-depression/clinical-depression-diagnosis.html',
          },
        ],
        reviewedAt: '2026-11-29',
      },
      regions: ['AU', 'CA', 'GB', 'IE', 'NZ', 'US'],
      reviewedAt: '2026-11-29',
      nextReviewAt: '2027-05-29',
    },
  });

export const HelpAnswer = z.object({ data: HelpDirectory, meta: ContentMeta, links: SelfLink }).meta({
  description: 'Help for the region (or the international answer), with `meta` (disclaimer, crisis guidance, licence, attribution).',
  example: {
    data: z.globalRegistry.get(HelpDirectory)?.example,
    meta: {
      ...CONTENT_META_EXAMPLE,
    },
    links: { self: '/v1/help?region=GB' },
  },
});
