import { type Db, getDb } from "@/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { deliverDue, type DeliveryReport, emailDeliveryStatus } from "./outbox";
import { transportFromEnv } from "./transport";

/** Delivers whatever is due now with the configured transport. */
export async function runOutboxOnce(): Promise<DeliveryReport> {
  const db = await getDb();
  return deliverDue(db, transportFromEnv(db), {
    from: env().EMAIL_FROM,
    requestsPerSecond: env().EMAIL_REQUESTS_PER_SECOND,
  });
}

/** Called after a change queued an email: deliver at once rather than at the next poll. */
export function kickOutbox(): Promise<void> {
  return runOutboxOnce().then(
    () => undefined,
    (error: unknown) =>
      console.error("Outbox delivery failed; it will be retried:", describeError(error)),
  );
}

/**
 * Whether email is going out, as this instance sees it: for the health check and
 * the Administrators' banner. An instance meant to deliver without a transport says so.
 */
export async function instanceEmailStatus(db: Db) {
  return emailDeliveryStatus(db, {
    delivers: env().OUTBOX_POLL_SECONDS > 0,
    hasTransport: transportFromEnv(db) !== null,
  });
}
