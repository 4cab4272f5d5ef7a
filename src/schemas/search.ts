import { z } from 'zod';
import { CONTENT_TYPES } from '../content/types.js';
import { INTENTS } from '../search/intent.js';
import { MAX_QUERY_LENGTH } from '../search/query.js';
import { CONTENT_META_EXAMPLE, PageLinks, PageMeta, TopicRef } from './common.js';
import { region } from './crisis.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';
import { fieldsParam, format, limit, offset, nameList, topicFilter } from './queries.js';
import { RECORD_SCHEMAS } from './records.js';
import { Topic } from './topics.js';

export const SEARCH_TYPES = ['topic', ...CONTENT_TYPES.map((t) => t.type)] as [string, ...string[]];
export const SearchType = namedEnum('SearchType', SEARCH_TYPES, 'What a search hit is: a topic, or a record type.');

/**
 * What a hit leaves out unless `fields` names it: the body (and its format), the sources and the
 * records to read next (src/snapshot/presenter.ts, BRIEF_OMITS; a test keeps the two in step).
 * Every other field of a hit's type is always there.
 */
export const BRIEF_ONLY_WITH_FIELDS = ['body', 'bodyFormat', 'sources', 'relatedRecords'] as const;

// What every hit adds to its record: how well it matched and where.
const hitFields = {
  score: z.number().describe('Relevance; higher is better. Only comparable within one response.'),
  snippet: z
    .string()
    .describe("Best-matching passage of the record's own text, as HTML: text is escaped and matched words are wrapped in <mark>."),
  topics: z.array(TopicRef).describe('The topics the record belongs to (for a topic: itself).'),
};

// A hit is its record as the record's own collection returns it, plus score and snippet; the
// body, sources and related records only when `fields` asks for them, so those are optional and
// every other field is required. (With `fields`, a hit is trimmed like any item: see
// `x-sparse-fieldset` on the response.)
const hitOf = (record: z.ZodObject, type: string, id: string) =>
  record
    .extend(hitFields)
    .partial(Object.fromEntries(BRIEF_ONLY_WITH_FIELDS.filter((k) => k in record.shape).map((k) => [k, true])))
    .meta({
      id,
      description: `A ${type} search hit: the record's fields (all but \`body\`, \`bodyFormat\`, \`sources\` and \`relatedRecords\` unless \`fields\` names them), plus \`score\` and \`snippet\`.`,
    });

const TOPIC_HIT_FIELDS = [
  'type',
  'slug',
  'title',
  'summary',
  'definition',
  'keyPoints',
  'body',
  'bodyFormat',
  'sources',
  'reviewedAt',
  'nextReviewAt',
  'href',
] as const;
const topicHit = hitOf(
  Topic.pick(Object.fromEntries(TOPIC_HIT_FIELDS.map((k) => [k, true])) as Record<(typeof TOPIC_HIT_FIELDS)[number], true>),
  'topic',
  'TopicSearchHit',
);
const recordHits = CONTENT_TYPES.map(({ collection, type }) =>
  hitOf(RECORD_SCHEMAS[collection], type, `${type.charAt(0).toUpperCase()}${type.slice(1)}SearchHit`),
);

export const SearchHit = z.discriminatedUnion('type', [topicHit, ...recordHits]).meta({
  id: 'SearchHit',
  description: 'One search result, by type.',
  example: {
    type: 'strategy',
    slug: 'journaling',
    title: 'Journaling',
    summary: 'Writing down feelings and thoughts can help you notice patterns and what lies underneath them.',
    category: 'self-awareness',
    firstStep: 'Spend five minutes writing down one feeling from today.',
    topics: [{ slug: 'emotional-withdrawal', title: 'Emotional withdrawal', note: null, href: '/v1/topics/emotional-withdrawal' }],
    reviewedAt: '2026-11-22',
    nextReviewAt: '2027-11-22',
    reviewType: 'editorial',
    signposts: [],
    score: 12.84,
    snippet: '…keeping a <mark>journal</mark> of emotions, thoughts and behavior…',
    href: '/v1/strategies/journaling',
  },
});

/** Every field a hit of some type can carry: the names `fields` accepts. */
export const SEARCH_FIELDS = [...new Set([topicHit, ...recordHits].flatMap((s) => Object.keys(s.shape)))].sort() as [string, ...string[]];
export const SearchHitField = namedEnum('SearchHitField', SEARCH_FIELDS, 'A field of some search hit, as `fields` names it.');

