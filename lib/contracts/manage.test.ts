import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, activity, contracts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignContract, updateBillingAndPricing } from "@/lib/subaccounts/manage";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { managed, subaccountOf } from "@/tests/helpers/subaccounts";
import { createContract, deleteContract, endContract, updateContract } from "./manage";
import { getContract, listContracts } from "./queries";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const frame = {
  name: "Frame",
  startsOn: "2026-01-01",
  endsOn: null,
  billing: "bill_to_parent" as const,
  pricing: "custom" as const,
};
// API-only subaccounts: no administrator, so no username to collide.
const newContract = (actor: Actor, overrides: Partial<typeof frame> = {}) =>
  createContract(t.db, actor, { contract: { ...frame, ...overrides } }, now);

describe("contracts", () => {
  it("count the subaccounts that use them, and a change of terms reaches each, logged", async () => {
    const parent = await makeActor(t.db);
    const id = await newContract(parent);
    const a = await subaccountOf(t.db, parent, { name: "A", ...managed }, now);
    const b = await subaccountOf(t.db, parent, { name: "B", ...managed }, now);
    await assignContract(t.db, parent, { id: a.id, contractId: id }, now);
    await assignContract(t.db, parent, { id: b.id, contractId: id }, now);
    expect((await listContracts(t.db, parent.accountId))[0]).toMatchObject({ subaccounts: 2 });

    await updateContract(
      t.db,
      parent,
      { id, contract: { ...frame, name: "Frame 2", billing: "bill_to_subaccount" } },
      now,
    );
    const subs = await t.db.select().from(accounts).where(eq(accounts.contractId, id));
    expect(subs.map((s) => s.billing)).toEqual(["bill_to_subaccount", "bill_to_subaccount"]);
    const logged = (await t.db.select().from(activity).where(eq(activity.kind, "billing"))).filter(
      (e) => e.newValue === "bill_to_subaccount",
    );
    expect(logged.map((e) => e.accountId).sort()).toEqual([a.id, b.id].sort());
  });

  it("end today, so they stop locking terms tomorrow; one not started or already ended cannot end", async () => {
    const parent = await makeActor(t.db);
    const running = await newContract(parent);
    const sub = await subaccountOf(t.db, parent, managed, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: running }, now);
    await endContract(t.db, parent, { id: running }, now);
    expect((await getContract(t.db, parent.accountId, running))!.endsOn).toBe("2026-09-01");
    const tomorrow = new Date("2026-09-02T08:00:00Z");
    await updateBillingAndPricing(
      t.db,
      parent,
      { id: sub.id, billing: "bill_to_subaccount", pricing: "standard" },
      tomorrow,
    );
    await expect(endContract(t.db, parent, { id: running }, tomorrow)).rejects.toMatchObject({
      code: "contract_already_ended",
    });
    const later = await newContract(parent, { startsOn: "2027-01-01" });
    await expect(endContract(t.db, parent, { id: later }, now)).rejects.toMatchObject({
      code: "contract_not_started",
    });
  });

  it("one that starts later does not lock terms until it starts", async () => {
    const parent = await makeActor(t.db);
    const later = await newContract(parent, { startsOn: "2027-01-01" });
    const sub = await subaccountOf(t.db, parent, managed, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: later }, now);
    await updateBillingAndPricing(
      t.db,
      parent,
      { id: sub.id, billing: "bill_to_subaccount", pricing: "standard" },
      now,
    );
    await expect(
      updateBillingAndPricing(
        t.db,
        parent,
        { id: sub.id, billing: "bill_to_parent", pricing: "custom" },
        new Date("2027-01-01T00:00:00Z"),
      ),
    ).rejects.toMatchObject({ code: "subaccount_locked_by_contract" });
  });

  it("are deleted only while no subaccount uses them, and only by their own account", async () => {
    const parent = await makeActor(t.db);
    const other = await makeActor(t.db);
    const used = await newContract(parent);
    const unused = await newContract(parent, { name: "Unused" });
    const sub = await subaccountOf(t.db, parent, managed, now);
    await assignContract(t.db, parent, { id: sub.id, contractId: used }, now);
    await expect(deleteContract(t.db, parent, { id: used }, now)).rejects.toMatchObject({
      code: "contract_in_use",
    });
    await expect(deleteContract(t.db, other, { id: unused }, now)).rejects.toMatchObject({
      code: "contract_not_found",
    });
    await deleteContract(t.db, parent, { id: unused }, now);
    expect((await t.db.select().from(contracts)).map((c) => c.id)).toEqual([used]);
  });
});
