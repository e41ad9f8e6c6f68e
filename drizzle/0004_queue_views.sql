CREATE TABLE `case_deadlines` (
	`case_id` text NOT NULL,
	`limit_name` text NOT NULL,
	`due_at` integer NOT NULL,
	`due_date` text NOT NULL,
	`state` text NOT NULL,
	`provisional` integer NOT NULL,
	`next` integer NOT NULL,
	PRIMARY KEY(`case_id`, `limit_name`)
);
--> statement-breakpoint
CREATE INDEX `case_deadlines_next_idx` ON `case_deadlines` (`due_at`,`case_id`) WHERE next = 1;--> statement-breakpoint
CREATE INDEX `case_deadlines_carrier_idx` ON `case_deadlines` (`due_at`,`case_id`) WHERE limit_name = 'carrier_reply' AND state = 'running';--> statement-breakpoint
CREATE TABLE `queue_counts` (
	`key` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `queue_views` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `queue_views_staff_idx` ON `queue_views` (`staff_id`,`name`);--> statement-breakpoint
CREATE TABLE `staff_preferences` (
	`staff_id` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `cases_awaiting_callback_idx` ON `cases` (`received_at`,`id`) WHERE status IN ('callback', 'carrier_replied');--> statement-breakpoint
CREATE INDEX `cases_closed_at_idx` ON `cases` (`closed_at`,`id`) WHERE status = 'closed';