import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, activity } from "@/db/schema";
import { runPeriodicWork } from "@/lib/background/periodic";
import { assignContract, updateBillingAndPricing } from "@/lib/subaccounts/manage";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { createContract, updateContract } from "./manage";
import { applyStartedContracts, SYSTEM_ACTOR_NAME } from "./start";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const lastDayBefore = new Date("2026-12-31T23:59:59Z");
const firstDay = new Date("2027-01-01T00:00:00Z");
// The subaccount starts billed to its parent at custom prices; the contract says otherwise.
const later = {
  name: "From January",
  startsOn: "2027-01-01",
  endsOn: null,
  billing: "bill_to_subaccount" as const,
  pricing: "standard" as const,
};
const managed = { type: "managed" as const, administrator: null };

async function terms(id: string) {
  const [row] = await t.db
    .select({ billing: accounts.billing, pricing: accounts.pricing })
    .from(accounts)
    .where(eq(accounts.id, id));
  return row;
}

describe("a contract that starts later", () => {
  it("leaves the subaccount's terms alone until its first day, then applies its own, logged", async () => {
    const parent = await makeActor(t.db);
    const id = await createContract(t.db, parent, { contract: later }, now);
    const sub = await subaccountOf(t.db, parent, { ...managed, pricing: "custom" }, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: id }, now);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_parent", pricing: "custom" });

    // Meanwhile the terms stay the subaccount's own, and its contract's may change.
    await updateBillingAndPricing(
      t.db,
      parent,
      { id: sub.id, billing: "bill_to_parent", pricing: "standard" },
      now,
    );
    await updateContract(t.db, parent, { id, contract: { ...later, pricing: "custom" } }, now);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_parent", pricing: "standard" });

    expect(await applyStartedContracts(t.db, lastDayBefore)).toBe(0);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_parent", pricing: "standard" });

    expect(await applyStartedContracts(t.db, firstDay)).toBe(1);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_subaccount", pricing: "custom" });
    const logged = await t.db.select().from(activity).where(eq(activity.accountId, sub.id));
    expect(
      logged
        .filter((a) => a.actorUserId === null)
        .map((a) => [a.kind, a.oldValue, a.newValue, a.actorName]),
    ).toEqual(
      expect.arrayContaining([
        ["billing", "bill_to_parent", "bill_to_subaccount", SYSTEM_ACTOR_NAME],
        ["pricing", "standard", "custom", SYSTEM_ACTOR_NAME],
      ]),
    );
    // Once applied, nothing is left to apply.
    expect(await applyStartedContracts(t.db, firstDay)).toBe(0);
  });

  it("starts with the app's periodic work, beside the invitation sweep", async () => {
    const parent = await makeActor(t.db);
    const id = await createContract(t.db, parent, { contract: later }, now);
    const sub = await subaccountOf(t.db, parent, managed, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: id }, now);
    await runPeriodicWork(t.db, firstDay);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_subaccount", pricing: "standard" });
  });

  it("one that has ended leaves its subaccounts' terms as they are, assigned or edited", async () => {
    const parent = await makeActor(t.db);
    const ended = await createContract(
      t.db,
      parent,
      { contract: { ...later, startsOn: "2026-01-01", endsOn: "2026-06-30" } },
      now,
    );
    const sub = await subaccountOf(t.db, parent, managed, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: ended }, now);
    await updateContract(
      t.db,
      parent,
      {
        id: ended,
        contract: { ...later, name: "Renamed", startsOn: "2026-01-01", endsOn: "2026-06-30" },
      },
      now,
    );
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_parent", pricing: "custom" });
    expect(await applyStartedContracts(t.db, now)).toBe(0);
  });

  it("does not touch subaccounts of contracts that have ended or run already", async () => {
    const parent = await makeActor(t.db);
    const running = await createContract(
      t.db,
      parent,
      { contract: { ...later, startsOn: "2026-01-01" } },
      now,
    );
    const sub = await subaccountOf(t.db, parent, managed, now);
    // A running contract applies its terms when assigned, as before.
    await assignContract(t.db, parent, { id: sub.id, contractId: running }, now);
    expect(await terms(sub.id)).toEqual({ billing: "bill_to_subaccount", pricing: "standard" });
    expect(await applyStartedContracts(t.db, now)).toBe(0);
  });
});
