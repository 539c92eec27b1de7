import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { type Clock, systemClock } from "@/lib/background/clock";
import { describeError } from "@/lib/errors";
import { fromHeader } from "../sender";
import { type BatchOutcome, type EmailTransport, type OutgoingEmail } from "../transport";
import { DEFAULT_DEADLINE_DAYS, ERASED_BODY } from "./enqueue";
import { settled } from "./outcomes";
import { deliveryState, holdUntil, mayRequest, pause, reserveSlot, resume } from "./state";

/**
 * The worker: claims due messages, sends them a batch per request, records
 * each outcome. What an outcome means beyond the outbox (an invitation's
 * history, its delivery state) is told to the handlers registered in ./outcomes.
 */

const MAX_BACKOFF_MS = 30 * 60 * 1000;
// A claimed message is not offered to another worker until this has passed, so
// a worker that dies mid-send leaves its messages to be retried. Each request
// to the provider times out well before it.
const CLAIM_LEASE_MS = 5 * 60 * 1000;
export const REQUEST_TIMEOUT_MS = 30_000;
// "Same key, still being processed": look again shortly.
const IN_FLIGHT_RECHECK_MS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** What claiming a group of queued messages reads of each. */
const claimColumns = {
  id: emailOutbox.id,
  idempotencyKey: emailOutbox.idempotencyKey,
  nextAttemptAt: emailOutbox.nextAttemptAt,
};

type Claimed = typeof emailOutbox.$inferSelect;

function groupKey(messages: { idempotencyKey: string }[]): string {
  const keys = messages.map((m) => m.idempotencyKey).sort();
  return `batch-${createHash("sha256").update(keys.join("\n")).digest("hex").slice(0, 40)}`;
}

/** Messages claimed for one request, and whether they are a group retried under its old key. */
type Claim = { messages: Claimed[]; retry: boolean };

/**
 * Takes up to `limit` due messages for this worker (SKIP LOCKED: two workers
 * never take the same one). A group whose outcome is unknown (a timeout, a 5xx)
 * is taken again whole, in the same order, so it goes out as the same request
 * under the same idempotency key and the provider can tell a retry from a new
 * send. A transaction-scoped advisory lock on the group keeps two workers from
 * splitting it.
 */
