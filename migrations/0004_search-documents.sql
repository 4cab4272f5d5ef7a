-- Search moves from an FTS5 table to an in-memory BM25F index built from this plain table when the
-- store opens (ranking, vocabulary and snippets are then under the project's control).
DROP TABLE `search_index`;
--> statement-breakpoint
DROP TABLE `search_terms`;
--> statement-breakpoint
CREATE TABLE `search_documents` (
	`type` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`keywords` text NOT NULL,
	`people_say` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`type`, `slug`)
);
