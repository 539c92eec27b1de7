CREATE TYPE "public"."invitation_delivery" AS ENUM('sending', 'sent', 'delivered', 'bounced', 'failed');--> statement-breakpoint
ALTER TYPE "public"."invitation_event_type" ADD VALUE 'address_corrected';--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "delivery_status" "invitation_delivery" DEFAULT 'sending' NOT NULL;--> statement-breakpoint
CREATE INDEX "invitations_delivery_problems" ON "invitations" USING btree ("account_id","last_sent_at","id") WHERE "invitations"."delivery_status" in ('bounced', 'failed');