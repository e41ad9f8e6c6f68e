CREATE TABLE `case_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`called_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`next_attempt_at` integer,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_contacts_case_idx` ON `case_contacts` (`case_id`,`called_at`);--> statement-breakpoint
CREATE TABLE `case_links` (
	`case_a` text NOT NULL,
	`case_b` text NOT NULL,
	`reason` text NOT NULL,
	`linked_by` text NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`case_a`, `case_b`),
	FOREIGN KEY (`case_a`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_b`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_links_b_idx` ON `case_links` (`case_b`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `case_tags` (
	`case_id` text NOT NULL,
	`tag` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `tag`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_tags_tag_idx` ON `case_tags` (`tag`,`case_id`);