ALTER TABLE "email_outbox" DROP CONSTRAINT "email_outbox_invitation_id_invitations_id_fk";
--> statement-breakpoint
ALTER TABLE "email_outbox" DROP COLUMN "invitation_id";