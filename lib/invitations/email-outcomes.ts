import type { Db } from "@/db";
import { invitationEvents } from "@/db/schema";
import { handleEmailOutcomes } from "@/lib/email/outbox/outcomes";
import { recordInvitationEvent } from "@/lib/events/record";
import { invitationOfTopic, setInvitationDelivery } from "./delivery";

/**
 * What the outbox's outcomes mean for an invitation's email: a line on its
 * history, and its delivery state when the email is that of its latest send
 * (with the event partners hear of). Registered on import: the invitations'
 * use cases and every worker import this module.
 */
handleEmailOutcomes("invitations", {
  async settled(tx, message, outcome, now) {
    const invitationId = invitationOfTopic(message.topic);
    if (!invitationId) return;
    await tx.insert(invitationEvents).values({
      invitationId,
      type: outcome.kind === "sent" ? "sent" : "delivery_failed",
      detail:
        outcome.kind === "sent"
          ? { template: message.template, transport: outcome.transport }
          : { template: message.template, error: outcome.reason },
      createdAt: now,
    });
    if (outcome.kind === "sent") await setInvitationDelivery(tx, message, "sent", ["sending"]);
    else await setInvitationDelivery(tx, message, "failed", ["sending", "sent"]);
  },

  async reported(tx: Db, message, report, now) {
    const invitationId = invitationOfTopic(message.topic);
    if (!invitationId) return false;
    const inserted = await tx
      .insert(invitationEvents)
      .values({
        invitationId,
        type: report.type,
        detail: { reason: report.reason ?? null },
        providerEventId: report.eventId,
        createdAt: report.at,
      })
      .onConflictDoNothing()
      .returning({ id: invitationEvents.id });
    if (!inserted.length) return false;
    if (
      report.type === "delivered" &&
      (await setInvitationDelivery(tx, message, "delivered", ["sending", "sent"]))
    )
      await recordInvitationEvent(tx, "invitation.delivered", invitationId, now);
    if (
      report.type === "bounced" &&
      (await setInvitationDelivery(tx, message, "bounced", ["sending", "sent", "delivered"]))
    )
      await recordInvitationEvent(tx, "invitation.bounced", invitationId, now);
    return true;
  },
});
