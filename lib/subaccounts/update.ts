import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { BillingMode, PricingMode } from "@/lib/enums";
import type { z } from "zod";
import type { subaccountDetailsInput } from "./inputs";
import {
  assignAccountManager,
  setAllowedSubaccountTypes,
  updateBillingAndPricing,
  updateSubaccountDetails,
} from "./manage";
import type { InvitableType } from "@/lib/enums";

export type SubaccountChanges = {
  /** Only the fields to change: the others keep what they have when each change locks the row. */
  details?: Partial<z.output<typeof subaccountDetailsInput>>;
  terms?: { billing?: BillingMode; pricing?: PricingMode };
  accountManagerId?: string | null;
  allowedSubaccountTypes?: InvitableType[];
};

/**
 * Several changes to one subaccount at once (the API's PATCH): each through its
 * own use case, with its own permission and rules, all in one transaction, so
 * that one refusal (terms locked by a contract, say) leaves everything as it was.
 */
export async function updateSubaccount(
  db: Db,
  actor: Actor,
  input: { id: string; changes: SubaccountChanges },
  now: Date,
): Promise<void> {
  // Each change checks its own permission; this says who may ask at all, before anything runs.
  authorize(actor, "subaccounts.view");
  const { id, changes } = input;
  await db.transaction(async (tx) => {
    if (changes.terms) await updateBillingAndPricing(tx, actor, { id, ...changes.terms }, now);
    if (changes.accountManagerId !== undefined)
      await assignAccountManager(tx, actor, { id, userId: changes.accountManagerId }, now);
    if (changes.allowedSubaccountTypes)
      await setAllowedSubaccountTypes(
        tx,
        actor,
        { id, types: changes.allowedSubaccountTypes },
        now,
      );
    if (changes.details)
      await updateSubaccountDetails(tx, actor, { id, details: changes.details }, now);
  });
}
