import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invitations } from "@/db/schema";

/** The idempotency key of an invitation's email, one per send: the outbox's and the provider's. */
export function invitationEmailKey(invitationId: string, sendCount: number): string {
  return `invitation:${invitationId}:${sendCount}`;
}

/** Its SQL twin for an invitation row: the key of its latest email. */
function latestEmailKeySql() {
  return sql`'invitation:' || ${invitations.id} || ':' || ${invitations.sendCount}`;
}

/**
 * The invitation's delivery state follows its latest email only: a report about
 * an email that a resend has replaced changes nothing.
 */
export async function setInvitationDelivery(
  db: Db,
  message: { invitationId: string | null; idempotencyKey: string },
  to: (typeof invitations.$inferSelect)["deliveryStatus"],
  from: (typeof invitations.$inferSelect)["deliveryStatus"][],
): Promise<boolean> {
  if (!message.invitationId) return false;
  const changed = await db
    .update(invitations)
    .set({ deliveryStatus: to })
    .where(
      and(
        eq(invitations.id, message.invitationId),
        inArray(invitations.deliveryStatus, from),
        sql`${message.idempotencyKey} = ${latestEmailKeySql()}`,
      ),
    )
    .returning({ id: invitations.id });
  return changed.length > 0;
}
