import { after } from "next/server";
import { kickOutbox } from "@/lib/email/worker";
import { kickWebhooks } from "@/lib/webhooks/worker";

/**
 * What every front door (a form's action, an API call) does once its change
 * has committed: deliver the emails and webhooks the change queued right after
 * the response. The poller retries whatever this misses, so a failure here
 * loses nothing.
 */
export function afterCommit(): void {
  after(() => Promise.all([kickOutbox(), kickWebhooks()]));
}

/** For work that already runs after the response (the forgot-password lookup): deliver now. */
export const deliverQueued = kickOutbox;
