CREATE TYPE "public"."event_type" AS ENUM('invitation.created', 'invitation.resent', 'invitation.delivered', 'invitation.bounced', 'invitation.address_corrected', 'invitation.accepted', 'invitation.expired', 'invitation.canceled', 'subaccount.created', 'subaccount.updated', 'subaccount.deactivated', 'subaccount.reactivated');--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" "event_type" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_account_id_created_at_id_index" ON "events" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "events_created_at_index" ON "events" USING btree ("created_at");