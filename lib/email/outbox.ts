import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, invitationEvents } from "@/db/schema";
import { describeError } from "@/lib/errors";
import { EmailDeliveryError, type EmailTransport } from "./transport";

export type RenderedEmail = { subject: string; html: string; text: string };

export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * Once a message is sent, given up on or withdrawn, its body is erased: it may
 * carry a one-time link, and tokens live nowhere at rest but as hashes. The
 * row stays, with recipient, subject and outcome, as the delivery record.
 */
export const ERASED_BODY = { html: "", text: "" } as const;
// A claimed message is not offered to another worker until this has passed,
// so a worker that dies mid-send leaves its messages to be retried.
const CLAIM_LEASE_MS = 5 * 60 * 1000;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Writes an email to the outbox. Call it inside the transaction of the change
 * that causes the email: both happen, or neither does.
 */
export async function enqueueEmail(
  db: Db,
  input: {
    to: string;
    email: RenderedEmail;
    template: string;
    idempotencyKey: string;
    invitationId?: string;
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
    nextAttemptAt: input.now,
    createdAt: input.now,
  });
}

async function claim(db: Db, now: Date, batchSize: number) {
  return db.transaction(async (tx) => {
    // SKIP LOCKED: two workers never take the same message.
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({
        attempts: sql`${emailOutbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS),
      })
      .where(
        inArray(
          emailOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** Delivers what is due. Safe to run from any number of processes at once. */
export async function deliverDue(
  db: Db,
  transport: EmailTransport,
  options: { from: string; now: Date; batchSize?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claim(db, options.now, options.batchSize ?? 20);
  for (const message of claimed) {
    try {
      const { providerMessageId } = await transport.send({
        from: options.from,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
        idempotencyKey: message.idempotencyKey,
      });
      await db.transaction(async (tx) => {
        await tx
          .update(emailOutbox)
          .set({
            status: "sent",
            sentAt: options.now,
            providerMessageId,
            lastError: null,
            ...ERASED_BODY,
          })
          .where(eq(emailOutbox.id, message.id));
        if (message.invitationId) {
          await tx.insert(invitationEvents).values({
            invitationId: message.invitationId,
            type: "sent",
            detail: { template: message.template, transport: transport.name },
            createdAt: options.now,
          });
        }
      });
      report.sent++;
    } catch (error) {
      const retryable = !(error instanceof EmailDeliveryError) || error.retryable;
      const giveUp = !retryable || message.attempts >= MAX_DELIVERY_ATTEMPTS;
      const lastError =
        error instanceof EmailDeliveryError
          ? error.message.slice(0, 500)
          : describeError(error).split("\n")[0]!.slice(0, 500);
      await db.transaction(async (tx) => {
        await tx
          .update(emailOutbox)
          .set(
            giveUp
              ? { status: "failed", lastError, ...ERASED_BODY }
              : {
                  lastError,
                  nextAttemptAt: new Date(options.now.getTime() + retryDelayMs(message.attempts)),
                },
          )
          .where(eq(emailOutbox.id, message.id));
        if (giveUp && message.invitationId) {
          await tx.insert(invitationEvents).values({
            invitationId: message.invitationId,
            type: "delivery_failed",
            detail: { template: message.template, error: lastError },
            createdAt: options.now,
          });
        }
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}
