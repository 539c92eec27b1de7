import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { accountPrices, accounts, products, users } from "@/db/schema";
import { effectivePrice } from "@/lib/accounts/prices";
import { can } from "@/lib/auth/permissions";
import {
  type AccountType,
  BILLING_MODES,
  INVITABLE_TYPES,
  type InvitableType,
  PRICING_MODES,
  type Role,
} from "@/lib/enums";
import { DomainError } from "@/lib/errors";
import { productTermsInput } from "@/lib/subaccounts/inputs";
import {
  assertGrantable,
  invitedSubaccountSettings,
  subaccountActionPermission,
  type SubaccountAction,
} from "@/lib/subaccounts/rules";
import { SubaccountError } from "@/lib/subaccounts/errors";

/**
 * Terms an invitation carries: what the subaccount its acceptance creates
 * starts with, instead of "billed to the subaccount, standard prices". Each
 * part is left out to keep the default. They apply in the transaction of the
 * acceptance (lib/invitations/accept.ts).
 */
export const invitationTermsInput = z.strictObject({
  billing: z.enum(BILLING_MODES).optional(),
  pricing: z.enum(PRICING_MODES).optional(),
  /** Prices (null: the list price) and availability of the parent's products. */
  products: productTermsInput.optional(),
  /** A user of the inviting account; left out, the inviter. */
  accountManagerId: z.uuid().optional(),
  /** What the new account may create in turn; left out, the default for its type. */
  allowedSubaccountTypes: z.array(z.enum(INVITABLE_TYPES)).max(INVITABLE_TYPES.length).optional(),
  /** Whether the accept page shows the invitee their custom prices before they accept. */
  showPrices: z.boolean().optional(),
});

export type InvitationTerms = z.output<typeof invitationTermsInput>;
export type TermKey = keyof InvitationTerms;
export const TERM_KEYS = Object.keys(invitationTermsInput.shape) as TermKey[];

/** The change of a subaccount each term is: setting it takes the same right. */
const TERM_ACTION: Record<TermKey, SubaccountAction> = {
  billing: "editBilling",
  pricing: "editPricing",
  products: "editPricing",
  showPrices: "editPricing",
  accountManagerId: "assignManager",
  allowedSubaccountTypes: "editAllowedTypes",
};

/** Which terms a role may set: what the permission table lets it change on a subaccount. */
export function settableTerms(role: Role): TermKey[] {
  return TERM_KEYS.filter((key) => can(role, subaccountActionPermission(TERM_ACTION[key])));
}

/** Terms with nothing left out but what is unset: null when none is set. */
export function normalizeTerms(terms: InvitationTerms | null | undefined): InvitationTerms | null {
  if (!terms) return null;
  const set = Object.fromEntries(
    TERM_KEYS.filter((key) => terms[key] !== undefined).map((key) => [key, terms[key]]),
  ) as InvitationTerms;
  if (set.allowedSubaccountTypes)
    set.allowedSubaccountTypes = [...new Set(set.allowedSubaccountTypes)];
  return Object.keys(set).length ? set : null;
}

/**
 * A part in one form whatever its source: stored as jsonb, an object's keys come
 * back in PostgreSQL's order, and products in any order mean the same.
 */
function canonical(key: TermKey, value: InvitationTerms[TermKey] | undefined): string {
  if (value === undefined || value === null) return "null";
  if (key === "products")
    return JSON.stringify(
      (value as NonNullable<InvitationTerms["products"]>)
        .map((p) => [p.productId, p.priceCents, p.available])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  if (key === "allowedSubaccountTypes") return JSON.stringify([...(value as string[])].sort());
  return JSON.stringify(value);
}

/** The terms that differ between two sets (a part set, changed or removed). */
export function changedTerms(before: InvitationTerms | null, after: InvitationTerms | null) {
  return TERM_KEYS.filter((key) => canonical(key, before?.[key]) !== canonical(key, after?.[key]));
}

/** Only the named parts of a set. */
export function pickTerms(terms: InvitationTerms | null, keys: TermKey[]): InvitationTerms | null {
  if (!terms) return null;
  return normalizeTerms(
    Object.fromEntries(keys.map((key) => [key, terms[key]])) as InvitationTerms,
  );
}

/**
 * A form's terms over the ones before: the parts the role may not set are not
 * the form's to give (it shows them read-only), so they stay as they were.
 */
export function keepUnsettable(
  role: Role,
  before: InvitationTerms | null,
  after: InvitationTerms | null,
): InvitationTerms | null {
  const allowed = new Set(settableTerms(role));
  return normalizeTerms(
    Object.fromEntries(
      TERM_KEYS.map((key) => [key, allowed.has(key) ? after?.[key] : before?.[key]]),
    ) as InvitationTerms,
  );
}

/**
 * Refuses terms the role may not set: an invitation never gives a subaccount
 * what its sender could not give it on the subaccount's own page. Only the
 * parts that change count: a Finance manager changing the billing of an
 * invitation keeps the account manager an Administrator chose.
 */
export function authorizeTerms(
  actor: { role: Role },
  before: InvitationTerms | null,
  after: InvitationTerms | null,
) {
  const allowed = new Set(settableTerms(actor.role));
  if (changedTerms(before, after).some((key) => !allowed.has(key)))
    throw new DomainError("forbidden");
}

/** Whether the user is an active user of the account: who may be a subaccount's account manager. */
async function isActiveUserOf(tx: Db, accountId: string, userId: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, accountId), eq(users.status, "active")));
  return Boolean(user);
}