export const searchQuery = z.strictObject({
  q: withExample(
    z
      .string({ error: 'is required: the words to search for' })
      .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
      .describe(
        'What to search for, in plain words, as people say it. Quotes, operators and punctuation are treated as text. Acronyms (CBT, DBT, PTSD), word forms, everyday and clinical names, prefixes and common misspellings are understood.',
      ),
    'how to stop pulling away from people',
  ),
  type: withExample(
    nameList(SearchType, 'type')
      .optional()
      .describe(`Only these record types (comma-separated, or the parameter repeated): ${SEARCH_TYPES.join(', ')}.`),
    ['strategy', 'therapy'],
  ),
  topic: topicFilter,
  fields: fieldsParam(
    SearchHitField,
    'each hit',
    " A field that a hit's type does not have is left out of that hit; `body` (and `bodyFormat`) come only when named here, in the requested `format`.",
  ),
  format,
  limit,
  offset,
  region,
});

export const SearchSuggestions = z
  .object({
    reason: namedEnum('SuggestionReason', ['no-results', 'weak-match'], 'Why a search answer suggests where to go next.').describe(
      '`no-results`: nothing matched. `weak-match`: no record has even a third of what the query says (by how telling each word is).',
    ),
    topics: z
      .array(TopicRef.omit({ note: true }))
      .describe('Every topic, those the closest records found belong to first: places to start reading.'),
    help: z.string().describe("The help directory for the answer's region (the same as `meta.crisis.help`): where to get support."),
  })
  .meta({
    id: 'SearchSuggestions',
    description:
      'Where to go next when a search found no good match: the topics and the help directory. The hits found, if any, are still in `data`.',
    example: {
      reason: 'no-results',
      topics: [
        { slug: 'emotional-isolation', title: 'Emotional isolation', href: '/v1/topics/emotional-isolation' },
        { slug: 'emotional-withdrawal', title: 'Emotional withdrawal', href: '/v1/topics/emotional-withdrawal' },
        { slug: 'emotional-detachment', title: 'Emotional detachment', href: '/v1/topics/emotional-detachment' },
      ],
      help: '/v1/help?region=GB',
    },
  });

export const SearchMeta = PageMeta.extend({
  query: z.string().describe('The query as received.'),
  correctedQuery: z.string().nullable().describe('When words were likely misspelt, the query as understood after correcting them.'),
  crisisDetected: z
    .boolean()
    .describe(
      "True when the query suggests someone may be at risk of suicide or self-harm: intent or a plan, asking about methods, an overdose, self-harm, thoughts of suicide, feeling a burden, feeling nobody would miss them, wishing to be dead, hopelessness — direct or indirect, slang or misspelt. Then `crisis.lines` holds all the region's lines, priority first (or `crisis.directory` without a covered region), even when no record matches: show them before any result.",
    ),
  crisisReason: z
    .string()
    .nullable()
    .describe(
      'The category that matched, or null: `intent-or-plan`, `method`, `overdose`, `self-harm`, `suicidal-thoughts`, `burdensomeness`, `thwarted-belongingness`, `wish-to-be-dead` or `hopelessness` (the first that applies, in that order).',
    ),
  intent: namedEnum('SearchIntent', INTENTS, 'What a search query asks for, beside what it is about.')
    .nullable()
    .describe(
      'What the query asks for, when its wording says so, or null: `difference` ("is X the same as Y", "difference between") ranks comparisons and FAQs first; `when-to-seek-help` ("when should I get help", "should I see a doctor") the help-seeking content; `helping-someone` ("how do I help my son", "my friend won\'t talk") content for the people around someone; `what-helps` ("what helps", "what therapy") strategies and therapies. An intent only reorders the hits (and may add the records that answer that kind of request): nothing is removed.',
    )
    .meta({ example: 'helping-someone' }),
  suggestions: SearchSuggestions.nullable().describe(
    'When no record matches well (no hits, or none with a third of what the query says): suggested topics and the help directory; null otherwise.',
  ),
}).meta({
  id: 'SearchMeta',
  description:
    'Paging, the query and any correction, crisis detection, the intent recognised and suggestions when nothing matched well, plus the disclaimer, crisis guidance, licence and attribution.',
});

export const SearchResults = z.object({ data: z.array(SearchHit), meta: SearchMeta, links: PageLinks }).meta({
  description:
    'A page of ranked hits, with paging links and `meta` (the query, any correction, crisis detection, the intent recognised, suggestions when nothing matched well, disclaimer, crisis guidance, licence, attribution).',
  example: {
    data: [z.globalRegistry.get(SearchHit)?.example],
    meta: {
      ...CONTENT_META_EXAMPLE,
      total: 4,
      limit: 1,
      offset: 0,
      query: 'jurnaling',
      correctedQuery: 'journaling',
      crisisDetected: false,
      crisisReason: null,
      intent: null,
      suggestions: null,
    },
    links: {
      self: '/v1/search?q=jurnaling&limit=1&offset=0',
      first: '/v1/search?q=jurnaling&limit=1&offset=0',
      last: '/v1/search?q=jurnaling&limit=1&offset=3',
      prev: null,
      next: '/v1/search?q=jurnaling&limit=1&offset=1',
    },
  },
});
