-- Full-text index over every published record, filled by the store build (never at request time).
-- porter folds word forms (journal/journaling); prefix indexes make as-you-type prefixes cheap.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `type` UNINDEXED,
  `slug` UNINDEXED,
  `title`,
  `keywords`,
  `summary`,
  `body`,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
--> statement-breakpoint
-- Every distinct word of the indexed text, unstemmed: the dictionary for the typo fallback.
CREATE TABLE `search_terms` (
  `term` text PRIMARY KEY NOT NULL,
  `documents` integer NOT NULL
) WITHOUT ROWID;
