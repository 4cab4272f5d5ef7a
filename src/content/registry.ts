// The content types the API publishes besides topics and sources, one entry each. Everything a
// type needs elsewhere is derived from its entry: the seed schema (src/seed/schemas.ts), its
// table (src/db/schema.ts), its API schema, example and list filters (src/schemas/records.ts,
// queries.ts), the topic's `related` block, the embed sections and the vocabulary labels. This
// file sits in the lowest layer, so it holds plain definitions; the layers above build from them.
// Derivations take a registry (a list of entries) so a test can add a throwaway type without
// touching this one; the app uses CONTENT_REGISTRY.

/** A filterable field with a fixed set of values: the seed must give one (or get `default`). */
export interface FacetDefinition<V extends string = string> {
  readonly values: readonly [V, ...V[]];
  /** How each value is shown (embeds, GET /v1/vocabulary), in the order to show them. */
  readonly labels: { readonly [K in V]: string };
  /** What the field means, for the API docs. */
  readonly description: string;
  /** The value of a seed record that leaves the field out. */
  readonly default?: V;
}

/**
 * A type's own text field (a therapy's `whenToConsider`): plain text in the seed, a text column,
 * a string in the API (null when an optional field is left out).
 */
export interface ExtraFieldDefinition {
  readonly description: string;
  readonly optional: boolean;
  /** Shown under the summary of a full embed item, as "<embedLabel>: value". */
  readonly embedLabel?: string;
}

export interface ContentTypeDefinition {
  /** URL segment, seed folder and table name. */
  readonly collection: string;
  /** Singular name in payloads, embed lists and the change log. */
  readonly type: string;
  /** Headings and the API docs' tag. */
  readonly label: string;
  /** What one record is called when it stands alone (an embed list's item, the vocabulary endpoint). */
  readonly itemLabel: string;
  /** What the collection holds (the tag's description). */
  readonly description: string;
  /** The collection in running text where its name will not do ("FAQs"); default: the collection. */
  readonly plural?: string;
  /** Whether clinicians can embed it as a topic section and in hand-picked lists. */
  readonly embed: boolean;
  /** In the order they appear in payloads; the first one labels a record in an embed list. */
  readonly facets: Readonly<Record<string, FacetDefinition>>;
  readonly extra: Readonly<Record<string, ExtraFieldDefinition>>;
  /** The API schema's component name, description and example (shared fields are filled in). */
  readonly api: {
    readonly id: string;
    readonly description: string;
    readonly example: { readonly slug: string; readonly title: string; readonly summary: string } & Readonly<Record<string, string>>;
  };
}

/** A facet whose labels must name every value (a missing label does not compile). */
export const facet = <const V extends string>(
  values: readonly [V, ...V[]],
  labels: { readonly [K in V]: string },
  description: string,
  defaultValue?: V,
): FacetDefinition<V> => ({
  values,
  labels,
  description,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});

/** Checks an entry against the definition while keeping its literal names (collection, type, facets). */
export const defineContentType = <const T extends ContentTypeDefinition>(entry: T): T => entry;

