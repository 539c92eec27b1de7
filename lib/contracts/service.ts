import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { contracts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { lockActor } from "@/lib/auth/authorize";
import type { BillingMode, PricingMode } from "@/lib/subaccounts/rules";

export type NewContract = {
  name: string;
  startsOn: string;
  endsOn: string | null;
  billing: BillingMode;
  pricing: PricingMode;
};

export async function createContract(
  db: Db,
  input: { actor: Actor; contract: NewContract; now: Date },
) {
  return db.transaction(async (tx) => {
    const actor = await lockActor(tx, input.actor, "contracts.manage");
    const [row] = await tx
      .insert(contracts)
      .values({ ...input.contract, accountId: actor.accountId, createdAt: input.now })
      .returning({ id: contracts.id });
    return row!.id;
  });
}

export function listContracts(db: Db, accountId: string) {
  return db
    .select()
    .from(contracts)
    .where(eq(contracts.accountId, accountId))
    .orderBy(asc(contracts.name));
}
