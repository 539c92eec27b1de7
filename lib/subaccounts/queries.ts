import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db";
import { accounts, contracts, invitations, users } from "@/db/schema";
import {
  containsPattern,
  keyset,
  keysetCondition,
  keysetOrder,
  keysetPage,
  PAGE_SIZE,
  pagePosition,
  searchTerm,
} from "@/lib/lists/keyset";
import { fullName } from "@/lib/users/names";
import { ACCOUNT_STATUSES, ACCOUNT_TYPES } from "@/lib/enums";
import { priceList } from "@/lib/accounts/prices";
import { invitableTypes } from "./rules";

export const SUBACCOUNTS_PAGE_SIZE = PAGE_SIZE;

export const subaccountListParams = z.object({
  q: searchTerm(200),
  type: z.enum(ACCOUNT_TYPES).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  ...pagePosition,
});
export type SubaccountListParams = z.infer<typeof subaccountListParams>;

/**
 * One page of an account's direct subaccounts, newest first, keyset on
 * (created_at, id); scoped by `subaccountListScope` to what the actor may list.
 */
export async function listSubaccounts(
  db: Db,
  parentId: string,
  params: SubaccountListParams,
  scope: { managedBy?: string },
) {
  const ks = keyset(params, "newest");
  const { managedBy } = scope;
  const conditions: SQL[] = [eq(accounts.parentId, parentId)];
  if (managedBy) conditions.push(eq(accounts.accountManagerId, managedBy));
  if (params.type) conditions.push(eq(accounts.type, params.type));
  if (params.status) conditions.push(eq(accounts.status, params.status));
  if (params.q) {
    // "Search by name or ID": a number is also tried as the account ID.
    const byName = or(
      ilike(accounts.name, containsPattern(params.q)),
      ilike(accounts.nickname, containsPattern(params.q)),
    )!;
    conditions.push(
      /^\d{1,9}$/.test(params.q) ? or(byName, eq(accounts.number, Number(params.q)))! : byName,
    );
  }
  const key = { at: accounts.createdAt, id: accounts.id };
  const after = keysetCondition(key, ks);
  if (after) conditions.push(after);
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
    .orderBy(...keysetOrder(key, ks))
    .limit(SUBACCOUNTS_PAGE_SIZE + 1);
  return keysetPage(rows, SUBACCOUNTS_PAGE_SIZE, ks, (r) => ({ at: r.createdAt, id: r.id }));
}

/** The subaccount types the account may create, and those of them it may invite. */
export async function subaccountTypesOnOffer(db: Db, accountId: string) {
  const [row] = await db
    .select({ allowed: accounts.allowedSubaccountTypes })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  const create = row?.allowed ?? [];
  return { create, invite: invitableTypes(create) };
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
