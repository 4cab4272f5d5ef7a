import { z } from 'zod';
import {
  CAUSE_CATEGORIES,
  IMPACT_AREAS,
  SIGN_KINDS,
  SIGN_SETTINGS,
  STRATEGY_CATEGORIES,
  THERAPY_KINDS,
} from '../content/vocabulary.js';
import type { RecordCollection } from '../seed/schemas.js';
import { BodyFormat, ReviewType, SourceRef, TopicRef } from './common.js';
import { fieldedItem } from './envelopes.js';

const date = z.iso.date();

const recordFields = {
  slug: z.string().describe('Stable public id; never changes once published.'),
  title: z.string(),
  summary: z.string().describe('One or two plain-language sentences.'),
  body: z.string().describe('Full text in the requested `format`.'),
  bodyFormat: BodyFormat,
  topics: z.array(TopicRef),
  sources: z.array(SourceRef).min(1).describe('The works this record is based on.'),
  reviewedAt: date.describe('When the record was last reviewed (see `reviewType` for what kind of review).'),
  nextReviewAt: date.describe('When the record is next due for review.'),
  reviewType: ReviewType,
  href: z.string().describe('This record in the API.'),
};

// One facet enum per type; the list endpoints filter on exactly these fields.
export const FACETS = {
  signs: {
    kind: z.enum(SIGN_KINDS).describe('What kind of sign this is.'),
    setting: z.enum(SIGN_SETTINGS).describe('`romantic-relationship` for signs seen between partners.'),
  },
  causes: { category: z.enum(CAUSE_CATEGORIES).describe('What kind of cause this is.') },
  contexts: {},
  strategies: { category: z.enum(STRATEGY_CATEGORIES).describe('What the strategy works on.') },
  therapies: { kind: z.enum(THERAPY_KINDS).describe('`therapy` (led by a professional) or `support` (peer support).') },
  faqs: {},
  impacts: { area: z.enum(IMPACT_AREAS).describe('Which part of life the impact concerns.') },
  stories: {},
} as const satisfies Record<RecordCollection, Record<string, z.ZodEnum>>;

const ref = (collection: string, slug: string, title: string) => ({ slug, title, note: null, href: `/v1/${collection}/${slug}` });
const exampleBase = (collection: string, type: string, slug: string, title: string, summary: string) => ({
  type,
  slug,
  title,
  summary,
  body: `${summary}\n\n- …`,
  bodyFormat: 'markdown',
  topics: [ref('topics', 'emotional-withdrawal', 'Emotional withdrawal')],
  sources: [
    {
      slug: 'withdrawal-article',
      title: 'Recovering from Emotional Withdrawal',
      publisher: 'TalkToAngel',
      url: 'https://www.talktoangel.com/blog/recovering-from-emotional-withdrawal',
      doi: null,
      authority: 'secondary',
      citation:
        'Tete, S. (n.d.). Recovering from emotional withdrawal. TalkToAngel. https://www.talktoangel.com/blog/recovering-from-emotional-withdrawal',
      href: '/v1/sources/withdrawal-article',
    },
  ],
  reviewedAt: '2026-11-22',
  nextReviewAt: '2027-11-22',
  reviewType: 'editorial',
  href: `/v1/${collection}/${slug}`,
});

const define = <C extends RecordCollection, T extends string, F extends z.ZodRawShape>(
  collection: C,
  type: T,
  id: string,
  description: string,
  extra: F,
  example: Record<string, unknown>,
) => z.object({ type: z.literal(type), ...recordFields, ...FACETS[collection], ...extra }).meta({ id, description, example });

export const Sign = define('signs', 'sign', 'Sign', 'A sign or symptom that someone may be affected.', {}, {
  ...exampleBase('signs', 'sign', 'emotional-numbness', 'Emotional numbness', 'Feelings seem muted or far away.'),
  kind: 'emotional',
  setting: 'general',
});
export const Cause = define('causes', 'cause', 'Cause', 'Something that can lead to the condition.', {}, {
  ...exampleBase('causes', 'cause', 'chronic-stress-and-burnout', 'Chronic stress and burnout', 'Long-lasting stress can leave little energy for connection.'),
  category: 'situational',
});
export const Context = define('contexts', 'context', 'Context', 'An area of life where the condition shows up in its own way.', {}, {
  ...exampleBase('contexts', 'context', 'workplace', 'At work', 'Fear of seeming vulnerable can keep people apart at work.'),
});
export const Strategy = define(
  'strategies',
  'strategy',
  'Strategy',
  'A self-help, connection, prevention or relapse-prevention strategy.',
  { firstStep: z.string().nullable().describe('One small, concrete action to start with, where the sources give one.') },
  {
    ...exampleBase('strategies', 'strategy', 'journaling', 'Journaling', 'Writing about feelings helps you notice patterns.'),
    category: 'self-awareness',
    firstStep: 'Spend five minutes writing down one feeling from today.',
  },
);
export const Therapy = define(
  'therapies',
  'therapy',
  'Therapy',
  'A therapy or support option, with when to consider it.',
  {
    acronym: z.string().nullable().describe('Common abbreviation, such as CBT.'),
    whenToConsider: z.string().describe('When this option is worth considering.'),
  },
  {
    ...exampleBase('therapies', 'therapy', 'cognitive-behavioural-therapy', 'Cognitive behavioral therapy (CBT)', 'CBT helps you spot and change unhelpful thoughts.'),
    kind: 'therapy',
    acronym: 'CBT',
    whenToConsider: 'When withdrawal is severe, lasts, or gets in the way of daily life.',
  },
);
export const Faq = define('faqs', 'faq', 'Faq', 'A frequently asked question: `title` is the question, `summary` the short answer, `body` the full answer.', {}, {
  ...exampleBase('faqs', 'faq', 'how-long-does-recovery-take', 'How long does recovery from emotional withdrawal take?', 'It differs from person to person.'),
});
export const Impact = define('impacts', 'impact', 'Impact', 'An effect or long-term risk.', {}, {
  ...exampleBase('impacts', 'impact', 'strain-on-relationships', 'Strain on relationships', 'Distance can wear down trust and closeness.'),
  area: 'relationships',
});
export const Story = define('stories', 'story', 'Story', 'A short, anonymised illustrative story.', {}, {
  ...exampleBase('stories', 'story', 'reconnecting-after-job-loss', 'Reconnecting after a job loss', 'One person found their way back to others in small steps.'),
});

export const RECORD_SCHEMAS = {
  signs: Sign,
  causes: Cause,
  contexts: Context,
  strategies: Strategy,
  therapies: Therapy,
  faqs: Faq,
  impacts: Impact,
  stories: Story,
} as const;

export type RecordSchemas = typeof RECORD_SCHEMAS;

/** Each type's item as its operations answer it: whole, or trimmed by `fields`. */
export const RECORD_ITEMS = {
  signs: fieldedItem(Sign),
  causes: fieldedItem(Cause),
  contexts: fieldedItem(Context),
  strategies: fieldedItem(Strategy),
  therapies: fieldedItem(Therapy),
  faqs: fieldedItem(Faq),
  impacts: fieldedItem(Impact),
  stories: fieldedItem(Story),
} as const satisfies Record<RecordCollection, z.ZodType>;

/** A record as the API sends it: one of the per-type shapes above. */
export type RecordPayload = z.input<RecordSchemas[RecordCollection]>;
