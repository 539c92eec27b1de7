import { eq, inArray } from "drizzle-orm";
import { v7 } from "uuid";
import type { Db } from "@/db";
import { accounts, events, invitations, users } from "@/db/schema";
import { invitationSummaryOf, subaccountSummaryOf } from "@/lib/api/resources";
import type { EventType } from "@/lib/enums";
import { displayStatus } from "@/lib/invitations/status";
import { fullName } from "@/lib/users/names";
import { type EventRow, fanOutEvents } from "@/lib/webhooks/fan-out";

/**
 * Events are written by the use cases, in the transaction of the change they
 * tell of, with the resource as the API shows it at that moment: an event is
 * never lost when the change is made, and never told of a change rolled back.
 * Their data names no token, password or key: only the API's own fields.
 * Ids are time-ordered (UUIDv7), so events of one moment list in the order
 * they were written.
 */

type InvitationEventType = Extract<EventType, `invitation.${string}`>;
type SubaccountEventType = Extract<EventType, `subaccount.${string}`>;

/** One event for each invitation named, as it stands in the transaction now. */
export async function recordInvitationEvents(
  tx: Db,
  type: InvitationEventType,
  invitationIds: string[],
  now: Date,
) {
  if (invitationIds.length === 0) return;
  const rows = await tx
    .select({
      id: invitations.id,
      accountId: invitations.accountId,
      email: invitations.email,
      status: invitations.status,
      deliveryStatus: invitations.deliveryStatus,
      subaccountType: invitations.subaccountType,
      sentBy: fullName(users),
      lastSentAt: invitations.lastSentAt,
      expiresAt: invitations.expiresAt,
      acceptedAccountId: invitations.acceptedAccountId,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.sentBy))
    .where(inArray(invitations.id, invitationIds));
  if (rows.length === 0) return;
  await writeEvents(
    tx,
    rows.map((row) => ({
      id: v7(),
      accountId: row.accountId,
      type,
      createdAt: now,
      data: {
        ...invitationSummaryOf({ ...row, status: displayStatus(row, now) }),
        subaccount_id: row.acceptedAccountId,
      },
    })),
  );
}

export async function recordInvitationEvent(
  tx: Db,
  type: InvitationEventType,
  invitationId: string,
  now: Date,
) {
  await recordInvitationEvents(tx, type, [invitationId], now);
}

/** An event for the parent of a subaccount, as the subaccount stands in the transaction now. */
export async function recordSubaccountEvent(
  tx: Db,
  type: SubaccountEventType,
  subaccountId: string,
  now: Date,
) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, subaccountId));
  // A top-level account has no one above it to tell.
  if (!row?.parentId) return;
  await writeEvents(tx, [
    { id: v7(), accountId: row.parentId, type, createdAt: now, data: subaccountSummaryOf(row) },
  ]);
}

/** The events, and a delivery of each to every webhook endpoint that wants it. */
async function writeEvents(tx: Db, rows: (EventRow & { type: EventType })[]) {
  await tx.insert(events).values(rows);
  await fanOutEvents(tx, rows);
}