export const CONTENT_REGISTRY = [
  defineContentType({
    collection: 'signs',
    type: 'sign',
    label: 'Signs',
    itemLabel: 'Sign',
    description: 'Signs and symptoms.',
    embed: true,
    facets: {
      kind: facet(
        ['emotional', 'behavioural', 'relational', 'cognitive', 'physical'],
        {
          emotional: 'Emotional',
          behavioural: 'Behavioural',
          relational: 'In relationships',
          cognitive: 'Thinking and memory',
          physical: 'Physical',
        },
        'What kind of sign this is.',
      ),
      setting: facet(
        ['general', 'romantic-relationship'],
        { general: 'General', 'romantic-relationship': 'In a romantic relationship' },
        '`romantic-relationship` for signs seen between partners.',
        'general',
      ),
    },
    extra: {},
    api: {
      id: 'Sign',
      description: 'A sign or symptom that someone may be affected.',
      example: {
        slug: 'emotional-numbness',
        title: 'Emotional numbness',
        summary: 'Feelings seem muted or far away.',
        kind: 'emotional',
        setting: 'general',
      },
    },
  }),
  defineContentType({
    collection: 'causes',
    type: 'cause',
    label: 'Causes',
    itemLabel: 'Possible cause',
    description: 'What can lead to each condition.',
    embed: true,
    facets: {
      category: facet(
        ['experiential', 'clinical', 'situational', 'relational', 'social', 'medical', 'personal'],
        {
          experiential: 'Past experiences',
          clinical: 'Mental health conditions',
          situational: 'Life circumstances',
          relational: 'Relationships',
          social: 'Social and cultural pressures',
          medical: 'Medicines and substances',
          personal: 'Personal choice',
        },
        'What kind of cause this is.',
      ),
    },
    extra: {},
    api: {
      id: 'Cause',
      description: 'Something that can lead to the condition.',
      example: {
        slug: 'chronic-stress-and-burnout',
        title: 'Chronic stress and burnout',
        summary: 'Long-lasting stress can leave little energy for connection.',
        category: 'situational',
      },
    },
  }),
  defineContentType({
    collection: 'contexts',
    type: 'context',
    label: 'Contexts',
    itemLabel: 'Where it shows up',
    description: 'Areas of life where it shows up.',
    embed: true,
    facets: {},
    extra: {},
    api: {
      id: 'Context',
      description: 'An area of life where the condition shows up in its own way.',
      example: { slug: 'workplace', title: 'At work', summary: 'Fear of seeming vulnerable can keep people apart at work.' },
    },
  }),
  defineContentType({
    collection: 'strategies',
    type: 'strategy',
    label: 'Coping strategies',
    itemLabel: 'Coping strategy',
    description: 'Self-help, connection, prevention and relapse prevention.',
    embed: true,
    facets: {
      category: facet(
        ['self-awareness', 'coping', 'connection', 'professional-support', 'prevention', 'relapse-prevention'],
        {
          'self-awareness': 'Self-awareness',
          coping: 'Coping',
          connection: 'Connection',
          'professional-support': 'Professional support',
          prevention: 'Prevention',
          'relapse-prevention': 'Relapse prevention',
        },
        'What the strategy works on.',
      ),
    },
    extra: {
      firstStep: {
        description: 'One small, concrete action to start with, where the sources give one.',
        optional: true,
        embedLabel: 'A first step',
      },
    },
    api: {
      id: 'Strategy',
      description: 'A self-help, connection, prevention or relapse-prevention strategy.',
      example: {
        slug: 'journaling',
        title: 'Journaling',
        summary: 'Writing about feelings helps you notice patterns.',
        category: 'self-awareness',
        firstStep: 'Spend five minutes writing down one feeling from today.',
      },
    },
  }),
  defineContentType({
    collection: 'therapies',
    type: 'therapy',
    label: 'Therapies and support',
    itemLabel: 'Therapy or support',
    description: 'Professional therapies and peer support, with when to consider them.',
    embed: true,
    facets: {
      kind: facet(
        ['therapy', 'support'],
        { therapy: 'Professional therapy', support: 'Peer support' },
        '`therapy` (led by a professional) or `support` (peer support).',
      ),
    },
    extra: {
      acronym: { description: 'Common abbreviation, such as CBT.', optional: true },
      whenToConsider: { description: 'When this option is worth considering.', optional: false, embedLabel: 'When to consider it' },
    },
    api: {
      id: 'Therapy',
      description: 'A therapy or support option, with when to consider it.',
      example: {
        slug: 'cognitive-behavioural-therapy',
        title: 'Cognitive behavioral therapy (CBT)',
        summary: 'CBT helps you spot and change unhelpful thoughts.',
        kind: 'therapy',
        acronym: 'CBT',
        whenToConsider: 'When withdrawal is severe, lasts, or gets in the way of daily life.',
      },
    },
  }),
  defineContentType({
    collection: 'faqs',
    type: 'faq',
    label: 'Questions and answers',
    itemLabel: 'Question',
    description: 'Frequently asked questions.',
    plural: 'FAQs',
    embed: true,
    facets: {},
    extra: {},
    api: {
      id: 'Faq',
      description: 'A frequently asked question: `title` is the question, `summary` the short answer, `body` the full answer.',
      example: {
        slug: 'how-long-does-recovery-take',
        title: 'How long does recovery from emotional withdrawal take?',
        summary: 'It differs from person to person.',
      },
    },
  }),
  // Impacts and stories are not resource lists (impacts are risks, stories illustrations), so
  // clinicians do not embed them.
  defineContentType({
    collection: 'impacts',
    type: 'impact',
    label: 'Impacts and risks',
    itemLabel: 'Impact',
    description: 'Effects and long-term risks.',
    embed: false,
    facets: {
      area: facet(
        ['mental-health', 'physical-health', 'relationships', 'daily-life', 'long-term'],
        {
          'mental-health': 'Mental health',
          'physical-health': 'Physical health',
          relationships: 'Relationships',
          'daily-life': 'Daily life',
          'long-term': 'Long-term risks',
        },
        'Which part of life the impact concerns.',
      ),
    },
    extra: {},
    api: {
      id: 'Impact',
      description: 'An effect or long-term risk.',
      example: {
        slug: 'strain-on-relationships',
        title: 'Strain on relationships',
        summary: 'Distance can wear down trust and closeness.',
        area: 'relationships',
      },
    },
  }),
  defineContentType({
    collection: 'stories',
    type: 'story',
    label: 'Stories',
    itemLabel: 'Story',
    description: 'Short anonymised illustrative stories.',
    embed: false,
    facets: {},
    extra: {},
    api: {
      id: 'Story',
      description: 'A short, anonymised illustrative story.',
      example: {
        slug: 'reconnecting-after-job-loss',
        title: 'Reconnecting after a job loss',
        summary: 'One person found their way back to others in small steps.',
      },
    },
  }),
] as const satisfies readonly ContentTypeDefinition[];

/** A list of content types: the app's (CONTENT_REGISTRY), or a test's with a throwaway type added. */
export type Registry = readonly ContentTypeDefinition[];
export type ContentTypeEntry = (typeof CONTENT_REGISTRY)[number];
export type RecordCollection = ContentTypeEntry['collection'];
export type RecordType = ContentTypeEntry['type'];

/** The collections of a registry, in its order. */
export const collectionsOf = <R extends Registry>(registry: R) => registry.map((t) => t.collection) as R[number]['collection'][];

/** The column (and SQL) name of a field: firstStep → first_step. */
export const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