/** The join of a product with the account's own terms for it (none: orderable at the list price). */
const ownTerms = (accountId: string) =>
  and(eq(accountPrices.productId, products.id), eq(accountPrices.accountId, accountId));

/** What an account may order itself: what it cannot order it cannot offer in turn. */
const orderable = sql`coalesce(${accountPrices.available}, true)`;

/**
 * Checks the terms against the inviting account as it is now, in the caller's
 * transaction: the products it may order itself, its active users, the types
 * it may pass on.
 */
export async function checkTerms(tx: Db, accountId: string, terms: InvitationTerms | null) {
  if (!terms) return;
  if (terms.products?.length) {
    const ids = terms.products.map((p) => p.productId);
    const found = await tx
      .select({ id: products.id })
      .from(products)
      .leftJoin(accountPrices, ownTerms(accountId))
      .where(and(inArray(products.id, ids), orderable));
    if (found.length !== new Set(ids).size) throw new SubaccountError("product_not_found", "terms");
  }
  if (terms.accountManagerId && !(await isActiveUserOf(tx, accountId, terms.accountManagerId)))
    throw new SubaccountError("account_manager_not_found", "accountManagerId");
  if (terms.allowedSubaccountTypes) {
    const [parent] = await tx
      .select({ allowed: accounts.allowedSubaccountTypes })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    assertGrantable(terms.allowedSubaccountTypes, parent?.allowed ?? []);
  }
}

/**
 * The settings of the subaccount an accepted invitation creates: the defaults
 * of every invited subaccount, with the invitation's terms over them.
 */
export function acceptedSubaccountSettings(
  type: InvitableType,
  parentAllowed: readonly AccountType[],
  terms: InvitationTerms | null,
  inviterId: string,
) {
  const defaults = invitedSubaccountSettings(type, parentAllowed);
  return {
    ...defaults,
    billing: terms?.billing ?? defaults.billing,
    pricing: terms?.pricing ?? defaults.pricing,
    // Passed on only what the parent may still create (its types may have narrowed since).
    allowedSubaccountTypes: terms?.allowedSubaccountTypes
      ? terms.allowedSubaccountTypes.filter((t) => parentAllowed.includes(t))
      : defaults.allowedSubaccountTypes,
    accountManagerId: terms?.accountManagerId ?? inviterId,
  };
}

/** The invitation's product terms, written for the new subaccount in the accept's transaction. */
export async function applyProductTerms(tx: Db, accountId: string, terms: InvitationTerms | null) {
  if (!terms?.products?.length) return;
  await tx
    .insert(accountPrices)
    .values(
      terms.products.map((p) => ({
        accountId,
        productId: p.productId,
        priceCents: p.priceCents,
        available: p.available,
      })),
    )
    .onConflictDoNothing();
}

/**
 * The terms as the acceptance can apply them now: an account manager who has
 * left the inviting account since (deactivated, or gone) gives way to the
 * inviter. In the acceptance's transaction.
 */
export async function termsAtAcceptance(
  tx: Db,
  accountId: string,
  terms: InvitationTerms | null,
): Promise<InvitationTerms | null> {
  if (!terms?.accountManagerId || (await isActiveUserOf(tx, accountId, terms.accountManagerId)))
    return terms;
  return normalizeTerms({ ...terms, accountManagerId: undefined });
}

/**
 * The price list the new subaccount will have under these terms: every product
 * its parent may order itself, with what it will pay and whether it may order
 * it. The accept page shows it only when the terms say so (`showPrices`).
 */
export async function pricesUnderTerms(db: Db, parentId: string, terms: InvitationTerms | null) {
  const rows = await db
    .select({
      productId: products.id,
      name: products.name,
      currency: products.currency,
      standardPriceCents: products.standardPriceCents,
    })
    .from(products)
    .leftJoin(accountPrices, ownTerms(parentId))
    .where(orderable)
    .orderBy(asc(products.sortOrder), asc(products.name));
  const given = new Map(terms?.products?.map((p) => [p.productId, p]));
  return rows.map((p) => ({
    productId: p.productId,
    name: p.name,
    currency: p.currency,
    priceCents: effectivePrice(
      terms?.pricing ?? "standard",
      p.standardPriceCents,
      given.get(p.productId)?.priceCents ?? null,
    ),
    available: given.get(p.productId)?.available ?? true,
  }));
}
