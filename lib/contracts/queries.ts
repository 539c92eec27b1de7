import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { accounts, contracts } from "@/db/schema";
import { CONTRACT_STATUSES, type ContractStatus } from "@/lib/enums";
import { PAGE_SIZE } from "@/lib/lists/keyset";
import { offsetPage, offsetPosition } from "@/lib/lists/offset";
import { contractDay } from "./rules";

const withUse = {
  id: contracts.id,
  name: contracts.name,
  startsOn: contracts.startsOn,
  endsOn: contracts.endsOn,
  billing: contracts.billing,
  pricing: contracts.pricing,
  // How many subaccounts it is assigned to (a partial index of accounts by contract).
  // Qualified by table by hand: drizzle leaves a single-table select's columns bare,
  // and a bare "id" in the sub-select would be the account's.
  subaccounts: sql<number>`(select count(*)::int from ${accounts} where ${accounts}.contract_id = ${contracts}.id)`,
};

function contractsWithUse(db: Db, accountId: string, id?: string) {
  return db
    .select(withUse)
    .from(contracts)
    .where(and(eq(contracts.accountId, accountId), id ? eq(contracts.id, id) : undefined))
    .orderBy(asc(contracts.name));
}

/** An account's contracts by name, each with how many subaccounts use it. */
export function listContracts(db: Db, accountId: string) {
  return contractsWithUse(db, accountId);
}

/** One of the account's contracts with its use, or null when it is not the account's. */
export async function getContract(db: Db, accountId: string, id: string) {
  const [row] = await contractsWithUse(db, accountId, id);
  return row ?? null;
}

/** The Contracts page's URL: a status tab, an order, and the first row shown. */
export const contractListParams = z.object({
  status: z.enum(CONTRACT_STATUSES).optional().catch(undefined),
  /** By name (A–Z), or by term (the latest start first). */
  sort: z.enum(["name", "term"]).catch("name").default("name"),
  ...offsetPosition,
});
export type ContractListParams = z.infer<typeof contractListParams>;

/** `contractStatus` in SQL: whole days in UTC, the last one included. */
function statusCondition(status: ContractStatus, now: Date): SQL {
  const today = contractDay(now);
  switch (status) {
    case "upcoming":
      return gt(contracts.startsOn, today);
    case "ended":
      return and(lte(contracts.startsOn, today), lt(contracts.endsOn, today))!;
    case "active":
      return and(
        lte(contracts.startsOn, today),
        or(isNull(contracts.endsOn), gte(contracts.endsOn, today)),
      )!;
  }
}

/** How many of the account's contracts are upcoming, active and ended `now`, and in all. */
export async function contractCounts(
  db: Db,
  accountId: string,
  now: Date,
): Promise<Record<ContractStatus | "all", number>> {
  const countOf = (status: ContractStatus) =>
    sql<number>`count(*) filter (where ${statusCondition(status, now)})`.mapWith(Number);
  const [row] = await db
    .select({
      all: count(),
      upcoming: countOf("upcoming"),
      active: countOf("active"),
      ended: countOf("ended"),
    })
    .from(contracts)
    .where(eq(contracts.accountId, accountId));
  return row!;
}

/**
 * One page of the Contracts page: the account's contracts in one status or
 * all, each with how many subaccounts use it; with the counts of every status
 * tab and where the page stands. An account keeps a handful of contracts, so
 * the page is found by row number.
 */
export async function listContractsPage(
  db: Db,
  accountId: string,
  params: ContractListParams,
  now: Date,
  size = PAGE_SIZE,
) {
  const byName = [asc(contracts.name), asc(contracts.id)];
  const order = params.sort === "term" ? [desc(contracts.startsOn), ...byName] : byName;
  const status = params.status ? statusCondition(params.status, now) : undefined;
  return offsetPage(params, await contractCounts(db, accountId, now), {
    size,
    rows: ({ limit, offset }) =>
      db
        .select(withUse)
        .from(contracts)
        .where(and(eq(contracts.accountId, accountId), status))
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
  });
}
