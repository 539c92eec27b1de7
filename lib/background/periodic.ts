import { type Db } from "@/db";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { applyStartedContracts } from "@/lib/contracts/start";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { pruneEvents } from "@/lib/events/queries";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import { sendDueReminders } from "@/lib/invitations/reminders";
import { prune } from "@/lib/rate-limit/service";
import { pruneWebhookDeliveries } from "@/lib/webhooks/queries";

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60_000;
const last = { prune: 0, sweep: 0 };

/** Runs one piece of upkeep; its failure is logged and waits for the next turn. */
async function upkeep(what: string, work: () => Promise<unknown>) {
  await work().catch((error: unknown) => console.error(`${what} failed:`, describeError(error)));
}

/**
 * Periodic upkeep, for the in-app poller and the separate worker: expired
 * invitations closed out, invitees reminded of links about to expire and the
 * terms of contracts that have started applied every minute; rate-limit
 * counters and idempotency answers older than a day, events past
 * EVENT_RETENTION_DAYS and webhook deliveries past 30 days dropped every hour. All of it is safe with any number of instances.
 */
export async function runPeriodicWork(db: Db, now: Date) {
  const at = now.getTime();
  if (at - last.sweep >= SWEEP_EVERY_MS) {
    last.sweep = at;
    await upkeep("Closing out expired invitations", () => closeOutExpiredInvitations(db, now));
    await upkeep("Reminding invitees", () => sendDueReminders(db, now, { appUrl: env().APP_URL }));
    await upkeep("Applying the terms of started contracts", () => applyStartedContracts(db, now));
  }
  if (at - last.prune >= DAY_MS / 24) {
    last.prune = at;
    await upkeep("Pruning rate limits", () => prune(db, new Date(at - DAY_MS)));
    await upkeep("Pruning idempotency keys", () => pruneIdempotencyKeys(db, now));
    await upkeep("Pruning events", () => pruneEvents(db, now, env().EVENT_RETENTION_DAYS));
    await upkeep("Pruning webhook deliveries", () => pruneWebhookDeliveries(db, now));
  }
}
