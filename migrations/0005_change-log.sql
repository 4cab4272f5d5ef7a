CREATE TABLE `content_changes` (
	`version_position` integer NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`slug` text NOT NULL,
	`change` text NOT NULL,
	`new_slug` text,
	PRIMARY KEY(`version_position`, `position`),
	FOREIGN KEY (`version_position`) REFERENCES `content_versions`(`position`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `content_versions` (
	`position` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`at` text NOT NULL
);
