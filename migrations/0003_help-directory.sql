CREATE TABLE `help_regions` (
	`slug` text PRIMARY KEY NOT NULL,
	`region` text,
	`name` text NOT NULL,
	`emergency` text NOT NULL,
	`lines` text NOT NULL,
	`directory` text,
	`doctor` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`next_review_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_regions_region_unique` ON `help_regions` (`region`);