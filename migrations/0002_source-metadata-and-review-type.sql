PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sources` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`publisher` text NOT NULL,
	`authors` text NOT NULL,
	`editors` text DEFAULT '[]' NOT NULL,
	`url` text,
	`doi` text,
	`accessed` text,
	`published` text,
	`updated` text,
	`container` text,
	`volume` text,
	`issue` text,
	`pages` text,
	`kind` text NOT NULL,
	`authority` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
-- The store is always built from an empty database, so there are no rows to copy (drizzle-kit's
-- generated copy named the new columns in the old table, which fails).
DROP TABLE `sources`;--> statement-breakpoint
ALTER TABLE `__new_sources` RENAME TO `sources`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `causes` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `contexts` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `faqs` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `impacts` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `signs` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `strategies` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `therapies` ADD `review_type` text NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `review_type` text NOT NULL;