async function claim(db: Db, now: Date, limit: number): Promise<Claim> {
  return db.transaction(async (tx) => {
    const due = and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now));
    const [unsure] = await tx
      .select({ batchKey: emailOutbox.batchKey })
      .from(emailOutbox)
      .where(and(due, isNotNull(emailOutbox.batchKey)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(1)
      .for("update", { skipLocked: true });
    let rows: { id: string; idempotencyKey: string; nextAttemptAt: Date }[];
    if (unsure) {
      const [lock] = await tx
        .select({ got: sql<boolean>`pg_try_advisory_xact_lock(hashtext(${unsure.batchKey}))` })
        .from(sql`(select 1) as one`);
      if (!lock?.got) return { messages: [], retry: false };
      rows = await tx
        .select(claimColumns)
        .from(emailOutbox)
        .where(and(eq(emailOutbox.batchKey, unsure.batchKey!), eq(emailOutbox.status, "pending")))
        .for("update");
      // Part of the group is already claimed again: not ours to send.
      if (rows.some((r) => r.nextAttemptAt > now)) return { messages: [], retry: false };
    } else {
      rows = await tx
        .select(claimColumns)
        .from(emailOutbox)
        .where(and(due, isNull(emailOutbox.batchKey)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(limit)
        .for("update", { skipLocked: true });
    }
    if (rows.length === 0) return { messages: [], retry: false };
    const claimed = await tx
      .update(emailOutbox)
      .set({
        attempts: sql`${emailOutbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS),
        batchKey: unsure?.batchKey ?? groupKey(rows),
      })
      .where(
        inArray(
          emailOutbox.id,
          rows.map((r) => r.id),
        ),
      )
      .returning();
    // One order for a group, however the rows come back: its request is the same each time.
    claimed.sort((x, y) => (x.idempotencyKey < y.idempotencyKey ? -1 : 1));
    return { messages: claimed, retry: !!unsure };
  });
}

async function markSent(
  db: Db,
  message: Claimed,
  providerMessageId: string | null,
  transport: string,
  now: Date,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(emailOutbox)
      .set({
        status: "sent",
        sentAt: now,
        providerMessageId,
        lastError: null,
        batchKey: null,
        ...ERASED_BODY,
      })
      .where(eq(emailOutbox.id, message.id));
    await settled(tx, message, { kind: "sent", transport }, now);
  });
}

/** Gives up on a message: failed, body erased, and the failure told to the handlers. */
async function markFailed(db: Db, message: Claimed, reason: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(emailOutbox)
      .set({ status: "failed", lastError: reason, batchKey: null, ...ERASED_BODY })
      .where(eq(emailOutbox.id, message.id));
    await settled(tx, message, { kind: "failed", reason }, now);
  });
}

/** Puts messages back as they were: nothing was sent, and the attempt does not count. */
async function giveBack(db: Db, messages: Claimed[], at: Date, keepGroup: boolean) {
  await db
    .update(emailOutbox)
    .set({
      attempts: sql`greatest(${emailOutbox.attempts} - 1, 0)`,
      nextAttemptAt: at,
      ...(keepGroup ? {} : { batchKey: null }),
    })
    .where(
      inArray(
        emailOutbox.id,
        messages.map((m) => m.id),
      ),
    );
}

function deadlineOf(message: Claimed): Date {
  return (
    message.deadlineAt ?? new Date(message.createdAt.getTime() + DEFAULT_DEADLINE_DAYS * DAY_MS)
  );
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; paused: boolean };

export type DeliveryOptions = {
  from: string;
  /** Requests per second to the provider, across every worker (EMAIL_REQUESTS_PER_SECOND). */
  requestsPerSecond: number;
  clock?: Clock;
  /** Messages per request; at most the transport's own limit. */
  batchSize?: number;
  /** Requests this call may make before returning (the poller calls again). */
  maxRequests?: number;
  timeoutMs?: number;
};

/**
 * Delivers what is due, a batch per request, paced and shared with every other
 * worker through PostgreSQL. Safe to run from any number of processes at once.
 * Transient failures are retried until each message's deadline; a 429 costs no
 * attempt and holds every worker for its Retry-After; a configuration fault
 * (401/403, no transport) pauses delivery without failing anything.
 */
export async function deliverDue(
  db: Db,
  transport: EmailTransport | null,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const clock = options.clock ?? systemClock;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, paused: false };
  // Without a transport this worker sends nothing; messages stay queued for one that has it.
  if (!transport) {
    report.paused = true;
    return report;
  }
  const batchSize = Math.min(options.batchSize ?? transport.maxBatch, transport.maxBatch);
  for (let request = 0; request < (options.maxRequests ?? 100); request++) {
    let now = clock.now();
    if (!(await mayRequest(db, now))) {
      report.paused = !!(await deliveryState(db)).pausedReason;
      break;
    }
    const waitMs = await reserveSlot(db, options.requestsPerSecond);
    if (waitMs > 0) {
      await clock.sleep(waitMs);
      now = clock.now();
      // Another worker may have been told to wait (a 429) while this one slept.
      if (!(await mayRequest(db, now))) break;
    }
    const { messages, retry } = await claim(db, now, batchSize);
    if (messages.length === 0) break;
    const outcome = await send(transport, messages, options);
    now = clock.now();
    const proceed = await record(db, transport, { messages, retry }, outcome, now, report);
    if (!proceed) break;
  }
  return report;
}

async function send(
  transport: EmailTransport,
  messages: Claimed[],
  options: DeliveryOptions,
): Promise<BatchOutcome> {
  const emails: OutgoingEmail[] = messages.map((m) => ({
    from: fromHeader(options.from, m.onBehalfOf),
    replyTo: m.replyTo ?? undefined,
    to: m.toAddress,
    subject: m.subject,
    html: m.html,
    text: m.text,
    idempotencyKey: m.idempotencyKey,
  }));
  try {
    return await transport.sendBatch(emails, {
      idempotencyKey: messages[0]!.batchKey!,
      timeoutMs: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
    });
  } catch (error) {
    return { kind: "transient", reason: describeError(error).split("\n")[0]!.slice(0, 500) };
  }
}

/** Records a request's outcome; false when this worker should stop for now. */
async function record(
  db: Db,
  transport: EmailTransport,
  { messages, retry }: Claim,
  outcome: BatchOutcome,
  now: Date,
  report: DeliveryReport,
): Promise<boolean> {
  switch (outcome.kind) {
    case "accepted": {
      await resume(db);
      // One transaction for the whole request: a crash cannot leave half a group pending.
      await db.transaction(async (tx) => {
        for (const [index, message] of messages.entries()) {
          const result = outcome.results[index];
          if (result?.ok) {
            await markSent(tx, message, result.providerMessageId, transport.name, now);
            report.sent++;
          } else {
            await markFailed(tx, message, result?.reason ?? "refused by the provider", now);
            report.failed++;
          }
        }
      });
      return true;
    }
    case "rate_limited": {
      // Without Retry-After (a daily quota, say), a minute rather than hammering.
      const until = new Date(now.getTime() + (outcome.retryAfterMs ?? 60_000));
      await holdUntil(db, until);
      // Nothing was sent now; but a group that may have gone out before keeps its key.
      await giveBack(db, messages, until, retry);
      return false;
    }
    case "in_flight":
      await giveBack(db, messages, new Date(now.getTime() + IN_FLIGHT_RECHECK_MS), true);
      return false;
    case "paused":
      await pause(db, outcome.reason, now);
      await giveBack(db, messages, now, retry);
      report.paused = true;
      return false;
    case "rejected":
      // The whole request refused (an invalid sender address, say): a configuration
      // fault like a bad key. Nothing is failed; delivery waits for it to be fixed.
      await pause(db, outcome.reason, now);
      await giveBack(db, messages, now, retry);
      report.paused = true;
      return false;
    case "transient": {
      const expired = messages.filter((message) => now >= deadlineOf(message));
      for (const message of messages) {
        if (expired.includes(message)) {
          await markFailed(db, message, outcome.reason, now);
          report.failed++;
        } else {
          await db
            .update(emailOutbox)
            .set({
              lastError: outcome.reason,
              nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
              // A group that lost members can no longer go out under its old key.
              ...(expired.length ? { batchKey: null } : {}),
            })
            .where(eq(emailOutbox.id, message.id));
          report.retrying++;
        }
      }
      return false;
    }
  }
}
