import { recordSubaccountEvent } from "@/lib/events/record";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { accountPrices, accounts, contracts, products, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import {
  type AccountStatus,
  type BillingMode,
  type ContractStatus,
  INVITABLE_TYPES,
  type InvitableType,
  type PricingMode,
} from "@/lib/enums";
import { fullName } from "@/lib/users/names";
import type { z } from "zod";
import { ORGANIZATION_FIELD_NAMES } from "@/lib/accounts/organization-fields";
import { fieldChanges, recordActivity } from "@/lib/activity/record";
import { contractLocksTerms, contractStatus } from "@/lib/contracts/rules";
import { SubaccountError } from "./errors";
import type { ProductTerms, subaccountDetailsInput } from "./inputs";
import {
  assertGrantable,
  assertTermsEditable,
  canManageSubaccount,
  type SubaccountAction,
  subaccountActionPermission,
} from "./rules";

/** The parent's users keep their subaccounts: details, terms, contract, manager, status. */

/**
 * Checks the actor's role for the change, then loads and locks the subaccount.
 * Anything outside the actor's reach is "not found", never "forbidden", so ids
 * of other accounts' subaccounts reveal nothing.
 */
async function lockSubaccount(
  tx: Db,
  requester: Actor,
  input: { id: string; what: SubaccountAction; now: Date },
) {
  // The actor's role as it is now, not as it was when the request began.
  const actor = await lockActor(tx, requester);
  const [row] = await tx
    .select({
      account: accounts,
      contract: { startsOn: contracts.startsOn, endsOn: contracts.endsOn },
    })
    .from(accounts)
    .leftJoin(contracts, eq(contracts.id, accounts.contractId))
    .where(eq(accounts.id, input.id))
    .for("update", { of: accounts });
  const found = row?.account;
  if (!found || found.parentId !== actor.accountId)
    throw new SubaccountError("subaccount_not_found");
  if (!canManageSubaccount(actor, found, input.what)) throw new SubaccountError("forbidden");
  const contract = found.contractId ? row.contract : null;
  return { sub: { ...found, termsLocked: contractLocksTerms(contract, input.now) }, actor };
}

/** The first check of each change: the role for it, before anything is read. */
function authorizeFor(actor: Actor, what: SubaccountAction) {
  authorize(actor, subaccountActionPermission(what));
}

export async function updateSubaccountDetails(
  db: Db,
  actor: Actor,
  input: {
    id: string;
    /** The fields to change; one not given keeps the value it has when the row is locked. */
    details: Partial<z.output<typeof subaccountDetailsInput>>;
  },
  now: Date,
) {
  authorizeFor(actor, "editDetails");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "editDetails",
      now,
    });
    const given = Object.fromEntries(
      Object.entries(input.details).filter(([, value]) => value !== undefined),
    ) as Partial<z.output<typeof subaccountDetailsInput>>;
    await tx
      .update(accounts)
      .set({ ...given, updatedAt: now })
      .where(eq(accounts.id, input.id));
    // Not the nickname: it is the parent's own name for the subaccount, which
    // the subaccount never sees, and this log is the subaccount's too.
    await recordActivity(
      tx,
      { accountId: sub.id, actor: current, now },
      fieldChanges("organization", ORGANIZATION_FIELD_NAMES, sub, { ...sub, ...given }),
    );
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
  });
}

/** Billing and pricing change together: it takes both roles, and never under a contract. */
export async function updateBillingAndPricing(
  db: Db,
  actor: Actor,
  /** Either may be left out: it keeps the value it has when the row is locked. */
  input: { id: string; billing?: BillingMode; pricing?: PricingMode },
  now: Date,
) {
  authorizeFor(actor, "editBilling");
  authorizeFor(actor, "editPricing");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "editBilling",
      now,
    });
    if (!canManageSubaccount(current, sub, "editPricing")) throw new SubaccountError("forbidden");
    assertTermsEditable(sub);
    const terms = { billing: input.billing ?? sub.billing, pricing: input.pricing ?? sub.pricing };
    await tx
      .update(accounts)
      .set({ ...terms, updatedAt: now })
      .where(eq(accounts.id, sub.id));
    await recordActivity(tx, { accountId: sub.id, actor: current, now }, [
      { kind: "billing", from: sub.billing, to: terms.billing },
      { kind: "pricing", from: sub.pricing, to: terms.pricing },
    ]);
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
  });
}

