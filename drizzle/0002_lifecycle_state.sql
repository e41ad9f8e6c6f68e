ALTER TABLE `cases` ADD `transfer_rounds_exceeded` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `supervised` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `supervision_reminders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalated_to_supervision` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `reopen_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `responsible_unit` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `carrier_satisfaction` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `carrier_reply_untruthful` integer;