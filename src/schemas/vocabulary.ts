import { z } from 'zod';
import { ContentMeta, SelfLink, CONTENT_META_EXAMPLE } from './common.js';
import { region } from './crisis.js';

// What partners show instead of raw enum values: the record types and each facet's values, with
// the labels the embeds use (src/content/types.ts, src/content/vocabulary.ts).

const Term = z
  .object({
    value: z.string().describe('The value as the API sends and accepts it.'),
    label: z.string().describe('How to show it to readers.'),
  })
  .meta({ id: 'VocabularyTerm', description: 'A value and its display label.' });

export const Vocabulary = z
  .object({
    types: z
      .array(
        z.object({
          type: z.string().describe('The record `type`, as in payloads.'),
          collection: z.string().describe('The collection path under /v1.'),
          label: z.string().describe('Heading for the collection.'),
          itemLabel: z.string().describe('What one record is called when shown on its own.'),
        }),
      )
      .describe('Every record type.'),
    facets: z
      .array(
        z.object({
          collection: z.string().describe('The collection path under /v1 (`sources` included).'),
          parameter: z.string().describe('The field in each record, and the query parameter that filters on it.'),
          values: z.array(Term).describe('Every value, in the order to show them.'),
        }),
      )
      .describe('Every filterable facet, by collection.'),
  })
  .meta({
    id: 'Vocabulary',
    description: 'Display labels for record types and facet values.',
    example: {
      types: [{ type: 'strategy', collection: 'strategies', label: 'Coping strategies', itemLabel: 'Coping strategy' }],
      facets: [
        {
          collection: 'therapies',
          parameter: 'kind',
          values: [
            { value: 'therapy', label: 'Professional therapy' },
            { value: 'support', label: 'Peer support' },
          ],
        },
      ],
    },
  });

export const vocabularyQuery = z.strictObject({ region });

export const VocabularyAnswer = z.object({ data: Vocabulary, meta: ContentMeta, links: SelfLink }).meta({
  description: 'The labels, with `meta` (disclaimer, crisis guidance, licence, attribution).',
  example: { data: z.globalRegistry.get(Vocabulary)?.example, meta: CONTENT_META_EXAMPLE, links: { self: '/v1/vocabulary' } },
});
