import { and, asc, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db";
import { accountPrices, accounts, contracts, invitations, products, users } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/invitations/queries";
import { fullName } from "@/lib/users/names";
import { ACCOUNT_TYPES, effectivePrice, type PricingMode } from "./rules";

export const SUBACCOUNTS_PAGE_SIZE = 25;

export const subaccountListParams = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  type: z.enum(ACCOUNT_TYPES).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type SubaccountListParams = z.infer<typeof subaccountListParams>;

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of an account's direct subaccounts, newest first, keyset on
 * (created_at, id); with `managedBy`, only those that user is account manager of.
 */
export async function listSubaccounts(
  db: Db,
  parentId: string,
  params: SubaccountListParams,
  managedBy?: string,
) {
  const cursor = decodeCursor(params.after);
  const conditions: SQL[] = [eq(accounts.parentId, parentId)];
  if (managedBy) conditions.push(eq(accounts.accountManagerId, managedBy));
  if (params.type) conditions.push(eq(accounts.type, params.type));
  if (params.status) conditions.push(eq(accounts.status, params.status));
  if (params.q) {
    // "Search by name or ID": a number is also tried as the account ID.
    const byName = or(
      ilike(accounts.name, `%${escapeLike(params.q)}%`),
      ilike(accounts.nickname, `%${escapeLike(params.q)}%`),
    )!;
    conditions.push(
      /^\d{1,9}$/.test(params.q) ? or(byName, eq(accounts.number, Number(params.q)))! : byName,
    );
  }
  if (cursor) {
    conditions.push(
      sql`(${accounts.createdAt}, ${accounts.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: accounts.id,
      number: accounts.number,
      name: accounts.name,
      nickname: accounts.nickname,
      type: accounts.type,
      billing: accounts.billing,
      pricing: accounts.pricing,
      status: accounts.status,
      createdVia: accounts.createdVia,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(and(...conditions))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(SUBACCOUNTS_PAGE_SIZE + 1);
  const page = rows.slice(0, SUBACCOUNTS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > SUBACCOUNTS_PAGE_SIZE && last
        ? encodeCursor({ at: last.createdAt, id: last.id })
        : null,
  };
}

/** The subaccount types the account may create or invite. */
export async function allowedSubaccountTypes(db: Db, accountId: string) {
  const [row] = await db
    .select({ allowed: accounts.allowedSubaccountTypes })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row?.allowed ?? [];
}

/** An account's products with what it pays and whether it may order them. */
export async function priceList(db: Db, accountId: string, pricing: PricingMode) {
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      currency: products.currency,
      standardPriceCents: products.standardPriceCents,
      customPriceCents: accountPrices.priceCents,
      available: sql<boolean>`coalesce(${accountPrices.available}, true)`,
    })
    .from(products)
    .leftJoin(
      accountPrices,
      and(eq(accountPrices.productId, products.id), eq(accountPrices.accountId, accountId)),
    )
    .orderBy(asc(products.sortOrder), asc(products.name));
  return rows.map((r) => ({
    ...r,
    priceCents: effectivePrice(pricing, r.standardPriceCents, r.customPriceCents),
  }));
}

/** A subaccount as its parent sees it, or null when it is not a direct subaccount of `parentId`. */
export async function getSubaccountDetail(db: Db, parentId: string, id: string) {
  const manager = alias(users, "manager");
  const [row] = await db
    .select({
      account: accounts,
      contractName: contracts.name,
      managerName: sql<string | null>`${fullName(manager)}`,
    })
    .from(accounts)
    .leftJoin(contracts, eq(contracts.id, accounts.contractId))
    .leftJoin(manager, eq(manager.id, accounts.accountManagerId))
    .where(and(eq(accounts.id, id), eq(accounts.parentId, parentId)));
  if (!row) return null;
  const [invitation] = await db
    .select({ id: invitations.id, email: invitations.email, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(and(eq(invitations.acceptedAccountId, id), eq(invitations.accountId, parentId)));
  return {
    ...row.account,
    contractName: row.contractName,
    managerName: row.managerName,
    invitation: invitation ?? null,
    prices: await priceList(db, id, row.account.pricing),
  };
}

/** The account's own view of itself: organization, billing, price list. */
export async function getOwnAccount(db: Db, accountId: string) {
  const parent = alias(accounts, "parent");
  const [row] = await db
    .select({ account: accounts, parentName: parent.name, contractName: contracts.name })
    .from(accounts)
    .leftJoin(parent, eq(parent.id, accounts.parentId))
    .leftJoin(contracts, eq(contracts.id, accounts.contractId))
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  return {
    ...row.account,
    parentName: row.parentName,
    contractName: row.contractName,
    prices: await priceList(db, accountId, row.account.pricing),
  };
}
