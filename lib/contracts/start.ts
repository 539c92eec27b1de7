import { recordSubaccountEvent } from "@/lib/events/record";
import { sql } from "drizzle-orm";
import { type Db, selectRows } from "@/db";
import { recordActivity } from "@/lib/activity/record";
import type { BillingMode, PricingMode } from "@/lib/enums";
import { contractDay } from "./rules";

/** Any constant works; it only has to be the same for every instance of the app. */
const START_LOCK = 727_004;

/** Who the activity log names for what the portal changed by itself. */
export const SYSTEM_ACTOR_NAME = "CertPortal";

/**
 * Applies the billing and pricing of contracts that have started to the
 * subaccounts they are assigned to, where those still differ: a contract that
 * starts later leaves a subaccount's terms alone until its first day (they may
 * change meanwhile, and so may the contract's), then brings its own, each
 * change in the subaccount's activity log. Runs every minute beside the
 * invitation sweep, one instance at a time (an advisory lock); subaccounts in
 * the middle of a change are left for the next run. Returns how many it changed.
 */
export async function applyStartedContracts(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await selectRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${START_LOCK}) as locked`,
    );
    if (!lock?.locked) return 0;
    const today = contractDay(now);
    // A running contract locks its subaccounts' terms, so a difference means it
    // has started since they were last set (or was assigned before it started).
    // Both rows locked, the contract's as it stands once locked: a contract
    // being edited (locked by `updateContract`) is left for the next run.
    const changed = await selectRows<{
      id: string;
      oldBilling: BillingMode;
      oldPricing: PricingMode;
      billing: BillingMode;
      pricing: PricingMode;
    }>(
      tx,
      sql`
      with due as (
        select a.id, a.billing, a.pricing, c.billing as new_billing, c.pricing as new_pricing
        from accounts a
        join contracts c on c.id = a.contract_id
        where c.starts_on <= ${today}::date
          and (c.ends_on is null or c.ends_on >= ${today}::date)
          and (a.billing <> c.billing or a.pricing <> c.pricing)
        for update of a skip locked
        for share of c skip locked
      )
      update accounts
      set billing = due.new_billing, pricing = due.new_pricing,
        updated_at = ${now.toISOString()}::timestamptz
      from due
      where accounts.id = due.id
      returning accounts.id, due.billing as "oldBilling", due.pricing as "oldPricing",
        accounts.billing, accounts.pricing`,
    );
    for (const row of changed) {
      await recordActivity(
        tx,
        { accountId: row.id, actor: { userId: null, name: SYSTEM_ACTOR_NAME }, now },
        [
          { kind: "billing", from: row.oldBilling, to: row.billing },
          { kind: "pricing", from: row.oldPricing, to: row.pricing },
        ],
      );
      await recordSubaccountEvent(tx, "subaccount.updated", row.id, now);
    }
    return changed.length;
  });
}
