import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { accountPrices, accounts, contracts, products, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { lockActor } from "@/lib/auth/authorize";
import { createUserWithPasswordLink, type NewUser } from "@/lib/users/service";
import {
  type AccountType,
  assertGrantable,
  assertTermsEditable,
  type BillingMode,
  canManageSubaccount,
  type PricingMode,
  type SubaccountAction,
  SubaccountError,
} from "./rules";

export type OrganizationDetails = {
  name: string;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  contactFirstName: string | null;
  contactLastName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

/**
 * Loads and locks one subaccount for a change, after checking that the actor
 * may do it. Anything outside the actor's reach is "not found", never "forbidden",
 * so ids of other accounts' subaccounts reveal nothing.
 */
async function lockSubaccount(tx: Db, requester: Actor, id: string, what: SubaccountAction) {
  // The actor's role as it is now, not as it was when the request began.
  const actor = await lockActor(tx, requester);
  const [sub] = await tx.select().from(accounts).where(eq(accounts.id, id)).for("update");
  if (!sub || sub.parentId !== actor.accountId) throw new SubaccountError("subaccount_not_found");
  if (!canManageSubaccount(actor, sub, what)) throw new SubaccountError("forbidden");
  return { sub, actor };
}

export type NewSubaccount = OrganizationDetails & {
  type: AccountType;
  billing: BillingMode;
  pricing: PricingMode;
  allowedSubaccountTypes: Exclude<AccountType, "managed">[];
  nickname: string | null;
  /** The subaccount's first Administrator; none for Managed, which no one signs in to. */
  administrator: NewUser | null;
};

/**
 * Creates a subaccount directly, configured before anyone has access. Its
 * Administrator receives a one-time link to choose a password.
 */
export async function createSubaccount(
  db: Db,
  input: { actor: Actor; subaccount: NewSubaccount; now: Date },
  deps: { appUrl: string },
): Promise<{ id: string; token: string | null }> {
  const { now } = input;
  const { administrator, ...sub } = input.subaccount;
  return db.transaction(async (tx) => {
    const actor = await lockActor(tx, input.actor, "subaccounts.create");
    const [parent] = await tx.select().from(accounts).where(eq(accounts.id, actor.accountId));
    if (!parent || !parent.allowedSubaccountTypes.includes(sub.type)) {
      throw new SubaccountError("subaccount_type_not_allowed", "type");
    }
    assertGrantable(sub.allowedSubaccountTypes, parent.allowedSubaccountTypes);
    const [created] = await tx
      .insert(accounts)
      .values({
        ...sub,
        parentId: actor.accountId,
        createdVia: "manual",
        accountManagerId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id });
    const id = created!.id;
    if (sub.type === "managed" || !administrator) return { id, token: null };
    const { token } = await createUserWithPasswordLink(
      tx,
      {
        accountId: id,
        accountName: sub.name,
        inviterName: actor.name,
        user: { ...administrator, role: "administrator" },
        now,
      },
      deps,
    );
    return { id, token };
  });
}

export async function updateSubaccountDetails(
  db: Db,
  input: {
    actor: Actor;
    id: string;
    details: OrganizationDetails & { nickname: string | null };
    now: Date;
  },
) {
  await db.transaction(async (tx) => {
    await lockSubaccount(tx, input.actor, input.id, "editDetails");
    await tx
      .update(accounts)
      .set({ ...input.details, updatedAt: input.now })
      .where(eq(accounts.id, input.id));
  });
}

/** A subaccount's own administrators keep their organization details current. */
export async function updateOwnOrganization(
  db: Db,
  input: { actor: Actor; details: OrganizationDetails; now: Date },
) {
  await db.transaction(async (tx) => {
    const actor = await lockActor(tx, input.actor, "account.edit");
    await tx
      .update(accounts)
      .set({ ...input.details, updatedAt: input.now })
      .where(eq(accounts.id, actor.accountId));
  });
}

export async function updateBillingAndPricing(
  db: Db,
  input: { actor: Actor; id: string; billing: BillingMode; pricing: PricingMode; now: Date },
) {
  await db.transaction(async (tx) => {
    const { sub, actor } = await lockSubaccount(tx, input.actor, input.id, "editBilling");
    if (!canManageSubaccount(actor, sub, "editPricing")) throw new SubaccountError("forbidden");
    assertTermsEditable(sub);
    await tx
      .update(accounts)
      .set({ billing: input.billing, pricing: input.pricing, updatedAt: input.now })
      .where(eq(accounts.id, sub.id));
  });
}

export type ProductTerms = { productId: string; priceCents: number | null; available: boolean };

/** Custom prices and product availability; locked with the rest of the terms by a contract. */
export async function updateProductTerms(
  db: Db,
  input: { actor: Actor; id: string; terms: ProductTerms[]; now: Date },
) {
  await db.transaction(async (tx) => {
    const { sub } = await lockSubaccount(tx, input.actor, input.id, "editPricing");
    assertTermsEditable(sub);
    const known = await tx
      .select({ id: products.id })
      .from(products)
      .where(
        inArray(
          products.id,
          input.terms.map((t) => t.productId),
        ),
      );
    const knownIds = new Set(known.map((p) => p.id));
    for (const term of input.terms.filter((t) => knownIds.has(t.productId))) {
      await tx
        .insert(accountPrices)
        .values({ accountId: sub.id, ...term })
        .onConflictDoUpdate({
          target: [accountPrices.accountId, accountPrices.productId],
          set: { priceCents: term.priceCents, available: term.available },
        });
    }
    await tx.update(accounts).set({ updatedAt: input.now }).where(eq(accounts.id, sub.id));
  });
}

/** Assigning a contract applies its billing and pricing and locks them; removing it unlocks them. */
export async function assignContract(
  db: Db,
  input: { actor: Actor; id: string; contractId: string | null; now: Date },
) {
  await db.transaction(async (tx) => {
    const { sub } = await lockSubaccount(tx, input.actor, input.id, "assignContract");
    if (!input.contractId) {
      await tx
        .update(accounts)
        .set({ contractId: null, updatedAt: input.now })
        .where(eq(accounts.id, sub.id));
      return;
    }
    const [contract] = await tx
      .select()
      .from(contracts)
      .where(
        and(eq(contracts.id, input.contractId), eq(contracts.accountId, input.actor.accountId)),
      );
    if (!contract) throw new SubaccountError("contract_not_found", "contractId");
    await tx
      .update(accounts)
      .set({
        contractId: contract.id,
        billing: contract.billing,
        pricing: contract.pricing,
        updatedAt: input.now,
      })
      .where(eq(accounts.id, sub.id));
  });
}

/** The account manager is an active user of the parent account, or nobody. */
export async function assignAccountManager(
  db: Db,
  input: { actor: Actor; id: string; userId: string | null; now: Date },
) {
  await db.transaction(async (tx) => {
    const { sub } = await lockSubaccount(tx, input.actor, input.id, "assignManager");
    if (input.userId) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, input.userId),
            eq(users.accountId, input.actor.accountId),
            eq(users.status, "active"),
          ),
        );
      if (!user) throw new SubaccountError("account_manager_not_found", "userId");
    }
    await tx
      .update(accounts)
      .set({ accountManagerId: input.userId, updatedAt: input.now })
      .where(eq(accounts.id, sub.id));
  });
}

/** A deactivated subaccount's users are signed out at once and cannot sign in. */
export async function setSubaccountStatus(
  db: Db,
  input: { actor: Actor; id: string; status: "active" | "deactivated"; now: Date },
) {
  await db.transaction(async (tx) => {
    const { sub } = await lockSubaccount(tx, input.actor, input.id, "changeStatus");
    await tx
      .update(accounts)
      .set({ status: input.status, updatedAt: input.now })
      .where(eq(accounts.id, sub.id));
  });
}
