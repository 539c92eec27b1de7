ALTER TABLE "invitations" ADD COLUMN "invitee_first_name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "invitee_last_name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "invitee_company" text;