import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invitationEvents, invitations } from "@/db/schema";
import { type Actor, eventActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { extendQueuedDeadline } from "@/lib/email/outbox";
import { recordInvitationEvent } from "@/lib/events/record";
import { invitationTopic } from "./delivery";
import { extendPlan } from "./rules";
import { lockOwnInvitation } from "./send";

/**
 * "Extend by 30 days": the same link (the token is unchanged, so no email is
 * needed), a later expiry, at most 90 days after the invitation was first sent.
 * It keeps an invitation going as a resend does, so it takes the same right.
 */
export async function extendInvitation(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<{ email: string; from: Date; expiresAt: Date }> {
  authorize(actor, "invitations.resend");
  return db.transaction(async (tx) => {
    const inv = await lockOwnInvitation(tx, actor, input.id, "invitations.resend");
    const { expiresAt } = extendPlan(inv, now);
    await tx.update(invitations).set({ expiresAt }).where(eq(invitations.id, inv.id));
    // An email still waiting to go out carries a link that now works longer.
    await extendQueuedDeadline(tx, invitationTopic(inv.id), expiresAt);
    await tx.insert(invitationEvents).values({
      invitationId: inv.id,
      type: "extended",
      ...eventActor(actor),
      detail: { from: inv.expiresAt.toISOString(), to: expiresAt.toISOString() },
      createdAt: now,
    });
    await recordInvitationEvent(tx, "invitation.extended", inv.id, now);
    return { email: inv.email, from: inv.expiresAt, expiresAt };
  });
}
