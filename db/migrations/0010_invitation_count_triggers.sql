-- invitation_counts follows every insert, update and delete of invitations in the
-- same transaction: statement-level triggers with transition tables, so a bulk
-- change (the expiry sweep, a seed) costs one upsert per account and status, not
-- one per row. Rows are upserted in key order so concurrent changes never deadlock
-- on them.
CREATE FUNCTION invitation_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO invitation_counts AS c (account_id, status, n)
      SELECT account_id, status, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, status) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO invitation_counts AS c (account_id, status, n)
      SELECT account_id, status, sum(d) FROM (
        SELECT account_id, status, 1 AS d FROM new_rows
        UNION ALL
        SELECT account_id, status, -1 AS d FROM old_rows
      ) changes
      GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
      ON CONFLICT (account_id, status) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO invitation_counts AS c (account_id, status, n)
      SELECT account_id, status, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (account_id, status) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invitation_counts_insert AFTER INSERT ON invitations
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_apply();
--> statement-breakpoint
CREATE TRIGGER invitation_counts_update AFTER UPDATE ON invitations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_apply();
--> statement-breakpoint
CREATE TRIGGER invitation_counts_delete AFTER DELETE ON invitations
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_apply();
--> statement-breakpoint
CREATE FUNCTION invitation_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM invitation_counts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- TRUNCATE fires no delete trigger: emptied invitations, emptied counts.
CREATE TRIGGER invitation_counts_truncate AFTER TRUNCATE ON invitations
  FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_clear();
--> statement-breakpoint
-- Counts for the invitations that exist already.
INSERT INTO invitation_counts (account_id, status, n)
  SELECT account_id, status, count(*) FROM invitations GROUP BY 1, 2;
