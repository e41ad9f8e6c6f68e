-- Free-text search (main/store/search/text.ts): descriptions and appellant names, trigram-tokenised
-- so any Chinese substring of three or more characters matches. The rowid is the case's rowid;
-- case_id is carried for the join. Kept in sync by the triggers below, backfilled here.
CREATE VIRTUAL TABLE `case_search` USING fts5(`case_id` UNINDEXED, `description`, `name`, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
  SELECT c.rowid, c.id, c.description, p.name FROM `cases` c JOIN `parties` p ON p.case_id = c.id AND p.kind = 'appellant';
--> statement-breakpoint
-- A case is searchable once its appellant is written (the case row always comes first).
CREATE TRIGGER `case_search_party_insert` AFTER INSERT ON `parties` WHEN new.kind = 'appellant'
BEGIN
  INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
    SELECT c.rowid, c.id, c.description, new.name FROM `cases` c WHERE c.id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_party_name` AFTER UPDATE OF `name` ON `parties` WHEN new.kind = 'appellant'
BEGIN
  DELETE FROM `case_search` WHERE rowid = (SELECT rowid FROM `cases` WHERE id = new.case_id);
  INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
    SELECT c.rowid, c.id, c.description, new.name FROM `cases` c WHERE c.id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_description` AFTER UPDATE OF `description` ON `cases`
BEGIN
  DELETE FROM `case_search` WHERE rowid = old.rowid;
  INSERT INTO `case_search` (`rowid`, `case_id`, `description`, `name`)
    SELECT new.rowid, new.id, new.description, p.name FROM `parties` p WHERE p.case_id = new.id AND p.kind = 'appellant';
END;
--> statement-breakpoint
-- Queue counters (schema.ts queue_counts): the big views' counts without walking their index.
INSERT INTO `queue_counts` (`key`, `n`) SELECT 'all', COUNT(*) FROM `cases`;
--> statement-breakpoint
INSERT INTO `queue_counts` (`key`, `n`) SELECT 'open', COUNT(*) FROM `cases` WHERE is_open = 1;
--> statement-breakpoint
INSERT INTO `queue_counts` (`key`, `n`) SELECT 'status:' || status, COUNT(*) FROM `cases` WHERE true GROUP BY status;
--> statement-breakpoint
INSERT INTO `queue_counts` (`key`, `n`)
  SELECT 'assignee:' || coalesce(assignee_id, ''), COUNT(*) FROM `cases` WHERE is_open = 1 GROUP BY assignee_id;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_insert` AFTER INSERT ON `cases`
BEGIN
  INSERT INTO `queue_counts` (`key`, `n`) VALUES ('all', 1) ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
  INSERT INTO `queue_counts` (`key`, `n`) VALUES ('status:' || new.status, 1) ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
  INSERT INTO `queue_counts` (`key`, `n`) SELECT 'open', 1 WHERE new.is_open = 1 ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
  INSERT INTO `queue_counts` (`key`, `n`) SELECT 'assignee:' || coalesce(new.assignee_id, ''), 1 WHERE new.is_open = 1
    ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_update` AFTER UPDATE OF `status`, `is_open`, `assignee_id` ON `cases`
BEGIN
  UPDATE `queue_counts` SET n = n - 1 WHERE key = 'status:' || old.status;
  UPDATE `queue_counts` SET n = n - 1 WHERE old.is_open = 1 AND key = 'open';
  UPDATE `queue_counts` SET n = n - 1 WHERE old.is_open = 1 AND key = 'assignee:' || coalesce(old.assignee_id, '');
  INSERT INTO `queue_counts` (`key`, `n`) VALUES ('status:' || new.status, 1) ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
  INSERT INTO `queue_counts` (`key`, `n`) SELECT 'open', 1 WHERE new.is_open = 1 ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
  INSERT INTO `queue_counts` (`key`, `n`) SELECT 'assignee:' || coalesce(new.assignee_id, ''), 1 WHERE new.is_open = 1
    ON CONFLICT (`key`) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_delete` AFTER DELETE ON `cases`
BEGIN
  UPDATE `queue_counts` SET n = n - 1 WHERE key IN ('all', 'status:' || old.status);
  UPDATE `queue_counts` SET n = n - 1 WHERE old.is_open = 1 AND key IN ('open', 'assignee:' || coalesce(old.assignee_id, ''));
  DELETE FROM `case_search` WHERE rowid = old.rowid;
  DELETE FROM `case_deadlines` WHERE case_id = old.id;
END;
