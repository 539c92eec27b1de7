import { can, type Permission } from "@/lib/auth/permissions";
import { type AccountType, INVITABLE_TYPES, type InvitableType, type Role } from "@/lib/enums";
import { SubaccountError } from "./errors";

/** Types an account may offer by invitation: its allowed types, less Managed (no one signs in to it). */
export function invitableTypes(allowed: readonly AccountType[]): InvitableType[] {
  return INVITABLE_TYPES.filter((t) => allowed.includes(t));
}

/**
 * The Subaccounts page's buttons for this actor: inviting and creating need the
 * role and a type the account may offer; an account that may create no type
 * sees neither.
 */
export function subaccountListOffers(
  actor: { role: Role },
  onOffer: { create: readonly AccountType[]; invite: readonly InvitableType[] },
) {
  return {
    invite: can(actor.role, "invitations.create") && onOffer.invite.length > 0,
    manageInvitations: can(actor.role, "invitations.view"),
    create: can(actor.role, "subaccounts.create") && onOffer.create.length > 0,
  };
}

/**
 * What a subaccount may create in turn when nobody chose otherwise: only
 * resellers invite, and never a type the parent may not create itself.
 */
export function defaultAllowedSubaccountTypes(
  type: AccountType,
  parentAllowed: readonly AccountType[],
): InvitableType[] {
  return type === "reseller" ? invitableTypes(parentAllowed) : [];
}

/** A parent passes on only the types it may create itself. */
export function assertGrantable(
  granted: readonly AccountType[],
  parentAllowed: readonly AccountType[],
) {
  if (granted.some((type) => !parentAllowed.includes(type)))
    throw new SubaccountError("subaccount_type_not_allowed", "allowedSubaccountTypes");
}

/** Settings of a subaccount created from an invitation. */
export function invitedSubaccountSettings(
  type: InvitableType,
  parentAllowed: readonly AccountType[],
) {
  return {
    type,
    billing: "bill_to_subaccount" as const,
    pricing: "standard" as const,
    createdVia: "invitation" as const,
    allowedSubaccountTypes: defaultAllowedSubaccountTypes(type, parentAllowed),
  };
}

export const NICKNAME_MAX = 64;

/** What a parent's user may do to one of its subaccounts. */
export type SubaccountAction =
  | "view"
  | "editDetails"
  | "editBilling"
  | "editPricing"
  | "changeStatus"
  | "assignContract"
  | "assignManager"
  | "editAllowedTypes";

const PERMISSION_FOR: Record<SubaccountAction, Permission> = {
  view: "subaccounts.view",
  editDetails: "subaccounts.editDetails",
  editBilling: "subaccounts.editBilling",
  editPricing: "subaccounts.editPricing",
  changeStatus: "subaccounts.changeStatus",
  editAllowedTypes: "subaccounts.create",
  assignContract: "contracts.manage",
  assignManager: "subaccounts.assignManager",
};

/** The role permission a change of a subaccount takes. */
export function subaccountActionPermission(what: SubaccountAction): Permission {
  return PERMISSION_FOR[what];
}

// Being assigned as a subaccount's account manager lets a user see it; every
// change still needs the role for it. Acceptance makes the inviter the account
// manager, so anything more would let a Manager gain billing and pricing rights
// by sending an invitation.
const ACCOUNT_MANAGER_MAY: readonly SubaccountAction[] = ["view"];

/**
 * Whether the actor may do `what` to the subaccount: only users of its direct
 * parent, with the role for it or as its assigned account manager.
 */
export function canManageSubaccount(
  actor: { userId: string; accountId: string; role: Role },
  sub: { parentId: string | null; accountManagerId: string | null },
  what: SubaccountAction,
): boolean {
  if (sub.parentId !== actor.accountId) return false;
  if (can(actor.role, PERMISSION_FOR[what])) return true;
  return sub.accountManagerId === actor.userId && ACCOUNT_MANAGER_MAY.includes(what);
}

/**
 * Whether the actor may change the subaccount's billing and pricing (together)
 * or its product prices and availability right now: never under a contract.
 */
export function canChangeTerms(
  actor: { userId: string; accountId: string; role: Role },
  sub: { parentId: string | null; accountManagerId: string | null; termsLocked: boolean },
  what: "billingAndPricing" | "products",
): boolean {
  if (sub.termsLocked) return false;
  const pricing = canManageSubaccount(actor, sub, "editPricing");
  return what === "products" ? pricing : pricing && canManageSubaccount(actor, sub, "editBilling");
}

type SubaccountActor = { userId: string; accountId: string; role: Role };

/**
 * Which subaccounts an actor may list: all of the account's with the role to
 * see them, otherwise only those they are account manager of.
 */
export function subaccountListScope(actor: SubaccountActor): { managedBy?: string } {
  return can(actor.role, "subaccounts.view") ? {} : { managedBy: actor.userId };
}

/** Everything the subaccount page may offer this actor, asked once. */
export function subaccountAbilities(
  actor: SubaccountActor,
  sub: { parentId: string | null; accountManagerId: string | null; termsLocked: boolean },
) {
  const may = (what: SubaccountAction) => canManageSubaccount(actor, sub, what);
  return {
    view: may("view"),
    editDetails: may("editDetails"),
    changeBillingAndPricing: canChangeTerms(actor, sub, "billingAndPricing"),
    changeProducts: canChangeTerms(actor, sub, "products"),
    assignContract: may("assignContract"),
    assignManager: may("assignManager"),
    changeStatus: may("changeStatus"),
  };
}

/**
 * Billing and pricing follow an assigned contract while it runs
 * (`contractLocksTerms`, lib/contracts/rules.ts, decides `termsLocked`).
 */
export function assertTermsEditable(sub: { termsLocked: boolean }) {
  if (sub.termsLocked) throw new SubaccountError("subaccount_locked_by_contract");
}

/** The highest price a product may be given: 9,999,999.99 in the account's currency. */
export const MAX_PRICE_CENTS = 999_999_999;

/**
 * A price as people type it, to cents: "199", "199.5", "199,50" (a German decimal
 * comma), "1,234.50" or "1.234,50" (grouped thousands, with the other mark as the
 * decimal point); "" to null (use the list price). Anything else, including the
 * ambiguous "1.234", is refused.
 */
export function parsePriceToCents(input: string): number | null | "invalid" {
  const value = input.trim().replace(/\s+/g, "");
  if (value === "") return null;
  const plain = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value);
  const grouped = /^(\d{1,3}(?:([.,])\d{3})+)(?:([.,])(\d{1,2}))$/.exec(value);
  let whole: string;
  let fraction: string;
  if (plain) {
    whole = plain[1]!;
    fraction = plain[2] ?? "";
  } else if (grouped && grouped[2] !== grouped[3]) {
    whole = grouped[1]!.replaceAll(grouped[2]!, "");
    fraction = grouped[4]!;
  } else return "invalid";
  if (whole.length > 7) return "invalid";
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Cents as a price to edit, with the decimal mark of the reader's language ("199,50" in German). */
export function formatPrice(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(2);
  return locale === "de" ? text.replace(".", ",") : text;
}
