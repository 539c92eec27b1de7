import { DomainError } from "@/lib/errors";

/** An invitation expires this long after it was last sent. The only place this number lives. */
export const INVITATION_TTL_DAYS = 30;
/** The custom message shown to the invitee, plain text. */
export const CUSTOM_MESSAGE_MAX = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type StoredStatus = "pending" | "accepted" | "canceled" | "expired";
export type DisplayStatus = "pending" | "accepted" | "canceled" | "expired";
export const DISPLAY_STATUSES: DisplayStatus[] = ["pending", "accepted", "expired", "canceled"];

export type InvitationState = { status: StoredStatus; expiresAt: Date };

export type InvitationErrorCode =
  | "invitation_not_found"
  | "invitation_not_resendable"
  | "invitation_not_cancelable"
  | "invitation_duplicate_pending"
  | "invitation_rate_limited"
  | "invitation_type_not_allowed"
  | "invitation_not_acceptable"
  | "resend_rate_limited"
  | "address_not_correctable"
  | "address_unchanged"
  | "accept_rate_limited"
  | "username_taken";

export class InvitationError extends DomainError<InvitationErrorCode> {}

export function expiryFor(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

/** The one definition of "expired": pending and past its expiry (or closed out as expired). */
export function displayStatus(inv: InvitationState, now: Date): DisplayStatus {
  if (inv.status === "pending")
    return now.getTime() >= inv.expiresAt.getTime() ? "expired" : "pending";
  return inv.status;
}

export function canResend(inv: InvitationState, now: Date): boolean {
  const status = displayStatus(inv, now);
  return status === "pending" || status === "expired";
}

export const canCancel = canResend;

export function canAccept(inv: InvitationState, now: Date): boolean {
  return displayStatus(inv, now) === "pending";
}

/** Resending issues a new token and a new window from now. */
export function resendPlan(inv: InvitationState, now: Date) {
  if (!canResend(inv, now)) throw new InvitationError("invitation_not_resendable");
  return { status: "pending" as const, lastSentAt: now, expiresAt: expiryFor(now) };
}

/**
 * Correcting the address is offered where the email did not arrive (bounced or
 * failed), on an invitation that could be resent anyway.
 */
export function canCorrectAddress(
  inv: InvitationState & { deliveryStatus: string },
  now: Date,
): boolean {
  return (
    canResend(inv, now) && (inv.deliveryStatus === "bounced" || inv.deliveryStatus === "failed")
  );
}

export function cancelPlan(inv: InvitationState, now: Date) {
  if (!canCancel(inv, now)) throw new InvitationError("invitation_not_cancelable");
  return { status: "canceled" as const, canceledAt: now };
}

/** The delivery to show beside a status: none for a canceled invitation whose email was withdrawn. */
export function shownDelivery<D extends string>(status: DisplayStatus, delivery: D): D | null {
  return status === "canceled" && delivery === "sending" ? null : delivery;
}
