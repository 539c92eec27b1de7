CREATE TABLE "invitation_retired_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"invitation_id" uuid NOT NULL,
	"retired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_retired_tokens" ADD CONSTRAINT "invitation_retired_tokens_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitation_retired_tokens_invitation_id_index" ON "invitation_retired_tokens" USING btree ("invitation_id");