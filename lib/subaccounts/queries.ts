import { and, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db";
import { accounts, contracts, invitations, users } from "@/db/schema";
import { containsPattern, keysetPaging, pagePosition, searchTerm } from "@/lib/lists/keyset";
import { fullName } from "@/lib/users/names";
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, type AccountStatus } from "@/lib/enums";
import { priceList } from "@/lib/accounts/prices";
import { contractLocksTerms, contractStatus } from "@/lib/contracts/rules";
import { invitableTypes } from "./rules";

export const subaccountListParams = z.object({
  q: searchTerm(200),
  type: z.enum(ACCOUNT_TYPES).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).catch("newest").default("newest"),
  ...pagePosition,
});
export type SubaccountListParams = z.infer<typeof subaccountListParams>;

/** The subaccounts a list shows before its status and page are chosen: scope, type and search. */
function listConditions(
  parentId: string,
  params: Pick<SubaccountListParams, "q" | "type">,
  { managedBy }: { managedBy?: string },
): SQL[] {
  const conditions: SQL[] = [eq(accounts.parentId, parentId)];
  if (managedBy) conditions.push(eq(accounts.accountManagerId, managedBy));
  if (params.type) conditions.push(eq(accounts.type, params.type));
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
  return conditions;
}

/**
 * One page of an account's direct subaccounts, newest (or oldest) first, keyset
 * on (created_at, id); scoped by `subaccountListScope` to what the actor may list.
 */
export async function listSubaccounts(
  db: Db,
  parentId: string,
  params: SubaccountListParams,
  scope: { managedBy?: string },
  { size }: { size?: number } = {},
) {
  const paging = keysetPaging(params, {
    key: { at: accounts.createdAt, id: accounts.id },
    order: params.sort,
    size,
  });
  const conditions = listConditions(parentId, params, scope);
  if (params.status) conditions.push(eq(accounts.status, params.status));
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
    .where(and(...conditions, paging.where))
    .orderBy(...paging.orderBy)
    .limit(paging.limit);
  return paging.page(rows, (r) => ({ at: r.createdAt, id: r.id }));
}

export type SubaccountCounts = Record<AccountStatus, number> & { all: number };

/**
 * How many subaccounts the list holds in each status, with its type and search
 * applied: the status tabs' figures. A count of the account's own subaccounts
 * (thousands, not millions), through the same indexes as the list.
 */
export async function subaccountCounts(
  db: Db,
  parentId: string,
  params: Pick<SubaccountListParams, "q" | "type">,
  scope: { managedBy?: string },
): Promise<SubaccountCounts> {
  const rows = await db
    .select({ status: accounts.status, n: count() })
    .from(accounts)
    .where(and(...listConditions(parentId, params, scope)))
    .groupBy(accounts.status);
  const counts = Object.fromEntries(
    ACCOUNT_STATUSES.map((status) => [status, rows.find((r) => r.status === status)?.n ?? 0]),
  ) as Record<AccountStatus, number>;
  return { ...counts, all: rows.reduce((sum, r) => sum + r.n, 0) };
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

/**
 * A subaccount as its parent sees it, or null when it is not a direct subaccount
 * of `parentId`; with its contract and whether that locks its terms `now`.
 */
export async function getSubaccountDetail(db: Db, parentId: string, id: string, now: Date) {
  const manager = alias(users, "manager");
  const [row] = await db
    .select({
      account: accounts,
      contractName: contracts.name,
      contractStartsOn: contracts.startsOn,
      contractEndsOn: contracts.endsOn,
      managerName: sql<string | null>`${fullName(manager)}`,
    })
    .from(accounts)
    .leftJoin(contracts, eq(contracts.id, accounts.contractId))
    .leftJoin(manager, eq(manager.id, accounts.accountManagerId))
    .where(and(eq(accounts.id, id), eq(accounts.parentId, parentId)));
  if (!row) return null;
  const contract =
    row.account.contractId && row.contractStartsOn
      ? { startsOn: row.contractStartsOn, endsOn: row.contractEndsOn }
      : null;
  const [invitation] = await db
    .select({ id: invitations.id, email: invitations.email, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(and(eq(invitations.acceptedAccountId, id), eq(invitations.accountId, parentId)));
  return {
    ...row.account,
    contractName: row.contractName,
    contractStartsOn: row.contractStartsOn,
    contractEndsOn: row.contractEndsOn,
    contractStatus: contract ? contractStatus(contract, now) : null,
    termsLocked: contractLocksTerms(contract, now),
    managerName: row.managerName,
    invitation: invitation ?? null,
    prices: await priceList(db, id, row.account.pricing),
  };
}
