-- A case keeps computing its deadlines with the profile version it was registered under, so a
-- stored version is never changed or deleted; an edit is a new version.
CREATE TRIGGER `rule_profiles_no_update` BEFORE UPDATE ON `rule_profiles`
BEGIN
	SELECT RAISE(ABORT, 'rule_profiles is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `rule_profiles_no_delete` BEFORE DELETE ON `rule_profiles`
BEGIN
	SELECT RAISE(ABORT, 'rule_profiles is append-only');
END;
