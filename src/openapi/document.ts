import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ATTRIBUTION, CONTENT_LICENSE } from '../content/licence.js';
import { CONTENT_TYPES } from '../content/types.js';
import { REDIRECT_MONTHS } from '../http/successor.js';
import { commaSeparatedArrays } from './comma-lists.js';
import { describeJsonLd } from './jsonld.js';
import { describeMoved } from './moved.js';
import { describeResponses, markPublicCache } from './responses.js';
import { describeProblems } from './problems.js';
import { describeParameters, keepParameterRefs } from './parameters.js';
import { foldInputTwins, pruneUnusedSchemas } from './prune.js';
import { describeSparseFieldsets } from './sparse-fieldsets.js';

// The OpenAPI 3.1 document: its description here, its operations from the routes' zod schemas,
// and the post-processing that says what the schemas alone cannot (problem types, JSON-LD,
// redirects, comma lists, cache headers). The swagger plugin is registered with these options.

// The content types in words, from the registry ("signs, causes, …, and stories"), so a new type
// needs no edit here.
const labels = CONTENT_TYPES.map((t) => t.label.toLowerCase());
const COLLECTIONS_IN_WORDS = `${labels.slice(0, -1).join(', ')}, and ${labels.at(-1) ?? ''}`;

// What the schemas alone cannot say, in the order it is said: each step takes the whole document.
const POST_PROCESSING: readonly (<T>(document: T) => T)[] = [
  describeProblems,
  describeJsonLd,
  describeMoved,
  commaSeparatedArrays,
  describeParameters,
  describeSparseFieldsets,
  describeResponses,
  foldInputTwins,
  pruneUnusedSchemas,
];

const tag = (name: string, displayName: string, description: string) => ({ name, 'x-displayName': displayName, description });

const TAGS = [
  tag('topics', 'Topics', 'The three topics and how they relate.'),
  tag('search', 'Search', 'Ranked full-text search across all content.'),
  tag(
    'help',
    'Help in a crisis',
    "Emergency numbers and crisis lines by country, each checked against the service's own page or a government health page.",
  ),
  // The record routes tag each operation with its collection.
  ...CONTENT_TYPES.map(({ collection, label, description }) => tag(collection, label, description)),
  tag('sources', 'Sources', 'The works the content is based on.'),
  tag(
    'pages',
    'Pages',
    'Accessible HTML pages for people: every topic, record and source, with schema.org JSON-LD. Link people here rather than to the JSON.',
  ),
  tag(
    'changes',
    'Changes',
    "The content's history, for partners who keep a copy: a change feed, tombstones (410) for removed records and redirects (301) for renamed ones.",
  ),
  tag('vocabulary', 'Vocabulary', 'Display labels for record types and facet values.'),
  tag(
    'clinical',
    'Clinical systems',
    'For electronic health records: the clinical code map, an HL7 infobutton (Context-Aware Knowledge Retrieval, URL-based) and a CDS Hooks 2.0 service. See docs/clinical-systems.md.',
  ),
  tag('embeds', 'Embeds', "Accessible HTML resource lists for clinicians' sites and handouts, an oEmbed endpoint, and a builder page."),
  tag('health', 'Health', 'Liveness and readiness probes.'),
];

export const OPENAPI_OPTIONS: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Emotional Connection Content API',
      version: '1.0.0',
      summary: 'Psychoeducation content on emotional isolation, withdrawal and detachment.',
      description:
        `A read-only API serving reviewed, plain-language content about emotional isolation, emotional withdrawal and emotional detachment: ${COLLECTIONS_IN_WORDS}, each citing its sources.\n\n` +
        'Content is educational and not a substitute for professional advice. Every content response carries the disclaimer and crisis guidance in `meta`: show them with the content.\n\n' +
        'Errors are RFC 9457 `application/problem+json`. Responses carry strong ETags (send `If-None-Match` to revalidate) and `Cache-Control` suitable for CDNs.\n\n' +
        `**Keeping a copy in sync.** \`GET /v1/changes?since=<meta.contentVersion of your last sync>\` lists what was created, updated, removed or renamed since. **Deprecation policy:** a removed record's address answers 410 Gone. A renamed record's old slug answers 301 to its new address, with \`Deprecation\` (RFC 9745), \`Sunset\` (RFC 8594) and \`Link: <new>; rel="successor-version"\`, for ${REDIRECT_MONTHS} months after the rename; from the Sunset date on it answers 410 Gone.\n\n` +
        `**Licence and attribution.** This service's own text (definitions, summaries, bodies, labels) is licensed under ${CONTENT_LICENSE.name} (${CONTENT_LICENSE.url}); every content response says so in \`meta.license\` and carries the credit to show in \`meta.attribution\` ("${ATTRIBUTION}"). Link it to where the content came from and say if you changed it. The third-party works cited in \`sources\` are not ours and keep their authors' terms.`,
      contact: { name: 'Content API maintainers (see the README)' },
      // The content's licence: what partners reuse. (The code has no licence of its own yet.)
      license: { name: `${CONTENT_LICENSE.name} (content)`, url: CONTENT_LICENSE.url },
    },
    servers: [{ url: '/', description: 'This server' }],
    components: {
      securitySchemes: {
        partnerKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'Optional partner key for a higher rate limit. Without it the keyless tier applies.',
        },
      },
    },
    // The key is optional: every operation works without it.
    security: [{}, { partnerKey: [] }],
    // Short, stable names (generated clients name their modules and classes after them); the
    // human labels are each tag's `x-displayName` (Redoc and others show it) and description.
    tags: TAGS,
  },
  transform: (input) => markPublicCache(keepParameterRefs(jsonSchemaTransform(input)), input.route.config),
  transformObject: (document) => POST_PROCESSING.reduce((doc, step) => step(doc), jsonSchemaTransformObject(document)),
};
