import { type SQL, sql } from "drizzle-orm";
import { invitations } from "@/db/schema";
import type { InvitationStatus } from "@/lib/enums";
import { type DisplayStatus, INVITATION_TTL_DAYS, type InvitationOrder } from "./constants";

/**
 * An invitation's status, once: the TypeScript rule and its SQL twins side by
 * side. Stored statuses are pending, accepted, canceled and expired; a pending
 * invitation past its expiry shows as expired before the sweep writes it.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationState = { status: InvitationStatus; expiresAt: Date };

export function expiryFor(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

/** The one definition of "expired": pending and past its expiry (or closed out as expired). */
export function displayStatus(inv: InvitationState, now: Date): DisplayStatus {
  if (inv.status === "pending")
    return now.getTime() >= inv.expiresAt.getTime() ? "expired" : "pending";
  return inv.status;
}

/** Whether a status comes with an expiry worth showing: while the link could still be (re)used. */
export function showsExpiry(status: DisplayStatus): boolean {
  return status === "pending" || status === "expired";
}

/** Whether a list of this status (or of all) may be ordered by expiry: where it shows one. */
export function ordersByExpiry(status: DisplayStatus | undefined): boolean {
  return status !== undefined && showsExpiry(status);
}

/**
 * The order a list is in: by expiry only in a status that shows one (the
 * Pending and Expired tabs); anywhere else an expiry order falls back to the
 * newest sent first.
 */
export function invitationOrder(params: {
  status?: DisplayStatus;
  sort: InvitationOrder;
}): InvitationOrder {
  const byExpiry = params.sort === "expires" || params.sort === "expiresLatest";
  return byExpiry && !ordersByExpiry(params.status) ? "newest" : params.sort;
}

/** The moment as SQL: a value, or already SQL (a prepared statement's placeholder). */
const moment = (now: Date | SQL) =>
  now instanceof Date ? sql`${now.toISOString()}::timestamptz` : now;

/**
 * The SQL twin of `displayStatus`: which stored rows show as the given status at
 * `now`. Status and expiry are correlated in a way the planner cannot see (stored
 * pending invitations are nearly all unexpired, thanks to the expiry sweep), so
 * the moment is handed to "pending" as a sub-select: planned without its value,
 * the list walks its order index instead of gathering every pending row to sort.
 */
export function statusCondition(status: DisplayStatus, now: Date | SQL): SQL {
  switch (status) {
    case "pending":
      return sql`${invitations.status} = 'pending' and ${invitations.expiresAt} > (select ${moment(now)})`;
    case "expired":
      // Closed out by the sweep; `lapsedCondition` adds those it has not reached yet.
      return sql`${invitations.status} = 'expired'`;
    default:
      return sql`${invitations.status} = ${status}`;
  }
}

/**
 * Pending invitations past their expiry that the sweep has not closed out yet: a
 * few. The moment is a sub-select here too, for the same reason as for "pending":
 * judged by the histogram of expiries, they would look like most of the account.
 */
export function lapsedCondition(now: Date | SQL): SQL {
  return sql`${invitations.status} = 'pending' and ${invitations.expiresAt} <= (select ${moment(now)})`;
}

/** The twin of `displayStatus(inv, now) === "pending"` for a compare-and-swap on one row. */
export function stillPendingCondition(now: Date): SQL {
  return sql`${invitations.status} = 'pending' and ${invitations.expiresAt} > ${moment(now)}`;
}
