// Controlled vocabularies shared by the seed schemas, the database schema and the API schemas,
// so an enum value is declared exactly once.
export const TOPIC_SLUGS = ['emotional-isolation', 'emotional-withdrawal', 'emotional-detachment'] as const;

export const SIGN_KINDS = ['emotional', 'behavioural', 'relational', 'cognitive', 'physical'] as const;
export const SIGN_SETTINGS = ['general', 'romantic-relationship'] as const;
export const CAUSE_CATEGORIES = [
  'experiential',
  'clinical',
  'situational',
  'relational',
  'social',
  'medical',
  'personal',
] as const;
export const STRATEGY_CATEGORIES = [
  'self-awareness',
  'coping',
  'connection',
  'professional-support',
  'prevention',
  'relapse-prevention',
] as const;
export const THERAPY_KINDS = ['therapy', 'support'] as const;
export const IMPACT_AREAS = ['mental-health', 'physical-health', 'relationships', 'daily-life', 'long-term'] as const;
export const SOURCE_KINDS = ['article', 'reference'] as const;
// How much weight a source carries: the first three back clinical claims; `secondary` (blogs,
// magazines, vendors' articles) supplies facts but is not evidence on its own.
export const SOURCE_AUTHORITIES = ['public-health', 'professional-body', 'peer-reviewed', 'secondary'] as const;
export const AUTHORITATIVE = ['public-health', 'professional-body', 'peer-reviewed'] as const;
// Only editorial review has taken place; a clinical review type is added when one really happens.
export const REVIEW_TYPES = ['editorial'] as const;

// Display labels for facet values: the one table the embeds and partners (GET /v1/vocabulary)
// read. Typed by the value lists above, so a value without a label does not compile.
type Labels<Values extends readonly string[]> = { readonly [V in Values[number]]: string };

export const SIGN_KIND_LABELS: Labels<typeof SIGN_KINDS> = {
  emotional: 'Emotional',
  behavioural: 'Behavioural',
  relational: 'In relationships',
  cognitive: 'Thinking and memory',
  physical: 'Physical',
};
export const SIGN_SETTING_LABELS: Labels<typeof SIGN_SETTINGS> = { general: 'General', 'romantic-relationship': 'In a romantic relationship' };
export const CAUSE_CATEGORY_LABELS: Labels<typeof CAUSE_CATEGORIES> = {
  experiential: 'Past experiences',
  clinical: 'Mental health conditions',
  situational: 'Life circumstances',
  relational: 'Relationships',
  social: 'Social and cultural pressures',
  medical: 'Medicines and substances',
  personal: 'Personal choice',
};
export const STRATEGY_CATEGORY_LABELS: Labels<typeof STRATEGY_CATEGORIES> = {
  'self-awareness': 'Self-awareness',
  coping: 'Coping',
  connection: 'Connection',
  'professional-support': 'Professional support',
  prevention: 'Prevention',
  'relapse-prevention': 'Relapse prevention',
};
export const THERAPY_KIND_LABELS: Labels<typeof THERAPY_KINDS> = { therapy: 'Professional therapy', support: 'Peer support' };
export const IMPACT_AREA_LABELS: Labels<typeof IMPACT_AREAS> = {
  'mental-health': 'Mental health',
  'physical-health': 'Physical health',
  relationships: 'Relationships',
  'daily-life': 'Daily life',
  'long-term': 'Long-term risks',
};
export const SOURCE_KIND_LABELS: Labels<typeof SOURCE_KINDS> = { article: 'Article', reference: 'Reference' };

/** The filterable facets, by collection and query parameter, with each value's label. */
export const FACET_LABELS = {
  signs: { kind: SIGN_KIND_LABELS, setting: SIGN_SETTING_LABELS },
  causes: { category: CAUSE_CATEGORY_LABELS },
  strategies: { category: STRATEGY_CATEGORY_LABELS },
  therapies: { kind: THERAPY_KIND_LABELS },
  impacts: { area: IMPACT_AREA_LABELS },
  sources: { kind: SOURCE_KIND_LABELS },
} as const satisfies Record<string, Record<string, Readonly<Record<string, string>>>>;

/** The label of a facet value, or undefined for a collection, facet or value without one. */
export function facetLabel(collection: string, facet: string, value: string): string | undefined {
  const facets = (FACET_LABELS as Record<string, Record<string, Record<string, string>>>)[collection];
  return facets?.[facet]?.[value];
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a change-log entry says happened to a record (seed/changes.json, GET /v1/changes). */
export const CHANGE_KINDS = ['created', 'updated', 'removed', 'renamed'] as const;
