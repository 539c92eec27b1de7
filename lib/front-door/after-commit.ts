import { after } from "next/server";
import { kickAll } from "@/lib/background/kinds";
import { kickOutbox } from "@/lib/email/worker";

/**
 * What every front door (a form's action, an API call) does once its change
 * has committed: deliver the emails and webhooks the change queued right after
 * the response. The poller retries whatever this misses, so a failure here
 * loses nothing.
 */
export function afterCommit(): void {
  after(kickAll);
}

/** For work that already runs after the response (the forgot-password lookup): deliver now. */
export const deliverQueued = kickOutbox;
