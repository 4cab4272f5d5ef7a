CREATE TABLE `help_first_codes` (
	`system` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`system`, `code`)
);
--> statement-breakpoint
CREATE TABLE `record_codes` (
	`system` text NOT NULL,
	`code` text NOT NULL,
	`record_type` text NOT NULL,
	`record_slug` text NOT NULL,
	`title` text NOT NULL,
	`reason` text NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`system`, `code`, `record_type`, `record_slug`)
);
