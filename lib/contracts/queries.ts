import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, contracts } from "@/db/schema";

function contractsWithUse(db: Db, accountId: string, id?: string) {
  return db
    .select({
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
    })
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
