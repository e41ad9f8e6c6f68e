CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `carriers` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`waybill_pattern` text NOT NULL,
	`accepts_s10` integer DEFAULT false NOT NULL,
	`waybill_example` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` text NOT NULL,
	`workstation` text NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_events_case_seq_uq` ON `case_events` (`case_id`,`seq`);--> statement-breakpoint
CREATE TABLE `case_number_counters` (
	`day` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`status` text NOT NULL,
	`is_open` integer NOT NULL,
	`channel` text NOT NULL,
	`received_at` integer NOT NULL,
	`received_date` text NOT NULL,
	`appellant_role` text NOT NULL,
	`carrier_id` text NOT NULL,
	`outlet` text,
	`waybill_no` text NOT NULL,
	`service_type` text NOT NULL,
	`origin_province` text NOT NULL,
	`origin_city` text,
	`dest_province` text NOT NULL,
	`dest_city` text,
	`category` text NOT NULL,
	`reason` text NOT NULL,
	`description` text NOT NULL,
	`demand` text NOT NULL,
	`demand_amount_fen` integer,
	`prior_complaint_made` integer NOT NULL,
	`prior_complaint_date` text,
	`prior_complaint_result` text,
	`assignee_id` text,
	`priority` integer DEFAULT 0 NOT NULL,
	`profile_id` text NOT NULL,
	`profile_version` integer NOT NULL,
	`transfer_count` integer DEFAULT 0 NOT NULL,
	`valid_appeal` integer,
	`satisfaction` text,
	`amount_recovered_fen` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`audit_seq` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_no_uq` ON `cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_open_received_idx` ON `cases` (`is_open`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_status_received_idx` ON `cases` (`status`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_assignee_open_received_idx` ON `cases` (`assignee_id`,`is_open`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_waybill_idx` ON `cases` (`waybill_no`);--> statement-breakpoint
CREATE INDEX `cases_received_date_idx` ON `cases` (`received_date`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`id_type` text,
	`id_number` text,
	`address` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_case_kind_uq` ON `parties` (`case_id`,`kind`);--> statement-breakpoint
CREATE INDEX `parties_phone_idx` ON `parties` (`phone`,`case_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`team` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`case_id` text,
	`actor_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_mutation_id_unique` ON `sync_outbox` (`mutation_id`);