ALTER TYPE "public"."activity_kind" ADD VALUE 'organization' BEFORE 'user_added';--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'own_organization' BEFORE 'user_added';