import type { Role } from "@/lib/enums";

/**
 * The one permission table. Every server action names one of these and asks
 * `can()`; pages use the same answer to decide which buttons to show.
 */
const TABLE = {
  // Finance managers see invitations to set their billing and pricing terms (lib/invitations/terms.ts).
  "invitations.view": ["administrator", "manager", "finance_manager"],
  // Changing a pending invitation's terms; each part also takes the right to set it on a subaccount.
  "invitations.editTerms": ["administrator", "finance_manager"],
  "invitations.create": ["administrator", "manager"],
  "invitations.resend": ["administrator", "manager"],
  "invitations.cancel": ["administrator", "manager"],
  "subaccounts.view": ["administrator", "manager", "finance_manager"],
  "subaccounts.create": ["administrator"],
  "subaccounts.editDetails": ["administrator", "manager"],
  "subaccounts.editBilling": ["administrator", "finance_manager"],
  "subaccounts.editPricing": ["administrator", "finance_manager"],
  "subaccounts.changeStatus": ["administrator"],
  "subaccounts.assignManager": ["administrator"],
  "contracts.manage": ["administrator"],
  "users.manage": ["administrator"],
  // Making and revoking the account's API keys; a key acts with its maker's rights.
  "apiKeys.manage": ["administrator"],
  // The account's webhook endpoints and their deliveries (their secrets are shown once, when made).
  "webhooks.view": ["administrator"],
  "webhooks.manage": ["administrator"],
  "account.edit": ["administrator"],
  // The own account's activity log (its terms, its users' roles and states).
  "activity.view": ["administrator", "manager", "finance_manager"],
  // Whether the instance can send email at all (a revoked key, no transport).
  "instance.emailStatus": ["administrator"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof TABLE;
export const PERMISSIONS = Object.keys(TABLE) as Permission[];

/** What a read-only API key may do: look, never change. Every other permission writes. */
const READS: ReadonlySet<Permission> = new Set([
  "invitations.view",
  "subaccounts.view",
  "activity.view",
  "instance.emailStatus",
  "webhooks.view",
]);

export function isReadPermission(permission: Permission): boolean {
  return READS.has(permission);
}

export function can(role: Role, permission: Permission): boolean {
  return (TABLE[permission] as readonly Role[]).includes(role);
}
