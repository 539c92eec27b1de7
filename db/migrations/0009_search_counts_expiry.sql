CREATE TABLE "invitation_counts" (
	"account_id" uuid NOT NULL,
	"status" "invitation_status" NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "invitation_counts_account_id_status_pk" PRIMARY KEY("account_id","status")
);
--> statement-breakpoint
ALTER TABLE "invitation_counts" ADD CONSTRAINT "invitation_counts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_account_manager_id_created_at_id_index" ON "accounts" USING btree ("account_manager_id","created_at","id");--> statement-breakpoint
CREATE INDEX "accounts_name_trgm" ON "accounts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_nickname_trgm" ON "accounts" USING gin ("nickname" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invitations_email_trgm" ON "invitations" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invitations_account_pending_expiry" ON "invitations" USING btree ("account_id","expires_at") WHERE "invitations"."status" = 'pending';