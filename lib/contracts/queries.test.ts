import { describe, expect, it } from "vitest";
import { CONTRACT_STATUSES } from "@/lib/enums";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { assignContract } from "@/lib/subaccounts/manage";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { createContract } from "./manage";
import { contractCounts, contractListParams, listContractsPage } from "./queries";
import { contractStatus } from "./rules";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const params = (raw: Record<string, string> = {}) => contractListParams.parse(raw);
const terms = { billing: "bill_to_parent" as const, pricing: "custom" as const };

/** Contracts around `now`'s day, each edge on either side of it, and another account's. */
async function account() {
  const parent = await makeActor(t.db);
  const add = (name: string, startsOn: string, endsOn: string | null) =>
    createContract(t.db, parent, { contract: { name, startsOn, endsOn, ...terms } }, now);
  const ids = {
    endedYesterday: await add("A ended yesterday", "2026-01-01", "2026-08-31"),
    endsToday: await add("B ends today", "2026-01-01", "2026-09-01"),
    startsToday: await add("C starts today", "2026-09-01", null),
    startsTomorrow: await add("D starts tomorrow", "2026-09-02", "2026-12-31"),
  };
  const other = await makeActor(t.db, { accountName: "Elsewhere" });
  await createContract(
    t.db,
    other,
    { contract: { name: "Theirs", startsOn: "2026-01-01", endsOn: null, ...terms } },
    now,
  );
  return { parent, ids };
}

describe("the Contracts page's list", () => {
  it("counts each status tab with the same rule the rows show, only the account's", async () => {
    const { parent } = await account();
    const counts = await contractCounts(t.db, parent.accountId, now);
    const { rows } = await listContractsPage(t.db, parent.accountId, params(), now);
    for (const status of CONTRACT_STATUSES)
      expect(counts[status], status).toBe(
        rows.filter((r) => contractStatus(r, now) === status).length,
      );
    expect(counts).toEqual({ all: 4, upcoming: 1, active: 2, ended: 1 });
  });

  it("shows one status tab, its first and last day included", async () => {
    const { parent, ids } = await account();
    const shown = async (status: string) =>
      (await listContractsPage(t.db, parent.accountId, params({ status }), now)).rows.map(
        (r) => r.id,
      );
    expect(await shown("active")).toEqual([ids.endsToday, ids.startsToday]);
    expect(await shown("upcoming")).toEqual([ids.startsTomorrow]);
    expect(await shown("ended")).toEqual([ids.endedYesterday]);
  });

  it("orders by name, or by term with the latest start first", async () => {
    const { parent, ids } = await account();
    const byTerm = await listContractsPage(t.db, parent.accountId, params({ sort: "term" }), now);
    expect(byTerm.rows.map((r) => r.id)).toEqual([
      ids.startsTomorrow,
      ids.startsToday,
      ids.endedYesterday,
      ids.endsToday,
    ]);
  });

  it("pages by row number and counts the subaccounts each contract serves", async () => {
    const { parent, ids } = await account();
    const sub = await subaccountOf(
      t.db,
      parent,
      { name: "Uses C", type: "managed", administrator: null },
      now,
    );
    await assignContract(t.db, parent, { id: sub.id, contractId: ids.startsToday }, now);
    const second = await listContractsPage(t.db, parent.accountId, params({ from: "3" }), now, 2);
    expect(second.range).toMatchObject({ first: 3, last: 4, previous: 1, next: null });
    expect(second.rows.map((r) => [r.id, r.subaccounts])).toEqual([
      [ids.startsToday, 1],
      [ids.startsTomorrow, 0],
    ]);
  });
});
