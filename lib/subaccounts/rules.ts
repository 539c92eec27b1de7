export const INVITABLE_TYPES = ["enterprise", "reseller", "retail"] as const;
export type InvitableType = (typeof INVITABLE_TYPES)[number];
export type AccountType = InvitableType | "managed";

/** Types an account may offer by invitation: its allowed types, less Managed (no one signs in to it). */
export function invitableTypes(allowed: readonly AccountType[]): InvitableType[] {
  return INVITABLE_TYPES.filter((t) => allowed.includes(t));
}

/** What a subaccount may create in turn when nobody chose otherwise: only resellers invite. */
export function defaultAllowedSubaccountTypes(type: AccountType): AccountType[] {
  return type === "reseller" ? ["enterprise", "reseller", "retail"] : [];
}

/** Settings of a subaccount created from an invitation. */
export function invitedSubaccountSettings(type: InvitableType) {
  return {
    type,
    billing: "bill_to_subaccount" as const,
    pricing: "standard" as const,
    createdVia: "invitation" as const,
    allowedSubaccountTypes: defaultAllowedSubaccountTypes(type),
  };
}
