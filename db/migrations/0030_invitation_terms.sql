ALTER TYPE "public"."invitation_event_type" ADD VALUE 'terms_changed';--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "terms" jsonb;