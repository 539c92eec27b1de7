import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invitationEvents, invitations } from "@/db/schema";
import { type Actor, eventActor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { DomainError } from "@/lib/errors";
import { InvitationError } from "./errors";
import { displayStatus } from "./status";
import {
  authorizeTerms,
  changedTerms,
  checkTerms,
  type InvitationTerms,
  keepUnsettable,
  normalizeTerms,
  pickTerms,
  settableTerms,
} from "./terms";

/**
 * Replaces a pending invitation's terms (null: the defaults again), recorded in
 * its history with the parts that changed. Each changed part takes the right to
 * set it; the parts left as they were take none. The row lock orders the change
 * and an acceptance: the new subaccount gets the terms before or after, never a mix.
 */
export async function changeInvitationTerms(
  db: Db,
  actor: Actor,
  input: {
    id: string;
    terms: InvitationTerms | null;
    /** A form's: the parts the actor may not set stay as they are (keepUnsettable). */
    partial?: boolean;
  },
  now: Date,
): Promise<{ changed: string[] }> {
  authorize(actor, "invitations.editTerms");
  const given = normalizeTerms(input.terms);
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "invitations.editTerms");
    // A role that may set no part of them may not change them at all.
    if (settableTerms(current.role).length === 0) throw new DomainError("forbidden");
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, input.id), eq(invitations.accountId, current.accountId)))
      .for("update");
    if (!inv) throw new InvitationError("invitation_not_found");
    const after = input.partial ? keepUnsettable(current.role, inv.terms, given) : given;
    authorizeTerms(current, inv.terms, after);
    if (displayStatus(inv, now) !== "pending") throw new InvitationError("invitation_not_pending");
    const changed = changedTerms(inv.terms, after);
    if (changed.length === 0) return { changed };
    // Only what changes is checked: parts set before stay as the acceptance will judge them.
    await checkTerms(tx, current.accountId, pickTerms(after, changed));
    await tx.update(invitations).set({ terms: after }).where(eq(invitations.id, inv.id));
    await tx.insert(invitationEvents).values({
      invitationId: inv.id,
      type: "terms_changed",
      ...eventActor(current),
      detail: { changed: changed.join(",") },
      createdAt: now,
    });
    return { changed };
  });
}
