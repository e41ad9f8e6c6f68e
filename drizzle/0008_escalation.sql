CREATE TABLE `escalation_inbox` (
	`escalation_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	PRIMARY KEY(`escalation_id`, `staff_id`)
);
--> statement-breakpoint
CREATE INDEX `escalation_inbox_staff_idx` ON `escalation_inbox` (`staff_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `escalation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`level` integer NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`params` text NOT NULL,
	`actions` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_id` text NOT NULL,
	`case_id` text NOT NULL,
	`condition` text NOT NULL,
	`level` integer NOT NULL,
	`state` text NOT NULL,
	`evidence` text NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution_note` text,
	`snoozed_until` integer,
	`snooze_reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_rule_case_condition_uq` ON `escalations` (`rule_id`,`case_id`,`condition`);--> statement-breakpoint
CREATE INDEX `escalations_state_level_idx` ON `escalations` (`state`,`level`,`raised_at`);--> statement-breakpoint
CREATE INDEX `escalations_case_idx` ON `escalations` (`case_id`,`raised_at`);