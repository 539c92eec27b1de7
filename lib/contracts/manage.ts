import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, contracts } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import type { BillingMode, PricingMode } from "@/lib/enums";
import { ContractError } from "./errors";
import { contractDay, contractLocksTerms, contractStatus } from "./rules";

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

/** One of the actor's account's contracts, locked for a change; any other id is "not found". */
async function lockOwnContract(tx: Db, actor: Actor, id: string) {
  const current = await lockActor(tx, actor, "contracts.manage");
  const [contract] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, id), eq(contracts.accountId, current.accountId)))
    .for("update");
  if (!contract) throw new ContractError("contract_not_found");
  return { contract, current };
}

/**
 * A contract's name, dates and terms. While it runs, the subaccounts it is
 * assigned to follow its billing and pricing, each change in their activity log.
 */
export async function updateContract(
  db: Db,
  actor: Actor,
  input: { id: string; contract: NewContract },
  now: Date,
) {
  authorize(actor, "contracts.manage");
  await db.transaction(async (tx) => {
    const { current } = await lockOwnContract(tx, actor, input.id);
    await tx.update(contracts).set(input.contract).where(eq(contracts.id, input.id));
    // Only a running contract's terms are its subaccounts': one that starts later
    // brings them on its first day (`applyStartedContracts`), one that has ended
    // leaves them as they are.
    if (!contractLocksTerms(input.contract, now)) return;
    const bound = await tx
      .select({ id: accounts.id, billing: accounts.billing, pricing: accounts.pricing })
      .from(accounts)
      .where(eq(accounts.contractId, input.id))
      .for("update");
    for (const sub of bound) {
      await tx
        .update(accounts)
        .set({ billing: input.contract.billing, pricing: input.contract.pricing, updatedAt: now })
        .where(eq(accounts.id, sub.id));
      await recordActivity(tx, { accountId: sub.id, actor: current, now }, [
        { kind: "billing", from: sub.billing, to: input.contract.billing },
        { kind: "pricing", from: sub.pricing, to: input.contract.pricing },
      ]);
    }
  });
}

/** Ends a running contract today (its last day): from tomorrow it no longer locks terms. */
export async function endContract(db: Db, actor: Actor, input: { id: string }, now: Date) {
  authorize(actor, "contracts.manage");
  await db.transaction(async (tx) => {
    const { contract } = await lockOwnContract(tx, actor, input.id);
    const status = contractStatus(contract, now);
    if (status === "upcoming") throw new ContractError("contract_not_started");
    if (status === "ended") throw new ContractError("contract_already_ended");
    await tx
      .update(contracts)
      .set({ endsOn: contractDay(now) })
      .where(eq(contracts.id, contract.id));
  });
}

/** Deletes a contract no subaccount uses; one in use is refused (end it instead). */
export async function deleteContract(db: Db, actor: Actor, input: { id: string }, _now: Date) {
  authorize(actor, "contracts.manage");
  await db.transaction(async (tx) => {
    const { contract } = await lockOwnContract(tx, actor, input.id);
    if ((await tx.$count(accounts, eq(accounts.contractId, contract.id))) > 0)
      throw new ContractError("contract_in_use");
    await tx.delete(contracts).where(eq(contracts.id, contract.id));
  });
}
