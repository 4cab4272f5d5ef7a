import { z } from 'zod';
import { CONTENT_TYPES } from '../content/types.js';
import { MAX_QUERY_LENGTH } from '../search/query.js';
import { PageLinks, PageMeta, TopicRef } from './common.js';
import { CrisisNotice, region } from './crisis.js';
import { limit, offset, topicFilter } from './queries.js';

export const SEARCH_TYPES = ['topic', ...CONTENT_TYPES.map((t) => t.type)] as [string, ...string[]];

export const searchQuery = z.strictObject({
  q: z
    .string({ error: 'is required: the words to search for' })
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .describe('What to search for. Plain words: quotes, operators and punctuation are treated as text. Acronyms (CBT, DBT, PTSD), word forms, prefixes and common misspellings are understood.'),
  type: z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(SEARCH_TYPES, { error: `must be one of ${SEARCH_TYPES.join(', ')}` })).min(1, 'must name at least one value'))
    .optional()
    .describe(`Only these record types (comma-separated): ${SEARCH_TYPES.join(', ')}.`),
  topic: topicFilter,
  limit,
  offset,
  region,
});

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_TYPES).describe('Record type; fetch the record at `href`.'),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    topics: z.array(TopicRef),
    score: z.number().describe('Relevance; higher is better. Only comparable within one response.'),
    snippet: z.string().describe('Best-matching passage as HTML: text is escaped and matched words are wrapped in <mark>.'),
    href: z.string(),
  })
  .meta({
    id: 'SearchHit',
    description: 'One search result.',
    example: {
      type: 'strategy',
      slug: 'journaling',
      title: 'Journaling',
      summary: 'Writing down feelings and thoughts can help you notice patterns and what lies underneath them.',
      topics: [{ slug: 'emotional-withdrawal', title: 'Emotional withdrawal', note: null, href: '/v1/topics/emotional-withdrawal' }],
      score: 12.84,
      snippet: '…keeping a <mark>journal</mark> of emotions, thoughts and behavior…',
      href: '/v1/strategies/journaling',
    },
  });

export const SearchMeta = PageMeta.extend({
  query: z.string().describe('The query as received.'),
  correctedQuery: z.string().nullable().describe('When the exact words found little and likely misspellings were corrected, the query that was run instead.'),
  crisisDetected: z.boolean().describe('True when the query suggests someone may be at risk (suicide, self-harm, wanting to die, overdose — direct, indirect, slang or misspelt). Then `crisis.lines` holds all the region\'s lines, priority first (or `crisis.directory` without a covered region), even when no record matches: show them before any result.'),
  crisisReason: z.string().nullable().describe('Which pattern matched (`suicide`, `kill-myself`, `end-my-life`, `want-to-die`, `self-harm`, `overdose`), or null.'),
}).meta({ id: 'SearchMeta', description: 'Paging, the query and any correction, plus the disclaimer and crisis guidance.' });

export const SearchResults = z.object({ data: z.array(SearchHit), meta: SearchMeta, links: PageLinks }).meta({
  example: {
    data: [z.globalRegistry.get(SearchHit)?.example],
    meta: {
      disclaimer: 'This content is for general education only. It is not a diagnosis and is not a substitute for advice, diagnosis or treatment from a qualified health professional.',
      crisis: z.globalRegistry.get(CrisisNotice)?.example,
      contentVersion: '6149d7b7b4cb0b21',
      total: 4,
      limit: 1,
      offset: 0,
      query: 'jurnaling',
      correctedQuery: 'journaling',
      crisisDetected: false,
      crisisReason: null,
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
