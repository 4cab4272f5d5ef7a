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

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
