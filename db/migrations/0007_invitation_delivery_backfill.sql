-- Invitations sent before delivery was tracked: their state from their latest email.
UPDATE "invitations" AS i
SET "delivery_status" = CASE
    WHEN o."status" = 'sent' THEN 'sent'::"invitation_delivery"
    WHEN o."status" = 'failed' AND o."last_error" IS DISTINCT FROM 'superseded' THEN 'failed'::"invitation_delivery"
    ELSE 'sending'::"invitation_delivery"
  END
FROM "email_outbox" AS o
WHERE o."invitation_id" = i."id"
  AND o."idempotency_key" = 'invitation:' || i."id" || ':' || i."send_count";
--> statement-breakpoint
-- A bounce reported since the latest send wins.
UPDATE "invitations" AS i
SET "delivery_status" = 'bounced'
WHERE EXISTS (
  SELECT 1 FROM "invitation_events" AS e
  WHERE e."invitation_id" = i."id" AND e."type" = 'bounced' AND e."created_at" >= i."last_sent_at"
);
