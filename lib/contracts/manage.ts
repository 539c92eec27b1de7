import type { Db } from "@/db";
import { contracts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import type { BillingMode, PricingMode } from "@/lib/enums";

/** An account's Administrators keep the contracts they assign to subaccounts. */

export type NewContract = {
  name: string;
  startsOn: string;
  endsOn: string | null;
  billing: BillingMode;
  pricing: PricingMode;
};

export async function createContract(
  db: Db,
  actor: Actor,
  input: { contract: NewContract },
  now: Date,
): Promise<string> {
  authorize(actor, "contracts.manage");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "contracts.manage");
    const [row] = await tx
      .insert(contracts)
      .values({ ...input.contract, accountId: current.accountId, createdAt: now })
      .returning({ id: contracts.id });
    return row!.id;
  });
}
