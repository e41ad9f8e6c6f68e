CREATE TABLE `rule_profile_activations` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` text NOT NULL,
	`version` integer NOT NULL,
	`activated_by` text NOT NULL,
	`activated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rule_profiles` (
	`profile_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`profile_id`, `version`)
);
--> statement-breakpoint
ALTER TABLE `case_deadlines` ADD `started_at` integer;