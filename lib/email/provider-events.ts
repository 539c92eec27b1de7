import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, invitationEvents } from "@/db/schema";
import { recordInvitationEvent } from "@/lib/events/record";
import { setInvitationDelivery } from "@/lib/invitations/delivery";

export type ProviderEvent = {
  /** The provider's id of the webhook delivery; the same event may arrive more than once. */
  eventId: string;
  type: "delivered" | "bounced" | "complained";
  providerMessageId: string;
  at: Date;
  reason?: string;
};

/**
 * Records what the mail provider reports about a message: for an invitation's
 * email, an event on its timeline. Unknown messages are ignored, and a report
 * is recorded once however often (and however concurrently) it arrives: its id
 * is a unique key.
 */
export async function recordProviderEvent(
  db: Db,
  event: ProviderEvent,
  now: Date,
): Promise<"recorded" | "ignored"> {
  const [message] = await db
    .select({ invitationId: emailOutbox.invitationId, idempotencyKey: emailOutbox.idempotencyKey })
    .from(emailOutbox)
    .where(eq(emailOutbox.providerMessageId, event.providerMessageId));
  if (!message?.invitationId) return "ignored";
  const invitationId = message.invitationId;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(invitationEvents)
      .values({
        invitationId,
        type: event.type,
        detail: { reason: event.reason ?? null },
        providerEventId: event.eventId,
        createdAt: event.at,
      })
      .onConflictDoNothing()
      .returning({ id: invitationEvents.id });
    if (!inserted.length) return "ignored";
    // A report on the email of the invitation's latest send changes its delivery, and is told.
    if (
      event.type === "delivered" &&
      (await setInvitationDelivery(tx, message, "delivered", ["sending", "sent"]))
    )
      await recordInvitationEvent(tx, "invitation.delivered", invitationId, now);
    if (
      event.type === "bounced" &&
      (await setInvitationDelivery(tx, message, "bounced", ["sending", "sent", "delivered"]))
    )
      await recordInvitationEvent(tx, "invitation.bounced", invitationId, now);
    return "recorded";
  });
}
