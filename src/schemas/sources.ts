import { z } from 'zod';
import { SOURCE_KINDS } from '../content/vocabulary.js';

export const Source = z
  .object({
    type: z.literal('source'),
    slug: z.string(),
    title: z.string().describe('Short title of the work.'),
    kind: z.enum(SOURCE_KINDS).describe('`article`: a primary source article; `reference`: a work that an article cites.'),
    publisher: z.string().nullable(),
    authors: z.array(z.string()),
    url: z.string().nullable(),
    published: z.string().nullable().describe('Year or date of publication, when known.'),
    updated: z.string().nullable().describe('Date the work was last updated, when known.'),
    citation: z.string().describe('Full reference line, ready to display.'),
    description: z.string().describe('What the work covers and how this service uses it.'),
    href: z.string(),
  })
  .meta({
    id: 'Source',
    description: 'A work that content records are based on.',
    example: {
      type: 'source',
      slug: 'gunther-2020',
      title: 'The Danger of Emotional Detachment',
      kind: 'reference',
      publisher: 'Psychology Today',
      authors: ['R. Gunther'],
      url: null,
      published: '2020-12-31',
      updated: null,
      citation: 'R. Gunther (2020). The Danger of Emotional Detachment. Psychology Today.',
      description: 'Article cited by the detachment article for the signs of detachment in romantic relationships.',
      href: '/v1/sources/gunther-2020',
    },
  });
