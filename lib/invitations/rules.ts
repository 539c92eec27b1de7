import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { DeliveryStatus } from "@/lib/enums";
import type { DisplayStatus } from "./constants";
import { InvitationError } from "./errors";
import { displayStatus, expiryFor, type InvitationState } from "./status";

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
  inv: InvitationState & { deliveryStatus: DeliveryStatus },
  now: Date,
) {
  const resend = can(actor.role, "invitations.resend");
  return {
    resend: resend && canResend(inv, now),
    cancel: can(actor.role, "invitations.cancel") && canCancel(inv, now),
    correctAddress: resend && canCorrectAddress(inv, now),
  };
}

/** The delivery to show beside a status: none for a canceled invitation whose email was withdrawn. */
export function shownDelivery<D extends string>(status: DisplayStatus, delivery: D): D | null {
  return status === "canceled" && delivery === "sending" ? null : delivery;
}
