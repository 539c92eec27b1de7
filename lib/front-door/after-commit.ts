import { after } from "next/server";
import { kickOutbox } from "@/lib/email/worker";

/**
 * What every front door (a form's action, an API call) does once its change
 * has committed: deliver what the change queued right after the response. The
 * outbox poller retries whatever this misses, so a failure here loses nothing.
 */
export function afterCommit(): void {
  after(kickOutbox);
}

/** For work that already runs after the response (the forgot-password lookup): deliver now. */
export const deliverQueued = kickOutbox;