/** Custom prices and product availability; locked with the rest of the terms by a contract. */
export async function updateProductTerms(
  db: Db,
  actor: Actor,
  input: { id: string; terms: ProductTerms[] },
  now: Date,
) {
  authorizeFor(actor, "editPricing");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "editPricing",
      now,
    });
    assertTermsEditable(sub);
    const known = await tx
      .select({
        id: products.id,
        name: products.name,
        currency: products.currency,
        priceCents: accountPrices.priceCents,
        available: accountPrices.available,
      })
      .from(products)
      .leftJoin(
        accountPrices,
        and(eq(accountPrices.productId, products.id), eq(accountPrices.accountId, sub.id)),
      )
      .where(
        inArray(
          products.id,
          input.terms.map((t) => t.productId),
        ),
      );
    const before = new Map(known.map((p) => [p.id, p]));
    if (input.terms.some((t) => !before.has(t.productId)))
      throw new SubaccountError("product_not_found", "terms");
    // A product without terms of its own is available at the standard price.
    await recordActivity(
      tx,
      { accountId: sub.id, actor: current, now },
      input.terms.flatMap((term) => {
        const product = before.get(term.productId);
        if (!product) return [];
        return [
          {
            kind: "products" as const,
            subject: product.name,
            from: {
              priceCents: product.priceCents ?? null,
              available: product.available ?? true,
              currency: product.currency,
            },
            to: {
              priceCents: term.priceCents,
              available: term.available,
              currency: product.currency,
            },
          },
        ];
      }),
    );
    for (const term of input.terms) {
      await tx
        .insert(accountPrices)
        .values({ accountId: sub.id, ...term })
        .onConflictDoUpdate({
          target: [accountPrices.accountId, accountPrices.productId],
          set: { priceCents: term.priceCents, available: term.available },
        });
    }
    await tx.update(accounts).set({ updatedAt: now }).where(eq(accounts.id, sub.id));
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
  });
}

/**
 * Assigning a running contract applies its billing and pricing and locks them;
 * one that starts later does so on its first day, one that has ended never.
 * Removing it unlocks them.
 */
export async function assignContract(
  db: Db,
  actor: Actor,
  input: { id: string; contractId: string | null },
  now: Date,
) {
  authorizeFor(actor, "assignContract");
  /** The assigned contract's status: its terms apply now only while it runs. */
  return db.transaction(async (tx): Promise<{ status: ContractStatus | null }> => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "assignContract",
      now,
    });
    const log = { accountId: sub.id, actor: current, now };
    const [previous] = sub.contractId
      ? await tx
          .select({ name: contracts.name })
          .from(contracts)
          .where(eq(contracts.id, sub.contractId))
      : [];
    if (!input.contractId) {
      await tx
        .update(accounts)
        .set({ contractId: null, updatedAt: now })
        .where(eq(accounts.id, sub.id));
      await recordActivity(tx, log, [{ kind: "contract", from: previous?.name ?? null, to: null }]);
      await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
      return { status: null };
    }
    const [contract] = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.id, input.contractId), eq(contracts.accountId, actor.accountId)))
      // Its terms as they stand: an edit of the contract in progress finishes first.
      .for("share");
    if (!contract) throw new SubaccountError("contract_not_found", "contractId");
    // A running contract brings its billing and pricing now; one that starts
    // later brings them on its first day (`applyStartedContracts`); one that has
    // ended, never.
    const terms = contractLocksTerms(contract, now)
      ? { billing: contract.billing, pricing: contract.pricing }
      : { billing: sub.billing, pricing: sub.pricing };
    await tx
      .update(accounts)
      .set({ contractId: contract.id, ...terms, updatedAt: now })
      .where(eq(accounts.id, sub.id));
    // Logged as the changes they are.
    await recordActivity(tx, log, [
      {
        kind: "contract",
        from: sub.contractId === contract.id ? contract.name : (previous?.name ?? null),
        to: contract.name,
      },
      { kind: "billing", from: sub.billing, to: terms.billing },
      { kind: "pricing", from: sub.pricing, to: terms.pricing },
    ]);
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
    return { status: contractStatus(contract, now) };
  });
}

