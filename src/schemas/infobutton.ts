import { z } from 'zod';
import { ICD10CM, SNOMED_CT } from '../content/code-systems.js';
import { region } from './crisis.js';
import { namedEnum } from './enums.js';
import { withExample } from './parameters.js';

// The HL7 infobutton request (Context-Aware Knowledge Retrieval, URL-based implementation guide):
// the parameters that change the answer, under the names the guide and MedlinePlus Connect use.
// Clinical systems send names in any case and may use the deprecated `mainSearchCriteria.c.*`
// forms; `infobuttonParameters` maps both to these names and drops everything else (patient,
// task, encounter, performer and organisation parameters), which is accepted and never read.

export const RESPONSE_TYPES = ['text/xml', 'application/atom+xml', 'application/json', 'text/html'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** A value matched case-insensitively (`pat`, `TEXT/XML`), written back in its canonical case. */
const oneOf = <const V extends string>(id: string, values: readonly [V, ...V[]], description: string, fold: (s: string) => string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? fold(v.trim()) : v),
    namedEnum(id, values, description, `must be one of ${values.join(', ')}`),
  );

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export const infobuttonQuery = z.object({
  'mainSearchCriteria.v.c': withExample(
    z
      .string()
      .max(40, 'must be at most 40 characters')
      .optional()
      .describe(
        'The code to look up, e.g. `F43.21` (ICD-10-CM, with or without its dot, any case). Up to three entries come back, best first; a code that is not mapped falls back to the nearest code above it (F43.21 → F43.2 → F43). Codes for suicidal thoughts, self-harm or a suicide attempt (and any code below them) answer with the help directory first, never content. With a code, the text parameters are not used.',
      ),
    'F43.21',
  ),
  'mainSearchCriteria.v.cs': withExample(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .optional()
      .describe(
        `The code system's OID, required with a code: \`${ICD10CM.oid}\` (ICD-10-CM) or \`${SNOMED_CT.oid}\` (SNOMED CT: accepted, but no SNOMED CT code is mapped yet, so the feed is empty). Any other system is a 400. A \`urn:oid:\` prefix is accepted.`,
      ),
    '2.16.840.1.113883.6.90',
  ),
  'mainSearchCriteria.v.dn': withExample(
    z
      .string()
      .max(200, 'must be at most 200 characters')
      .optional()
      .describe("The code's display name. Without a code, it is searched for instead (see `mainSearchCriteria.v.ot`)."),
    'Adjustment disorder with depressed mood',
  ),
  'mainSearchCriteria.v.ot': withExample(
    z
      .string()
      .max(200, 'must be at most 200 characters')
      .optional()
      .describe(
        'Original text of the concept (e.g. what was typed into the problem list). Without a code, the reading is found by searching for it (or, failing it, for `mainSearchCriteria.v.dn`); when the words suggest someone may be at risk, the help directory comes first.',
      ),
    'feels cut off from family',
  ),
  informationRecipient: withExample(
    oneOf('InfobuttonRecipient', ['PAT', 'PROV'], 'Who will read an infobutton answer: patient or provider.', (s) => s.toUpperCase())
      .optional()
      .describe(
        'Who will read it: `PAT` (patient, the default) or `PROV` (provider). Both get the same patient education: this service has no professional content.',
      ),
    'PAT',
  ),
  'informationRecipient.languageCode.c': withExample(
    z
      .string()
      .regex(LANGUAGE_TAG, 'must be a language code such as en or en-US')
      .optional()
      .describe(
        "The reader's language (`en`, `en-US` …; English when not given). The content is English only: any other language gets an empty feed whose subtitle says so.",
      ),
    'en',
  ),
  knowledgeResponseType: withExample(
    oneOf('InfobuttonResponseType', RESPONSE_TYPES, 'The media type of an infobutton answer.', (s) => s.toLowerCase())
      .optional()
      .describe(
        "The format: `text/xml` (an Atom feed, the default; `application/atom+xml` is the same feed under Atom's own media type), `application/json` (the same feed in the JSON form MedlinePlus Connect serves) or `text/html` (an accessible page listing the answers, for an EHR that opens a window). Errors come in the same format. The Accept header is not used.",
      ),
    'application/json',
  ),
  region,
});

