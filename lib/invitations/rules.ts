import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { DeliveryStatus } from "@/lib/enums";
import { type DisplayStatus, EXTEND_DAYS, INVITATION_MAX_LIFETIME_DAYS } from "./constants";
import { InvitationError } from "./errors";
import { addDays, displayStatus, expiryFor, type InvitationState } from "./status";

export function canResend(inv: InvitationState, now: Date): boolean {
  const status = displayStatus(inv, now);
  return status === "pending" || status === "expired";
}

export const canCancel = canResend;

/** Resending issues a new token and a new window from now. */
export function resendPlan(inv: InvitationState, now: Date) {
  if (!canResend(inv, now)) throw new InvitationError("invitation_not_resendable");
  return { status: "pending" as const, lastSentAt: now, expiresAt: expiryFor(now) };
}

/**
 * Where "Extend by 30 days" would take an invitation: 30 days past its expiry,
 * never more than 90 days after it was first sent; null when that gains
 * nothing (it is at, or a resend took it past, the ceiling).
 */
export function extendedExpiry(inv: { expiresAt: Date; sentAt: Date }): Date | null {
  const ceiling = addDays(inv.sentAt, INVITATION_MAX_LIFETIME_DAYS);
  const later = addDays(inv.expiresAt, EXTEND_DAYS);
  const to = later.getTime() < ceiling.getTime() ? later : ceiling;
  return to.getTime() > inv.expiresAt.getTime() ? to : null;
}

export function canExtend(inv: InvitationState & { sentAt: Date }, now: Date): boolean {
  return displayStatus(inv, now) === "pending" && extendedExpiry(inv) !== null;
}

/** Extending keeps the link (and the token) and moves only the expiry. */
export function extendPlan(inv: InvitationState & { sentAt: Date }, now: Date) {
  if (displayStatus(inv, now) !== "pending") throw new InvitationError("invitation_not_extendable");
  const expiresAt = extendedExpiry(inv);
  if (!expiresAt) throw new InvitationError("invitation_extension_limit");
  return { expiresAt };
}

/** "Send again" makes a new invitation from a closed one that was never accepted. */
export function canSendAgain(inv: InvitationState, now: Date): boolean {
  const status = displayStatus(inv, now);
  return status === "expired" || status === "canceled";
}

/**
 * Correcting the address is offered where the email did not arrive (bounced or
 * failed), on an invitation that could be resent anyway.
 */
export function canCorrectAddress(
  inv: InvitationState & { deliveryStatus: DeliveryStatus },
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

/** What an invitation offers this actor now: their role and its state together. */
export function invitationActions(
  actor: Pick<Actor, "role">,
  inv: InvitationState & { deliveryStatus: DeliveryStatus; sentAt: Date },
  now: Date,
) {
  const resend = can(actor.role, "invitations.resend");
  return {
    resend: resend && canResend(inv, now),
    cancel: can(actor.role, "invitations.cancel") && canCancel(inv, now),
    correctAddress: resend && canCorrectAddress(inv, now),
    // Same right as a resend: it keeps the invitation going, as a resend does.
    extend: resend && canExtend(inv, now),
    sendAgain: can(actor.role, "invitations.create") && canSendAgain(inv, now),
  };
}

/** The delivery to show beside a status: none for a canceled invitation whose email was withdrawn. */
export function shownDelivery<D extends string>(status: DisplayStatus, delivery: D): D | null {
  return status === "canceled" && delivery === "sending" ? null : delivery;
}
