import { z } from 'zod';
import { SOURCE_KINDS } from '../content/vocabulary.js';
import { SourceAuthority } from './common.js';
import { fieldedItem } from './envelopes.js';

export const Source = z
  .object({
    type: z.literal('source'),
    slug: z.string(),
    title: z.string().describe('Title of the work.'),
    kind: z
      .enum(SOURCE_KINDS)
      .describe('`article`: a primary source article; `reference`: a work that an article cites, or an authoritative work cited directly.'),
    authority: SourceAuthority,
    publisher: z.string().describe('Publisher, or the site the work appears on.'),
    authors: z.array(z.string()).describe('Authors as "Surname, Given names"; a name without a comma is a group author.'),
    editors: z.array(z.string()).describe('Editors of the book a chapter appears in, written like authors.'),
    url: z.string().nullable().describe('Where the work can be read, when known.'),
    doi: z.string().nullable().describe('Digital Object Identifier, bare (resolve at https://doi.org/), when the work has one.'),
    accessed: z.iso.date().nullable().describe('When the work was read at its URL or DOI for this service.'),
    published: z.string().nullable().describe('Year or date of publication, when known.'),
    updated: z.string().nullable().describe('Date the work was last updated, when known.'),
    citation: z.string().describe('Reference in APA 7 style, built from the fields above, ready to display.'),
    description: z.string().describe('What the work covers and how this service uses it.'),
    href: z.string(),
  })
  .meta({
    id: 'Source',
    description: 'A work that content records are based on.',
    example: {
      type: 'source',
      slug: 'gunther-2020',
      title: 'The danger of emotional detachment',
      kind: 'reference',
      authority: 'secondary',
      publisher: 'Psychology Today',
      authors: ['Gunther, Randi'],
      editors: [],
      url: null,
      doi: null,
      accessed: null,
      published: '2020-12-31',
      updated: null,
      citation: 'Gunther, R. (2020, December 31). The danger of emotional detachment. Psychology Today.',
      description: 'Article cited by the detachment article for the signs of detachment in romantic relationships.',
      href: '/v1/sources/gunther-2020',
    },
  });

/** A source as its operations answer it: whole, or trimmed by `fields`. */
export const SourceItem = fieldedItem(Source);

/** A source as the API sends it. */
export type SourcePayload = z.input<typeof Source>;
