import { z } from 'zod';
import { ATTRIBUTION, CONTENT_LICENSE } from '../content/licence.js';
import { SIGNPOST_KINDS } from '../content/help-directory.js';
import { BODY_FORMATS, REVIEW_TYPES, SOURCE_AUTHORITIES } from '../content/vocabulary.js';
import { PROBLEM_TYPE_NAMES, problemTypeUri } from '../content/problem-types.js';
import { CrisisNotice } from './crisis.js';
import { namedEnum } from './enums.js';

// Shapes shared by every content response. Each is registered with an id so the OpenAPI
// document names it once under components/schemas and references it everywhere else.

export const ContentLicense = z
  .object({
    name: z.string().describe('Short name of the licence.'),
    url: z.string().describe('The licence text.'),
  })
  .meta({
    id: 'ContentLicense',
    description:
      "The licence of this service's own text. It does not cover the third-party works cited in `sources`, which keep their authors' terms.",
    example: CONTENT_LICENSE,
  });

export const ContentMeta = z
  .object({
    disclaimer: z.string().describe('Must be shown with the content: it is education, not advice, diagnosis or treatment.'),
    crisis: CrisisNotice,
    contentVersion: z.string().describe('Version of the content store that answered; changes whenever content changes.'),
    license: ContentLicense,
    attribution: z
      .string()
      .describe(
        "Must be shown with the content: the credit the licence asks for. Link it to where the content came from (the record's page or API address), and say so if you changed the text.",
      )
      .meta({ example: ATTRIBUTION }),
  })
  .meta({ id: 'ContentMeta', description: 'Disclaimer, crisis guidance, licence and attribution that every content response carries.' });

/** `meta` as an answer carries it, for the envelopes' examples (one copy for all of them). */
export const CONTENT_META_EXAMPLE = {
  disclaimer:
    'This content is for general education only. It is not a diagnosis and is not a substitute for advice, diagnosis or treatment from a qualified health professional.',
  crisis: z.globalRegistry.get(CrisisNotice)?.example,
  contentVersion: '6149d7b7b4cb0b21',
  license: CONTENT_LICENSE,
  attribution: ATTRIBUTION,
};

export const PageMeta = ContentMeta.extend({
  total: z.number().int().min(0).describe('Number of records matching the filters, across all pages.'),
  limit: z.number().int().min(1).max(100).describe('Page size used.'),
  offset: z.number().int().min(0).describe('Index of the first record on this page.'),
}).meta({ id: 'PageMeta', description: 'Paging information plus the disclaimer, crisis guidance, licence and attribution.' });

export const PageLinks = z
  .object({
    self: z.string().describe('This page.'),
    first: z.string().describe('The first page.'),
    last: z.string().describe('The last page.'),
    prev: z.string().nullable().describe('The previous page, or null on the first page.'),
    next: z.string().nullable().describe('The next page, or null on the last page.'),
  })
  .meta({ id: 'PageLinks', description: 'Links for paging through a collection, relative to the API root.' });

export const SelfLink = z.object({ self: z.string() }).meta({ id: 'SelfLink', description: 'Link to this resource.' });

export const ItemLinks = SelfLink.extend({
  html: z
    .string()
    .describe(
      'Its page for people (accessible HTML with the disclaimer, crisis guidance and linked sources): link people here rather than to the JSON.',
    ),
}).meta({ id: 'ItemLinks', description: 'Links to this resource: its JSON and its page for people.' });

export const SourceAuthority = namedEnum(
  'SourceAuthority',
  SOURCE_AUTHORITIES,
  'Weight of the work as evidence: `public-health` (a public health body such as the NHS or NIMH), `professional-body` (e.g. a psychiatric college), `peer-reviewed` (a paper in a peer-reviewed journal or scholarly book) or `secondary` (a blog, magazine or vendor article: a source of facts, not evidence on its own). Clinical claims rest on the first three.',
);

export const ReviewType = namedEnum(
  'ReviewType',
  REVIEW_TYPES,
  'What kind of review the content has had. `editorial`: editorial review only (checked against its cited sources for accuracy, plain language and safe framing); no clinical review has taken place.',
);

