ALTER TYPE "public"."invitation_event_type" ADD VALUE 'complained';--> statement-breakpoint
CREATE TABLE "setup_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_events" ADD COLUMN "provider_event_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "setup_codes_code_hash_index" ON "setup_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_events_provider_event_id_index" ON "invitation_events" USING btree ("provider_event_id") WHERE "invitation_events"."provider_event_id" is not null;--> statement-breakpoint
CREATE INDEX "email_outbox_provider_message_id_index" ON "email_outbox" USING btree ("provider_message_id");