import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { contracts } from "@/db/schema";

/** An account's contracts by name, for its Contracts page and the contract picker. */
export function listContracts(db: Db, accountId: string) {
  return db
    .select()
    .from(contracts)
    .where(eq(contracts.accountId, accountId))
    .orderBy(asc(contracts.name));
}
