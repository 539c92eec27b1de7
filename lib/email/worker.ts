import { pruneEvents } from "@/lib/events/queries";
import { type Db, getDb } from "@/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { applyStartedContracts } from "@/lib/contracts/start";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { prune } from "@/lib/rate-limit/service";
import { deliverDue, type DeliveryReport, emailDeliveryStatus } from "./outbox";
import { kickWebhooks } from "@/lib/webhooks/worker";
import { pruneWebhookDeliveries } from "@/lib/webhooks/queries";
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
const SWEEP_EVERY_MS = 60_000;
const last = { prune: 0, sweep: 0 };

/**
 * Periodic upkeep beside delivery, for the in-app poller and the separate worker:
 * expired invitations closed out and the terms of contracts that have started
 * applied every minute, rate-limit counters and idempotency answers older than a
 * day dropped every hour. All of it
 * is safe with any number of instances.
 */
export async function runPeriodicWork(db: Db, now: Date) {
  const at = now.getTime();
  if (at - last.sweep >= SWEEP_EVERY_MS) {
    last.sweep = at;
    await closeOutExpiredInvitations(db, now).catch((error: unknown) =>
      console.error("Closing out expired invitations failed:", describeError(error)),
    );
    await applyStartedContracts(db, now).catch((error: unknown) =>
      console.error("Applying the terms of started contracts failed:", describeError(error)),
    );
  }
  if (at - last.prune >= DAY_MS / 24) {
    last.prune = at;
    await prune(db, new Date(at - DAY_MS)).catch((error: unknown) =>
      console.error("Pruning rate limits failed:", describeError(error)),
    );
    await pruneIdempotencyKeys(db, now).catch((error: unknown) =>
      console.error("Pruning idempotency keys failed:", describeError(error)),
    );
    await pruneEvents(db, now, env().EVENT_RETENTION_DAYS).catch((error: unknown) =>
      console.error("Pruning events failed:", describeError(error)),
    );
    await pruneWebhookDeliveries(db, now).catch((error: unknown) =>
      console.error("Pruning webhook deliveries failed:", describeError(error)),
    );
  }
}

/** Polls for due messages (retries, and anything a crashed instance left behind). */
export function startOutboxPoller(intervalSeconds: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void Promise.all([
      kickOutbox().then(async () => runPeriodicWork(await getDb(), new Date())),
      kickWebhooks(),
    ])
      .catch((error: unknown) => console.error("Periodic work failed:", describeError(error)))
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
