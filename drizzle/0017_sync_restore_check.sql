CREATE TABLE `sync_unconfirmed` (
	`mutation_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `server_version` integer;