import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invitationEvents, invitations } from "@/db/schema";
import { type Actor, eventActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { InvitableType } from "@/lib/enums";
import { InvitationError } from "./errors";
import { canSendAgain } from "./rules";
import { createInvitation, type InvitationDeps, lockOwnInvitation } from "./send";

/**
 * "Send again" on an expired or canceled invitation: a new invitation to the
 * same address, with the same type, language, message and invitee, through
 * the one path that creates invitations (its type check, hourly limit, history,
 * event and email). The old one stays in the list as it was, its history
 * naming the new one, and the new one's naming where it came from.
 */
export async function sendAgain(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
  deps: InvitationDeps,
): Promise<{ id: string; token: string }> {
  authorize(actor, "invitations.create");
  // Refused early, before the hourly limit counts it: the old one, as this account sees it.
  const [old] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.id), eq(invitations.accountId, actor.accountId)));
  if (!old) throw new InvitationError("invitation_not_found");
  if (!canSendAgain(old, now)) throw new InvitationError("invitation_not_sendable_again");
  return createInvitation(
    db,
    actor,
    {
      email: old.email,
      subaccountType: old.subaccountType as InvitableType,
      customMessage: old.customMessage,
      firstName: old.inviteeFirstName,
      lastName: old.inviteeLastName,
      company: old.inviteeCompany,
      locale: old.locale,
      // Its terms too: a sender who may not set them is refused, never sent on the defaults.
      terms: old.terms,
    },
    now,
    deps,
    {
      history: { detail: { from: old.id } },
      async alongside(tx, current, newId) {
        // Locked and judged again: a resend may have revived it meanwhile.
        const locked = await lockOwnInvitation(tx, current, old.id, "invitations.create");
        if (!canSendAgain(locked, now)) throw new InvitationError("invitation_not_sendable_again");
        await tx.insert(invitationEvents).values({
          invitationId: old.id,
          type: "sent_again",
          ...eventActor(current),
          detail: { to: newId },
          createdAt: now,
        });
      },
    },
  );
}
