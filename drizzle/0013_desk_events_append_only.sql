-- The desk's audit chain is append-only like case_events: corrections are new events.
CREATE TRIGGER `desk_events_no_update` BEFORE UPDATE ON `desk_events`
BEGIN
	SELECT RAISE(ABORT, 'desk_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `desk_events_no_delete` BEFORE DELETE ON `desk_events`
BEGIN
	SELECT RAISE(ABORT, 'desk_events is append-only');
END;
