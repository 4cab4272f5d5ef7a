import { z } from 'zod';
import { CONTENT_REGISTRY, type Registry } from '../content/registry.js';
import { BodyFormat, RecordRef, ReviewType, Signposts, SourceRef } from './common.js';
import { namedEnum } from './enums.js';
import { RECORD_SCHEMAS, recordSchemaOf } from './records.js';
import { defined } from '../content/defined.js';

/** Most records expanded per related collection by `include` (the default page size); `href` pages through all of them. */
export const INCLUDE_LIMIT = 20;

// Whether `items` is there depends on the request (`include`), which a schema cannot tie to a
// parameter: a variant per state (collapsed | expanded) would still leave the client to test for
// `items`, so it stays one optional property whose description gives the exact rule.
const related = <T extends z.ZodType>(item: T, collection: string, what: string) =>
  z.object({
    count: z.number().int().min(0).describe(`How many ${what} belong to this topic.`),
    href: z.string().describe(`The ${what} of this topic as a filtered collection.`),
    items: z
      .array(item)
      .max(INCLUDE_LIMIT)
      .optional()
      .describe(
        `Present if and only if \`include\` names \`${collection}\`: then always an array (empty when \`count\` is 0) of the first ${INCLUDE_LIMIT} records in editorial order, whole whatever \`fields\` says (all of them unless \`count\` is larger; page through the rest at \`href\`). Absent otherwise.`,
      ),
  });

/** The `related` block of a topic: one entry per content type of the registry, in its order. */
export const topicRelatedOf = (registry: Registry) =>
  z.object(Object.fromEntries(registry.map((t) => [t.collection, related(recordSchemaOf(t), t.collection, t.plural ?? t.collection)])));

export const TopicRelated = topicRelatedOf(CONTENT_REGISTRY).meta({
  id: 'TopicRelated',
  description: 'Counts and links for every collection linked to the topic, and `items` for exactly the collections named in `include`.',
});

/** A topic's impacts in brief: these fields of each impact, in this order (the presenter picks them). */
export const TOPIC_IMPACT_FIELDS = ['slug', 'title', 'summary', 'area', 'href'] as const;
// The registry types a record schema's shape loosely; these fields are the impact schema's own.
const impactShape = RECORD_SCHEMAS.impacts.shape as unknown as Record<string, z.ZodType<string, string> | undefined>;
const impactField = (name: string) => defined(impactShape[name], () => `The impact schema has no field "${name}".`);
const ImpactBrief = z
  .object(
    Object.fromEntries(TOPIC_IMPACT_FIELDS.map((name) => [name, impactField(name)])) as Record<
      (typeof TOPIC_IMPACT_FIELDS)[number],
      z.ZodType<string, string>
    >,
  )
  .meta({ id: 'ImpactBrief', description: 'An impact in brief, as a topic lists it.' });

// Named, so that generated clients name it too (a nullable object left inline becomes
// `ComparisonTopicType0` in openapi-python-client).
const TopicLink = z
  .object({ slug: z.string(), title: z.string(), href: z.string() })
  .meta({ id: 'TopicLink', description: 'One of our topics, linked.' });

export const Comparison = z
  .object({
    topic: TopicLink.nullable().describe('The topic compared with, if it is one of ours.'),
    concept: z.string().nullable().describe('The wider concept compared with (e.g. Loneliness), if not a topic.'),
    text: z.string().describe('How the two differ.'),
  })
  .meta({ id: 'Comparison', description: 'How a topic differs from another topic or concept.' });

export const Topic = z
  .object({
    type: z.literal('topic'),
    slug: z.string().describe('Stable public id; never changes once published.'),
    title: z.string(),
    summary: z.string(),
    definition: z.string().describe('What the term means, in two or three sentences.'),
    keyPoints: z.array(z.string()),
    body: z.string().describe('Overview in the requested `format`.'),
    bodyFormat: BodyFormat,
    comparisons: z.array(Comparison).describe('How this topic differs from related topics and concepts.'),
    impacts: z
      .array(ImpactBrief)
      .describe(
        `Effects and long-term risks, in brief: the first ${INCLUDE_LIMIT} (\`related.impacts\` gives the count and a link to all, as full records).`,
      ),
    related: TopicRelated,
    sources: z.array(SourceRef).min(1),
    reviewedAt: z.iso.date().describe('When the topic was last reviewed (see `reviewType` for what kind of review).'),
    nextReviewAt: z.iso.date().describe('When the topic is next due for review.'),
    reviewType: ReviewType,
    signposts: Signposts,
    relatedRecords: z.array(RecordRef).describe('Records to read next, chosen by the editors.'),
    href: z.string(),
  })
  .meta({
    id: 'Topic',
    description: 'One of the three topics, with its definition, comparisons, impacts and related collections.',
    example: {
      type: 'topic',
      slug: 'emotional-detachment',
      title: 'Emotional detachment',
      summary: 'Finding it hard, or not wanting, to connect with others at the level of feelings.',
      definition: 'Emotional detachment means being unable or unwilling to engage with feelings …',
      keyPoints: ['It can protect against hurt, but used too much it gets in the way.'],
      body: '…',
      bodyFormat: 'markdown',
      comparisons: [
        {
          topic: { slug: 'emotional-withdrawal', title: 'Emotional withdrawal', href: '/v1/topics/emotional-withdrawal' },
          concept: null,
          text: '…',
        },
      ],
      impacts: [],
      related: {
        signs: { count: 10, href: '/v1/signs?topic=emotional-detachment' },
        causes: { count: 4, href: '/v1/causes?topic=emotional-detachment' },
        contexts: { count: 1, href: '/v1/contexts?topic=emotional-detachment' },
        strategies: { count: 5, href: '/v1/strategies?topic=emotional-detachment' },
        therapies: { count: 2, href: '/v1/therapies?topic=emotional-detachment' },
        faqs: { count: 3, href: '/v1/faqs?topic=emotional-detachment' },
        impacts: { count: 2, href: '/v1/impacts?topic=emotional-detachment' },
        stories: { count: 0, href: '/v1/stories?topic=emotional-detachment' },
      },
      sources: [
        {
          slug: 'detachment-article',
          title: 'What It Means to Be Emotionally Detached',
          publisher: 'Psychology Today',
          url: null,
          doi: null,
          authority: 'secondary',
          citation: 'Parincu, Z., & Davis, T. (n.d.). What it means to be emotionally detached. Psychology Today.',
          supports: 'The definition of emotional detachment and its signs.',
          href: '/v1/sources/detachment-article',
        },
      ],
      reviewedAt: '2026-11-22',
      nextReviewAt: '2027-11-22',
      reviewType: 'editorial',
      signposts: [],
      relatedRecords: [{ type: 'sign', slug: 'emotional-numbness', title: 'Emotional numbness', href: '/v1/signs/emotional-numbness' }],
      href: '/v1/topics/emotional-detachment',
    },
  });

/** The names of a topic's fields, as `fields` takes them. */
export const TopicField = namedEnum(
  'TopicField',
  Object.keys(Topic.shape) as [keyof typeof Topic.shape, ...(keyof typeof Topic.shape)[]],
  'A field of a topic, as `fields` names it.',
);
