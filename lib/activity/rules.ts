import { ACTIVITY_KINDS, type ActivityKind, USER_ACTIVITY_KINDS } from "@/lib/enums";

const USER_KINDS: ReadonlySet<ActivityKind> = new Set(USER_ACTIVITY_KINDS);

/**
 * Which of an account's logged changes a reader sees. The account itself sees
 * all of them; one without a parent has only what its own people do (nobody
 * above it changes its terms), so it is offered only those. Its parent sees the changes to the terms and states it keeps
 * (billing, pricing, products, contract, account manager, status, the
 * organization details it edits), never what the account's own users did or
 * had done to them (their own organization edits, users added, roles, states):
 * a parent does not see a subaccount's users.
 */
export function activityKindsFor(
  reader: "own" | "parent",
  { hasParent = true }: { hasParent?: boolean } = {},
): readonly ActivityKind[] {
  if (reader === "parent") return ACTIVITY_KINDS.filter((kind) => !USER_KINDS.has(kind));
  return hasParent ? ACTIVITY_KINDS : ACTIVITY_KINDS.filter((kind) => USER_KINDS.has(kind));
}
