import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox } from "@/db/schema";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Once a message is sent, given up on or withdrawn, its body is erased: it may
 * carry a one-time link, and tokens live nowhere at rest but as hashes. The
 * row stays, with recipient, subject and outcome, as the delivery record.
 */
export const ERASED_BODY = { html: "", text: "" } as const;

/** How long a message without a deadline of its own (a welcome email) keeps being retried. */
export const DEFAULT_DEADLINE_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

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
    /** What it is about, for its module: withdrawn or extended by it (withdrawQueued). */
    topic?: string;
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
    topic: input.topic,
    onBehalfOf: input.sender?.onBehalfOf,
    replyTo: input.sender?.replyTo,
    nextAttemptAt: input.now,
    deadlineAt: input.deadline ?? new Date(input.now.getTime() + DEFAULT_DEADLINE_DAYS * DAY_MS),
    createdAt: input.now,
  });
}

/**
 * Withdraws the queued emails of a topic that a newer send or a cancel has made
 * stale. One that may already be with the provider (its request's outcome is
 * unknown) stays: its group must be retried as sent, or it could go out twice.
 */
export async function withdrawQueued(db: Db, topic: string) {
  await db
    .update(emailOutbox)
    .set({ status: "failed", lastError: "superseded", ...ERASED_BODY })
    .where(
      and(
        eq(emailOutbox.topic, topic),
        eq(emailOutbox.status, "pending"),
        isNull(emailOutbox.batchKey),
      ),
    );
}

/**
 * Moves the deadline of a topic's emails still waiting to go out (an extended
 * invitation's link works longer, so it is worth retrying longer). Only later,
 * never earlier, and only while the message is still pending.
 */
export async function extendQueuedDeadline(db: Db, topic: string, deadline: Date) {
  await db
    .update(emailOutbox)
    .set({ deadlineAt: deadline })
    .where(
      and(
        eq(emailOutbox.topic, topic),
        eq(emailOutbox.status, "pending"),
        lt(emailOutbox.deadlineAt, deadline),
      ),
    );
}
