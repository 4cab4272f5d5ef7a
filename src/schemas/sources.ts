import { z } from 'zod';
import { SOURCE_KINDS } from '../content/vocabulary.js';
import { SourceAuthority } from './common.js';
import { namedEnum } from './enums.js';

export const SourceKind = namedEnum(
  'SourceKind',
  SOURCE_KINDS,
  '`article`: a primary source article; `reference`: a work that an article cites, or an authoritative work cited directly.',
);

export const Source = z
  .object({
    type: z.literal('source'),
    slug: z.string(),
    title: z.string().describe('Title of the work.'),
    kind: SourceKind,
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

/** The names of a source's fields, as `fields` takes them. */
export const SourceField = namedEnum(
  'SourceField',
  Object.keys(Source.shape) as [keyof typeof Source.shape, ...(keyof typeof Source.shape)[]],
  'A field of a source, as `fields` names it.',
);

/** A source as the API sends it. */
export type SourcePayload = z.input<typeof Source>;
