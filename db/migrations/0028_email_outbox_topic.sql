ALTER TABLE "email_outbox" ADD COLUMN "topic" text;--> statement-breakpoint
CREATE INDEX "email_outbox_topic_index" ON "email_outbox" USING btree ("topic");--> statement-breakpoint
UPDATE "email_outbox" SET "topic" = 'invitation:' || "invitation_id" WHERE "invitation_id" IS NOT NULL;
