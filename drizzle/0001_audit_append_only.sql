-- The audit trail is append-only: corrections are new events. The hash chain detects what
-- these triggers cannot prevent (someone dropping them and editing the file).
CREATE TRIGGER `case_events_no_update` BEFORE UPDATE ON `case_events`
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `case_events_no_delete` BEFORE DELETE ON `case_events`
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
