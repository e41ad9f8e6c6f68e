-- Sync writes a known case's descriptive columns whole on every pulled change (main/sync/materialize.ts);
-- `UPDATE OF` fires whenever a column is named in SET, so the search index would be rewritten for
-- every assignment or status change. Re-index only when the text really changed.
DROP TRIGGER `case_search_description`;
--> statement-breakpoint
CREATE TRIGGER `case_search_description` AFTER UPDATE OF `description` ON `cases`
  WHEN old.description IS NOT new.description
BEGIN
  DELETE FROM `case_search` WHERE rowid = old.rowid;
  INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
    SELECT new.rowid, new.id, new.description, p.name FROM `parties` p WHERE p.case_id = new.id AND p.kind = 'appellant';
END;
--> statement-breakpoint
DROP TRIGGER `case_search_party_name`;
--> statement-breakpoint
CREATE TRIGGER `case_search_party_name` AFTER UPDATE OF `name` ON `parties`
  WHEN new.kind = 'appellant' AND old.name IS NOT new.name
BEGIN
  DELETE FROM `case_search` WHERE rowid = (SELECT rowid FROM `cases` WHERE id = new.case_id);
  INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
    SELECT c.rowid, c.id, c.description, new.name FROM `cases` c WHERE c.id = new.case_id;
END;