/** The account manager is an active user of the parent account, or nobody. */
export async function assignAccountManager(
  db: Db,
  actor: Actor,
  input: { id: string; userId: string | null },
  now: Date,
) {
  authorizeFor(actor, "assignManager");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "assignManager",
      now,
    });
    let managerName: string | null = null;
    if (input.userId) {
      const [user] = await tx
        .select({ id: users.id, name: fullName(users) })
        .from(users)
        .where(
          and(
            eq(users.id, input.userId),
            eq(users.accountId, actor.accountId),
            eq(users.status, "active"),
          ),
        );
      if (!user) throw new SubaccountError("account_manager_not_found", "userId");
      managerName = user.name;
    }
    const [previous] = sub.accountManagerId
      ? await tx
          .select({ name: fullName(users) })
          .from(users)
          .where(eq(users.id, sub.accountManagerId))
      : [];
    await tx
      .update(accounts)
      .set({ accountManagerId: input.userId, updatedAt: now })
      .where(eq(accounts.id, sub.id));
    if (sub.accountManagerId !== input.userId)
      await recordActivity(tx, { accountId: sub.id, actor: current, now }, [
        { kind: "account_manager", from: previous?.name ?? null, to: managerName },
      ]);
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
  });
}

/** A deactivated subaccount's users are signed out at once and cannot sign in. */
export async function setSubaccountStatus(
  db: Db,
  actor: Actor,
  input: { id: string; status: AccountStatus },
  now: Date,
) {
  authorizeFor(actor, "changeStatus");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "changeStatus",
      now,
    });
    await tx
      .update(accounts)
      .set({ status: input.status, updatedAt: now })
      .where(eq(accounts.id, sub.id));
    await recordActivity(tx, { accountId: sub.id, actor: current, now }, [
      { kind: "status", from: sub.status, to: input.status },
    ]);
    if (input.status !== sub.status)
      await recordSubaccountEvent(
        tx,
        input.status === "active" ? "subaccount.reactivated" : "subaccount.deactivated",
        sub.id,
        now,
      );
  });
}

/**
 * Which types the subaccount may create in turn: only types the parent may
 * create itself, as when it was created. Managed is never among them.
 */
export async function setAllowedSubaccountTypes(
  db: Db,
  actor: Actor,
  input: { id: string; types: InvitableType[] },
  now: Date,
) {
  authorizeFor(actor, "editAllowedTypes");
  await db.transaction(async (tx) => {
    const { sub, actor: current } = await lockSubaccount(tx, actor, {
      id: input.id,
      what: "editAllowedTypes",
      now,
    });
    const [parent] = await tx
      .select({ allowed: accounts.allowedSubaccountTypes })
      .from(accounts)
      .where(eq(accounts.id, current.accountId));
    const types = INVITABLE_TYPES.filter((t) => input.types.includes(t));
    assertGrantable(types, parent?.allowed ?? []);
    await tx
      .update(accounts)
      .set({ allowedSubaccountTypes: types, updatedAt: now })
      .where(eq(accounts.id, sub.id));
    await recordActivity(tx, { accountId: sub.id, actor: current, now }, [
      {
        kind: "allowed_types",
        from: sub.allowedSubaccountTypes.join(","),
        to: types.join(","),
      },
    ]);
    await recordSubaccountEvent(tx, "subaccount.updated", sub.id, now);
  });
}
