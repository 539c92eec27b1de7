import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, invitationEvents } from "@/db/schema";

export type ProviderEvent = {
  /** The provider's id of the webhook delivery; the same event may arrive more than once. */
  eventId: string;
  type: "delivered" | "bounced";
  providerMessageId: string;
  at: Date;
  reason?: string;
};

/**
 * Records what the mail provider reports about a message: for an invitation's
 * email, an event on its timeline. Unknown messages and repeats are ignored.
 */
export async function recordProviderEvent(
  db: Db,
  event: ProviderEvent,
): Promise<"recorded" | "ignored"> {
  const [message] = await db
    .select({ invitationId: emailOutbox.invitationId })
    .from(emailOutbox)
    .where(eq(emailOutbox.providerMessageId, event.providerMessageId));
  if (!message?.invitationId) return "ignored";
  const [seen] = await db
    .select({ id: invitationEvents.id })
    .from(invitationEvents)
    .where(
      and(
        eq(invitationEvents.invitationId, message.invitationId),
        sql`${invitationEvents.detail}->>'eventId' = ${event.eventId}`,
      ),
    );
  if (seen) return "ignored";
  await db.insert(invitationEvents).values({
    invitationId: message.invitationId,
    type: event.type,
    detail: { eventId: event.eventId, reason: event.reason ?? null },
    createdAt: event.at,
  });
  return "recorded";
}
