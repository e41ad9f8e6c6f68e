CREATE TABLE `sync_case_base` (
	`case_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`mutation_id` text NOT NULL,
	`case_id` text,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`actor_id` text NOT NULL,
	`code` text NOT NULL,
	`server_state` text NOT NULL,
	`detected_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text,
	`resolved_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_conflicts_mutation_id_unique` ON `sync_conflicts` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`resolved_at`,`detected_at`);--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`space_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
