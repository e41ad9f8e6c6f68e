CREATE TABLE `business_volumes` (
	`carrier_id` text NOT NULL,
	`period` text NOT NULL,
	`pieces` integer NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` text NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `business_volumes_carrier_period_uq` ON `business_volumes` (`carrier_id`,`period`);--> statement-breakpoint
CREATE TABLE `stats_locked_cases` (
	`period` text NOT NULL,
	`case_id` text NOT NULL,
	`fingerprint` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stats_locked_cases_uq` ON `stats_locked_cases` (`period`,`case_id`);--> statement-breakpoint
CREATE TABLE `stats_period_locks` (
	`period` text PRIMARY KEY NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_by` text NOT NULL,
	`notice` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_stats_idx` ON `cases` (`received_date`,`carrier_id`,`service_type`,`category`,`reason`,`valid_appeal`,`satisfaction`,`carrier_satisfaction`,`amount_recovered_fen`,`carrier_reply_untruthful`,`supervision_reminders`,`dest_province`);