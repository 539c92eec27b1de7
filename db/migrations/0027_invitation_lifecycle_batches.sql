CREATE TYPE "public"."batch_kind" AS ENUM('invite', 'resend', 'cancel', 'extend');--> statement-breakpoint
CREATE TYPE "public"."batch_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'invitation.extended' BEFORE 'subaccount.created';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'invitation.reminded' BEFORE 'subaccount.created';--> statement-breakpoint
ALTER TYPE "public"."invitation_event_type" ADD VALUE 'extended';--> statement-breakpoint
ALTER TYPE "public"."invitation_event_type" ADD VALUE 'reminded';--> statement-breakpoint
ALTER TYPE "public"."invitation_event_type" ADD VALUE 'sent_again';--> statement-breakpoint
CREATE TABLE "invitation_batch_rows" (
	"batch_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"email" text NOT NULL,
	"input" jsonb,
	"invitation_id" uuid,
	"outcome" text,
	CONSTRAINT "invitation_batch_rows_batch_id_row_pk" PRIMARY KEY("batch_id","row")
);
--> statement-breakpoint
CREATE TABLE "invitation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "batch_kind" NOT NULL,
	"status" "batch_status" DEFAULT 'queued' NOT NULL,
	"created_by" uuid NOT NULL,
	"api_key_id" uuid,
	"actor" jsonb NOT NULL,
	"file_name" text,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "reminder_days" integer DEFAULT 7;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reminded_send_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation_batch_rows" ADD CONSTRAINT "invitation_batch_rows_batch_id_invitation_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."invitation_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batch_rows" ADD CONSTRAINT "invitation_batch_rows_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitation_batch_rows_to_do" ON "invitation_batch_rows" USING btree ("batch_id","row") WHERE "invitation_batch_rows"."outcome" is null;--> statement-breakpoint
CREATE INDEX "invitation_batches_account_id_created_at_index" ON "invitation_batches" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "invitation_batches_open" ON "invitation_batches" USING btree ("created_at") WHERE "invitation_batches"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "invitations_reminder_due" ON "invitations" USING btree ("expires_at") WHERE "invitations"."status" = 'pending' and "invitations"."reminded_send_count" < "invitations"."send_count";