import type { Db } from "@/db";
import type { emailOutbox } from "@/db/schema";

/**
 * What becomes of a message, told to whoever cares beyond the outbox: the
 * invitations register what an outcome means for an invitation
 * (lib/invitations/email-outcomes.ts); the outbox itself knows no invitation.
 * Handlers run in the transaction that records the outcome, so both happen or
 * neither does.
 */

export type OutboxMessage = Pick<
  typeof emailOutbox.$inferSelect,
  "id" | "idempotencyKey" | "template" | "topic"
>;

export type Settled = { kind: "sent"; transport: string } | { kind: "failed"; reason: string };

/** A mail provider's report on a message it took (lib/email/provider-events.ts). */
export type ProviderReport = {
  /** The provider's id of the report; the same report may arrive more than once. */
  eventId: string;
  type: "delivered" | "bounced" | "complained";
  providerMessageId: string;
  at: Date;
  reason?: string;
};

export type EmailOutcomeHandler = {
  /** A worker sent the message, or gave up on it. */
  settled?(tx: Db, message: OutboxMessage, outcome: Settled, now: Date): Promise<void>;
  /** The provider reported on it; true when the report was news to this handler. */
  reported?(tx: Db, message: OutboxMessage, report: ProviderReport, now: Date): Promise<boolean>;
};

// By name: a module evaluated again (a development reload) replaces its handler.
const handlers = new Map<string, EmailOutcomeHandler>();

export function handleEmailOutcomes(name: string, handler: EmailOutcomeHandler) {
  handlers.set(name, handler);
}

export async function settled(tx: Db, message: OutboxMessage, outcome: Settled, now: Date) {
  for (const handler of handlers.values()) await handler.settled?.(tx, message, outcome, now);
}

export async function reported(
  tx: Db,
  message: OutboxMessage,
  report: ProviderReport,
  now: Date,
): Promise<boolean> {
  let news = false;
  for (const handler of handlers.values())
    if (await handler.reported?.(tx, message, report, now)) news = true;
  return news;
}
