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

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a change-log entry says happened to a record (seed/changes.json, GET /v1/changes). */
export const CHANGE_KINDS = ['created', 'updated', 'removed', 'renamed'] as const;
