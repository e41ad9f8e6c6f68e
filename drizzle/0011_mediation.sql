CREATE TABLE `mediation_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`proposer` text NOT NULL,
	`terms` text NOT NULL,
	`amount_fen` integer,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediation_proposals_case_idx` ON `mediation_proposals` (`case_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `mediation_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`held_at` integer NOT NULL,
	`mode` text NOT NULL,
	`attendees` text NOT NULL,
	`notes` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediation_sessions_case_idx` ON `mediation_sessions` (`case_id`,`held_at`);--> statement-breakpoint
CREATE TABLE `mediations` (
	`case_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`facts` text DEFAULT '' NOT NULL,
	`appellant_position` text DEFAULT '' NOT NULL,
	`carrier_position` text DEFAULT '' NOT NULL,
	`opinion` text,
	`opinion_issued_at` integer,
	`opinion_issued_by` text,
	`agreement_terms` text,
	`agreement_amount_fen` integer,
	`agreement_at` integer,
	`outcome` text,
	`outcome_note` text,
	`outcome_at` integer,
	`outcome_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
