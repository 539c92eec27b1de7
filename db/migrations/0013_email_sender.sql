ALTER TABLE "email_outbox" ADD COLUMN "on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "reply_to" text;