export type InfobuttonQuery = z.output<typeof infobuttonQuery>;

const CANONICAL = Object.keys(infobuttonQuery.shape);
const BY_LOWER_CASE = new Map(CANONICAL.map((name) => [name.toLowerCase(), name]));
// The deprecated `.c.` forms of the concept of interest; the `.v.` form wins when both are sent.
const DEPRECATED = new Map<string, string>(
  ['c', 'cs', 'dn', 'ot'].map((part) => [`mainsearchcriteria.c.${part}`, `mainSearchCriteria.v.${part}`] as const),
);

export interface NormalisedParameters {
  query: Record<string, unknown>;
  /** Canonical names sent more than once (in different cases). */
  repeated: string[];
}

/** The request's parameters under their canonical names; every other parameter is dropped unread. */
export function infobuttonParameters(raw: Readonly<Record<string, unknown>>): NormalisedParameters {
  const query: Record<string, unknown> = {};
  const deprecated: Record<string, unknown> = {};
  const repeated = new Set<string>();
  for (const [name, value] of Object.entries(raw)) {
    const lower = name.toLowerCase();
    const canonical = BY_LOWER_CASE.get(lower);
    const target = canonical ? query : deprecated;
    const key = canonical ?? DEPRECATED.get(lower);
    if (!key) continue;
    if (key in target) repeated.add(key);
    target[key] = value;
  }
  for (const [key, value] of Object.entries(deprecated)) if (!(key in query)) query[key] = value;
  return { query, repeated: [...repeated] };
}

/** The response type a request asked for, as far as it can be read (errors use it); else the default. */
export function requestedResponseType(raw: unknown): ResponseType {
  const query = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const name = Object.keys(query).find((n) => n.toLowerCase() === 'knowledgeresponsetype');
  const value = name === undefined ? undefined : query[name];
  const type = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return (RESPONSE_TYPES as readonly string[]).includes(type ?? '') ? (type as ResponseType) : 'text/xml';
}

// The JSON form of the Atom feed, as MedlinePlus Connect writes it and its clients read it: an
// element's text is `_value`, attributes are sibling keys, `entry`, `link` and `category` are arrays.
const value = z.object({ _value: z.string() });
const textConstruct = z.object({ type: z.literal('text'), _value: z.string() });
const atomLink = z.object({
  href: z.string().describe('Absolute URL.'),
  rel: namedEnum('AtomLinkRelation', ['alternate', 'self'], 'What an Atom link points to: the page for people, or this feed.'),
  type: z.string().optional(),
  hreflang: z.string().optional(),
  title: z.string().optional(),
});
const atomAuthor = z.object({ name: value, uri: value });

const InfobuttonJsonEntry = z.object({
  lang: z.literal('en'),
  title: textConstruct,
  link: z.array(atomLink).describe("The entry's page for people (`rel: alternate`), with `region` when the request gave one."),
  id: value.describe('A permanent `urn:uuid:` IRI: the same record has the same id in every feed.'),
  updated: value.describe('When the record (or the help entry) was last reviewed, as an RFC 3339 date-time.'),
  author: atomAuthor,
  summary: textConstruct.describe('The plain-language summary.'),
  rights: textConstruct.describe('The attribution and licence (CC BY 4.0) to show with it.'),
});

export const InfobuttonJsonFeed = z.object({
  feed: z.object({
    lang: z.literal('en'),
    base: z.string(),
    title: textConstruct,
    subtitle: textConstruct.describe(
      'What was matched (and, for a code not in the map, which code above it answered), then the disclaimer.',
    ),
    author: atomAuthor,
    updated: value,
    category: z
      .array(z.object({ scheme: z.string(), term: z.string() }))
      .describe('The request parameters that decided the answer, echoed back.'),
    id: value,
    link: z.array(atomLink),
    rights: textConstruct,
    entry: z.array(InfobuttonJsonEntry).max(3).describe('Up to three entries, best first; empty when nothing matched.'),
  }),
});
