CREATE TABLE `causes` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`category` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contexts` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `faqs` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `impacts` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`area` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`key` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_sources` (
	`record_type` text NOT NULL,
	`record_slug` text NOT NULL,
	`source_slug` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`record_type`, `record_slug`, `source_slug`),
	FOREIGN KEY (`source_slug`) REFERENCES `sources`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `record_topics` (
	`record_type` text NOT NULL,
	`record_slug` text NOT NULL,
	`topic_slug` text NOT NULL,
	`note` text,
	PRIMARY KEY(`record_type`, `record_slug`, `topic_slug`),
	FOREIGN KEY (`topic_slug`) REFERENCES `topics`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `record_topics_topic` ON `record_topics` (`topic_slug`);--> statement-breakpoint
CREATE TABLE `signs` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`kind` text NOT NULL,
	`setting` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`publisher` text,
	`authors` text NOT NULL,
	`url` text,
	`published` text,
	`updated` text,
	`container` text,
	`volume` text,
	`issue` text,
	`pages` text,
	`kind` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `store_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stories` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategies` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`category` text NOT NULL,
	`first_step` text
);
--> statement-breakpoint
CREATE TABLE `therapies` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`kind` text NOT NULL,
	`acronym` text,
	`when_to_consider` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `topic_comparisons` (
	`topic_slug` text NOT NULL,
	`position` integer NOT NULL,
	`other_topic_slug` text,
	`concept` text,
	`text` text NOT NULL,
	PRIMARY KEY(`topic_slug`, `position`),
	FOREIGN KEY (`topic_slug`) REFERENCES `topics`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_topic_slug`) REFERENCES `topics`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`slug` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`sort_order` integer NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL,
	`definition` text NOT NULL,
	`key_points` text NOT NULL
);
