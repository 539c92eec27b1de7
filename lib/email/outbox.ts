import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailDelivery, emailOutbox, invitationEvents } from "@/db/schema";
import { describeError } from "@/lib/errors";
import { setInvitationDelivery } from "@/lib/invitations/delivery";
import {
  type BatchOutcome,
  type EmailTransport,
  NO_TRANSPORT_REASON,
  type OutgoingEmail,
} from "./transport";
import { fromHeader } from "./sender";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Once a message is sent, given up on or withdrawn, its body is erased: it may
 * carry a one-time link, and tokens live nowhere at rest but as hashes. The
 * row stays, with recipient, subject and outcome, as the delivery record.
 */
export const ERASED_BODY = { html: "", text: "" } as const;

/** How long a message without a deadline of its own (a welcome email) keeps being retried. */
export const DEFAULT_DEADLINE_DAYS = 3;
const MAX_BACKOFF_MS = 30 * 60 * 1000;
// A claimed message is not offered to another worker until this has passed, so
// a worker that dies mid-send leaves its messages to be retried. Each request
// to the provider times out well before it.
const CLAIM_LEASE_MS = 5 * 60 * 1000;
export const REQUEST_TIMEOUT_MS = 30_000;
// While paused (a revoked key, no transport), one attempt a minute tests whether it is fixed.
const PAUSE_PROBE_MS = 60 * 1000;
// "Same key, still being processed": look again shortly.
const IN_FLIGHT_RECHECK_MS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Time, as delivery sees it; tests pass their own. */
export type Clock = { now(): Date; sleep(ms: number): Promise<void> };
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Writes an email to the outbox. Call it inside the transaction of the change
 * that causes the email: both happen, or neither does. Transient failures are
 * retried until `deadline` (when the email's link stops working), by default
 * three days.
 */
export async function enqueueEmail(
  db: Db,
  input: {
    to: string;
    email: RenderedEmail;
    template: string;
    idempotencyKey: string;
    invitationId?: string;
    deadline?: Date;
    /** Written for a person: their name in the sender's, replies to them (lib/email/sender.ts). */
    sender?: { onBehalfOf: string; replyTo: string };
    now: Date;
  },
) {
  await db.insert(emailOutbox).values({
    idempotencyKey: input.idempotencyKey,
    template: input.template,
    toAddress: input.to,
    subject: input.email.subject,
    html: input.email.html,
    text: input.email.text,
    invitationId: input.invitationId,
    onBehalfOf: input.sender?.onBehalfOf,
    replyTo: input.sender?.replyTo,
    nextAttemptAt: input.now,
    deadlineAt: input.deadline ?? new Date(input.now.getTime() + DEFAULT_DEADLINE_DAYS * DAY_MS),
    createdAt: input.now,
  });
}

/**
 * Withdraws the queued emails of an invitation that a newer send or a cancel has
 * made stale. One that may already be with the provider (its request's outcome is
 * unknown) stays: its group must be retried as sent, or it could go out twice.
 */
export async function withdrawQueued(db: Db, invitationId: string) {
  await db
    .update(emailOutbox)
    .set({ status: "failed", lastError: "superseded", ...ERASED_BODY })
    .where(
      and(
        eq(emailOutbox.invitationId, invitationId),
        eq(emailOutbox.status, "pending"),
        isNull(emailOutbox.batchKey),
      ),
    );
}

// ---------------------------------------------------------------------------
// The delivery state every worker shares: paused, held (Retry-After), paced.

const STATE_ID = 1;

/** What claiming a group of queued messages reads of each. */
const claimColumns = {
  id: emailOutbox.id,
  idempotencyKey: emailOutbox.idempotencyKey,
  nextAttemptAt: emailOutbox.nextAttemptAt,
};

async function deliveryState(db: Db) {
  await db.insert(emailDelivery).values({ id: STATE_ID }).onConflictDoNothing();
  const [row] = await db.select().from(emailDelivery).where(eq(emailDelivery.id, STATE_ID));
  return row!;
}

export type EmailDeliveryStatus =
  { state: "running" } | { state: "paused"; reason: string; since: Date | null };

/**
 * Whether email is going out, for the health check and the Administrators'
 * banner. An instance that is meant to deliver but has no transport says so
 * itself; it does not hold up other workers that have one.
 */
export async function emailDeliveryStatus(
  db: Db,
  instance: { delivers: boolean; hasTransport: boolean } = { delivers: true, hasTransport: true },
): Promise<EmailDeliveryStatus> {
  if (instance.delivers && !instance.hasTransport)
    return { state: "paused", reason: NO_TRANSPORT_REASON, since: null };
  // A read on every page an Administrator opens: no row yet means never paused.
  const [row] = await db
    .select({ pausedReason: emailDelivery.pausedReason, pausedAt: emailDelivery.pausedAt })
    .from(emailDelivery)
    .where(eq(emailDelivery.id, STATE_ID));
  return row?.pausedReason
    ? { state: "paused", reason: row.pausedReason, since: row.pausedAt }
    : { state: "running" };
}

async function pause(db: Db, reason: string, now: Date) {
  await deliveryState(db);
  await db
    .update(emailDelivery)
    .set({
      pausedReason: reason,
      pausedAt: sql`coalesce(${emailDelivery.pausedAt}, ${now.toISOString()}::timestamptz)`,
      holdUntil: new Date(now.getTime() + PAUSE_PROBE_MS),
    })
    .where(eq(emailDelivery.id, STATE_ID));
}

async function resume(db: Db) {
  // The probe went through: the wait it set for the others is over too.
  await db
    .update(emailDelivery)
    .set({ pausedReason: null, pausedAt: null, holdUntil: null })
    .where(and(eq(emailDelivery.id, STATE_ID), isNotNull(emailDelivery.pausedReason)));
}

/** No worker sends before `until` (the provider's Retry-After). */
async function holdUntil(db: Db, until: Date) {
  await db
    .update(emailDelivery)
    .set({
      holdUntil: sql`greatest(coalesce(${emailDelivery.holdUntil}, ${until.toISOString()}::timestamptz), ${until.toISOString()}::timestamptz)`,
    })
    .where(eq(emailDelivery.id, STATE_ID));
}

/**
 * Reserves the next request slot: requests start at least 1/rps seconds apart,
 * across every worker and instance, since the slot is taken in PostgreSQL with
 * one atomic update, on the database's clock (the instances' clocks may differ).
 * Returns how long the caller waits before its request may start.
 */
async function reserveSlot(db: Db, requestsPerSecond: number): Promise<number> {
  // A little over 1/rps apart, so that network jitter cannot put rps + 1 requests
  // into one second at the provider's end.
  const spacing = (1 / requestsPerSecond) * 1.05;
  const start = sql`greatest(coalesce(${emailDelivery.nextSlotAt}, clock_timestamp()), clock_timestamp())`;
  const [row] = await db
    .update(emailDelivery)
    .set({ nextSlotAt: sql`${start} + make_interval(secs => ${spacing})` })
    .where(eq(emailDelivery.id, STATE_ID))
    .returning({
      waitMs: sql<number>`greatest(0, extract(epoch from (${emailDelivery.nextSlotAt} - make_interval(secs => ${spacing}) - clock_timestamp())) * 1000)`,
    });
  return Number(row?.waitMs ?? 0);
}

/**
 * Whether a request may go out now: not while the provider asked to wait; while
 * paused, only the one worker that takes the next probe (one a minute).
 */
async function mayRequest(db: Db, now: Date): Promise<boolean> {
  const state = await deliveryState(db);
  if (state.holdUntil && state.holdUntil > now) return false;
  if (!state.pausedReason) return true;
  const [probe] = await db
    .update(emailDelivery)
    .set({ holdUntil: new Date(now.getTime() + PAUSE_PROBE_MS) })
    .where(
      and(
        eq(emailDelivery.id, STATE_ID),
        sql`(${emailDelivery.holdUntil} is null or ${emailDelivery.holdUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: emailDelivery.id });
  return !!probe;
}

// ---------------------------------------------------------------------------
// Claiming and recording.

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
    if (message.invitationId) {
      await tx.insert(invitationEvents).values({
        invitationId: message.invitationId,
        type: "sent",
        detail: { template: message.template, transport },
        createdAt: now,
      });
      await setInvitationDelivery(tx, message, "sent", ["sending"]);
    }
  });
}

/** Gives up on a message: failed, body erased, and the failure on its invitation's history. */
async function markFailed(db: Db, message: Claimed, reason: string, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(emailOutbox)
      .set({ status: "failed", lastError: reason, batchKey: null, ...ERASED_BODY })
      .where(eq(emailOutbox.id, message.id));
    if (message.invitationId) {
      await tx.insert(invitationEvents).values({
        invitationId: message.invitationId,
        type: "delivery_failed",
        detail: { template: message.template, error: reason },
        createdAt: now,
      });
      await setInvitationDelivery(tx, message, "failed", ["sending", "sent"]);
    }
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
