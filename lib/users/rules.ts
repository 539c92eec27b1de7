import { can } from "@/lib/auth/permissions";
import type { Role, UserStatus } from "@/lib/enums";
import { UserError } from "./errors";

/** A set-password link is valid this long. */
export const SET_PASSWORD_TTL_DAYS = 7;

export function setPasswordExpiry(now: Date): Date {
  return new Date(now.getTime() + SET_PASSWORD_TTL_DAYS * 24 * 3600 * 1000);
}

/** A forgotten password's link works for an hour: it is asked for and used at once. */
export const RESET_PASSWORD_TTL_HOURS = 1;

export function resetPasswordExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_PASSWORD_TTL_HOURS * 3600 * 1000);
}

type Member = { id: string; role: Role; status: UserStatus };

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

/** How a user shows in the list, in the order of its status tabs. */
export const USER_DISPLAY_STATUSES = ["active", "invited", "deactivated"] as const;
export type UserDisplayStatus = (typeof USER_DISPLAY_STATUSES)[number];

/**
 * How a user shows in the list: "invited" until they have chosen a password.
 * Its SQL twin, for filtering and counting, is `displayStatusCondition` in queries.ts.
 */
export function userDisplayStatus(user: {
  status: UserStatus;
  passwordSet: boolean;
}): UserDisplayStatus {
  return user.status === "active" && !user.passwordSet ? "invited" : user.status;
}

/** Who may be assigned as a subaccount's account manager: the parent's active users. */
export function assignableManagers<U extends { status: UserStatus }>(users: U[]): U[] {
  return users.filter((u) => u.status === "active");
}

/**
 * What the Users page offers for one member: nobody changes their own role or
 * status (so no one locks themselves out), and a new set-password link only for
 * an active user who has not chosen a password yet.
 */
export function memberActions(
  actor: { userId: string; role: Role },
  member: { id: string; status: UserStatus; passwordSet: boolean },
) {
  const manage = can(actor.role, "users.manage") && member.id !== actor.userId;
  return {
    changeRoleAndStatus: manage,
    resendLink: manage && member.status === "active" && !member.passwordSet,
  };
}
