-- Whether a search term is rare (read its trigram matches, then sort them) or
-- common (walk the list's order and stop after a page) is judged from the
-- column's statistics: a finer histogram keeps that judgement from flipping
-- between ANALYZE runs at a million rows.
ALTER TABLE invitations ALTER COLUMN email SET STATISTICS 1000;
--> statement-breakpoint
ALTER TABLE accounts ALTER COLUMN name SET STATISTICS 1000;
