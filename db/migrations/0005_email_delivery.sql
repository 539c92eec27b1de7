CREATE TABLE "email_delivery" (
	"id" integer PRIMARY KEY NOT NULL,
	"paused_reason" text,
	"paused_at" timestamp with time zone,
	"hold_until" timestamp with time zone,
	"next_slot_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "batch_key" text;--> statement-breakpoint
CREATE INDEX "email_outbox_batch_key_index" ON "email_outbox" USING btree ("batch_key");