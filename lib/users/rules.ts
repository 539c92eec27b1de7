import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/auth/permissions";

/** A set-password link is valid this long. */
export const SET_PASSWORD_TTL_DAYS = 7;

export type UserErrorCode =
  | "user_not_found"
  | "username_taken"
  | "last_administrator"
  | "cannot_change_self"
  | "set_password_link_invalid"
  | "set_password_rate_limited"
  | "users_rate_limited"
  | "link_rate_limited"
  | "password_already_set";

export class UserError extends DomainError<UserErrorCode> {}

export function setPasswordExpiry(now: Date): Date {
  return new Date(now.getTime() + SET_PASSWORD_TTL_DAYS * 24 * 3600 * 1000);
}

type Member = { id: string; role: Role; status: "active" | "deactivated" };

/**
 * An account always keeps one active Administrator: refuses a change that
 * would leave it with none.
 */
export function assertAdministratorRemains(
  members: Member[],
  change: { userId: string; role?: Role; status?: Member["status"] },
) {
  const after = members.map((m) => (m.id === change.userId ? { ...m, ...change } : m));
  if (!after.some((m) => m.role === "administrator" && m.status === "active")) {
    throw new UserError("last_administrator");
  }
}
