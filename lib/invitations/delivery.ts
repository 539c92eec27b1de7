import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invitations } from "@/db/schema";

const TOPIC = "invitation:";

/** What the outbox knows an invitation's emails by: withdrawn, extended and reported on by it. */
export function invitationTopic(invitationId: string): string {
  return `${TOPIC}${invitationId}`;
}

/** The invitation an outbox message is about, if it is about one. */
export function invitationOfTopic(topic: string | null): string | null {
  return topic?.startsWith(TOPIC) ? topic.slice(TOPIC.length) : null;
}

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
  message: { topic: string | null; idempotencyKey: string },
  to: (typeof invitations.$inferSelect)["deliveryStatus"],
  from: (typeof invitations.$inferSelect)["deliveryStatus"][],
): Promise<boolean> {
  const invitationId = invitationOfTopic(message.topic);
  if (!invitationId) return false;
  const changed = await db
    .update(invitations)
    .set({ deliveryStatus: to })
    .where(
      and(
        eq(invitations.id, invitationId),
        inArray(invitations.deliveryStatus, from),
        sql`${message.idempotencyKey} = ${latestEmailKeySql()}`,
      ),
    )
    .returning({ id: invitations.id });
  return changed.length > 0;
}
