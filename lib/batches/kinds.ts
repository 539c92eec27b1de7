import type { BatchKind, BatchStatus } from "@/lib/enums";
import type { Permission } from "@/lib/auth/permissions";

/** What each kind of batch needs of the person who started it, at the start and at each chunk. */
export const BATCH_PERMISSION: Record<BatchKind, Permission> = {
  invite: "invitations.create",
  resend: "invitations.resend",
  cancel: "invitations.cancel",
  extend: "invitations.resend",
};

/** A row's outcome when it did what its batch does. */
export const DONE_OUTCOME: Record<BatchKind, string> = {
  invite: "invited",
  resend: "resent",
  cancel: "canceled",
  extend: "extended",
};

/** A batch still to be worked through: its page follows it until it is not. */
export function batchIsOpen(status: BatchStatus): boolean {
  return status === "queued" || status === "running";
}

/** The most invitations one action on a selection may take. */
export const ACTION_BATCH_MAX = 10_000;
