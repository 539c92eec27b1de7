import { kickBatches } from "@/lib/batches/worker";
import { kickOutbox } from "@/lib/email/worker";
import { kickWebhooks } from "@/lib/webhooks/worker";
// What email outcomes mean for invitations, for every worker that delivers them.
import "@/lib/invitations/email-outcomes";

/**
 * The kinds of background work, each with its own queue and worker: email
 * through the outbox, webhooks to partners' endpoints, batches of invitations
 * (bulk uploads, actions on many). A commit kicks them all;
 * the poller runs them all.
 */
export const BACKGROUND_KINDS = [
  { name: "email", kick: kickOutbox },
  { name: "webhooks", kick: kickWebhooks },
  { name: "batches", kick: kickBatches },
] as const;

/** Delivers what is due of every kind now; each kind logs its own failures. */
export async function kickAll(): Promise<void> {
  await Promise.all(BACKGROUND_KINDS.map((kind) => kind.kick()));
}
