import { type Db, getDb } from "@/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { prune } from "@/lib/rate-limit/service";
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

const DAY_MS = 24 * 60 * 60 * 1000;
let lastPrune = 0;

/** Rate-limit counters older than a day count for nothing: drop them, at most once an hour. */
async function pruneRateLimits(now: Date) {
  if (now.getTime() - lastPrune < DAY_MS / 24) return;
  lastPrune = now.getTime();
  await prune(await getDb(), new Date(now.getTime() - DAY_MS)).catch((error: unknown) =>
    console.error("Pruning rate limits failed:", describeError(error)),
  );
}

/** Polls for due messages (retries, and anything a crashed instance left behind). */
export function startOutboxPoller(intervalSeconds: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void kickOutbox()
      .then(() => pruneRateLimits(new Date()))
      .finally(() => (running = false));
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
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