export const SourceRef = z
  .object({
    slug: z.string(),
    title: z.string().describe('Short title of the cited work.'),
    publisher: z.string().describe('Publisher, or the site the work appears on.'),
    url: z.string().nullable().describe('Where the work can be read, when known.'),
    doi: z.string().nullable().describe('Digital Object Identifier, bare (resolve at https://doi.org/), when the work has one.'),
    authority: SourceAuthority,
    citation: z.string().describe('Full reference line, ready to display.'),
    supports: z
      .string()
      .nullable()
      .describe(
        'What this source supports in this record, in the editors\' words ("What this source supports"); null only on the source\'s own listings.',
      ),
    href: z.string().describe('This source in the API.'),
  })
  .meta({ id: 'SourceRef', description: 'A work a record is based on ("Based on: …").' });

export const SignpostKind = namedEnum(
  'SignpostKind',
  SIGNPOST_KINDS,
  'Help a record points its readers to: `urgent-help`, or a kind of support service in `/v1/help`.',
);

export const Signposts = z
  .array(SignpostKind)
  .describe(
    'Help the record points its readers to, by kind: `urgent-help` (show the crisis lines and emergency number from `meta.crisis` with it), or a kind of support service (`domestic-abuse`, `child-protection`, `talking-therapy`) whose entries for the reader’s region are in `/v1/help` under `services`.',
  );

export const RecordRef = z
  .object({
    type: z.string().describe('The record’s type (`sign`, `strategy` …, or `topic`).'),
    slug: z.string(),
    title: z.string(),
    href: z.string(),
  })
  .meta({ id: 'RecordRef', description: 'Another record to read next.' });

export const TopicRef = z
  .object({
    slug: z.string(),
    title: z.string(),
    note: z.string().nullable().describe('What is specific to this topic, when the record spans several.'),
    href: z.string(),
  })
  .meta({ id: 'TopicRef', description: 'A topic a record belongs to.' });

export const BodyFormat = namedEnum(
  'BodyFormat',
  BODY_FORMATS,
  'How `body` is encoded: Markdown (the source), sanitised HTML, or plain text.',
  `must be one of ${BODY_FORMATS.join(', ')}`,
);

/** One invalid parameter of a 400 problem. */
export const ParameterError = z
  .object({
    in: namedEnum('ParameterLocation', ['query', 'path', 'header', 'body'], 'Where a parameter is sent.').describe(
      'Where the bad value was sent (`body`: a field of the request body, named by its path).',
    ),
    name: z.string().describe('Name of the parameter.'),
    detail: z.string().describe('What is wrong with it.'),
  })
  .meta({ id: 'ParameterError', description: 'One invalid parameter of a request.' });

/** The type URIs of the problems the API sends (src/content/problem-types.ts). */
export const ProblemType = namedEnum(
  'ProblemType',
  PROBLEM_TYPE_NAMES.map(problemTypeUri) as [ReturnType<typeof problemTypeUri>, ...ReturnType<typeof problemTypeUri>[]],
  'URI reference identifying the problem type, relative to the API root: each one answers a short page for people that says what it means and what to do (RFC 9457 §3.1.1).',
);

// The one definition of an error body: the OpenAPI component, and (as ProblemBody) the type of
// what src/http/problems.ts sends.
export const Problem = z
  .object({
    type: ProblemType,
    title: z.string().describe('Short summary of the problem type.'),
    status: z.number().int().describe('HTTP status code.'),
    detail: z.string().describe('Explanation specific to this occurrence.'),
    instance: z.string().describe('The request path and query that caused the problem.'),
    errors: z.array(ParameterError).optional().describe('One entry per invalid parameter (validation problems only).'),
    crisis: CrisisNotice.optional().describe(
      'On every problem under /v1: the crisis guidance, as content answers carry it in `meta.crisis` (all the region’s lines for `/v1/help` and for a search that suggests someone may be at risk), so that no error leaves a reader without help.',
    ),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem details object, sent as application/problem+json.',
    example: {
      type: '/problems/invalid-parameters',
      title: 'Invalid request parameters',
      status: 400,
      detail: 'The query parameter "limit" is invalid.',
      instance: '/v1/signs?limit=abc',
      errors: [{ in: 'query', name: 'limit', detail: 'must be a whole number from 1 to 100' }],
    },
  });
