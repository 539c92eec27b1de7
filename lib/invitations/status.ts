import { type SQL, sql } from "drizzle-orm";
import { invitations } from "@/db/schema";
import type { InvitationStatus } from "@/lib/enums";
import {
  type DisplayStatus,
  EXPIRING_SOON_DAYS,
  INVITATION_TTL_DAYS,
  type InvitationOrder,
} from "./constants";

/**
 * An invitation's status, once: the TypeScript rule and its SQL twins side by
 * side. Stored statuses are pending, accepted, canceled and expired; a pending
 * invitation past its expiry shows as expired before the sweep writes it.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationState = { status: InvitationStatus; expiresAt: Date };

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

export function expiryFor(sentAt: Date): Date {
  return addDays(sentAt, INVITATION_TTL_DAYS);
}

/** Whole days left until an expiry, rounded up: "expires in 1 day" until the last moment. */
export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}

/** "Expiring soon": pending, and expiring within the next EXPIRING_SOON_DAYS days. */
export function isExpiringSoon(inv: InvitationState, now: Date): boolean {
  return (
    displayStatus(inv, now) === "pending" &&
    inv.expiresAt.getTime() <= addDays(now, EXPIRING_SOON_DAYS).getTime()
  );
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

/**
 * The SQL twin of `isExpiringSoon` for a list, in the list's order (by last
 * sent): an invitation expires at least INVITATION_TTL_DAYS after its last send
 * (a send sets exactly that, an extension only adds to it), so one expiring
 * within EXPIRING_SOON_DAYS was last sent at least TTL - SOON days ago. That
 * bound on the list's own column lets the index of pending ones by last sent
 * start where they begin, instead of reading the month of pending ones after them.
 * The planner may as well read the week's pending ones through the partial index
 * of pending expiries and sort them: a sort of the week, never of the account
 * (tests/performance/query-plans.test.ts).
 */
export function expiringSoonCondition(now: Date | SQL): SQL {
  const at = moment(now);
  const soon = sql.raw(`interval '${EXPIRING_SOON_DAYS} days'`);
  const sentBefore = sql.raw(`interval '${INVITATION_TTL_DAYS - EXPIRING_SOON_DAYS} days'`);
  return sql`${invitations.status} = 'pending' and ${invitations.expiresAt} > (select ${at})
    and ${invitations.expiresAt} <= (select ${at}) + ${soon}
    and ${invitations.lastSentAt} <= (select ${at}) - ${sentBefore}`;
}
