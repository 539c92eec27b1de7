import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { newSubaccount as newSub } from "@/tests/helpers/subaccounts";
import { listSubaccounts, subaccountCounts, subaccountListParams } from "./queries";
import { subaccountListScope } from "./rules";
import { createSubaccount, type NewSubaccount } from "./create";
import { assignAccountManager, setSubaccountStatus } from "./manage";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const deps = { appUrl: "https://portal.example" };

async function subaccountOf(parent: Actor, overrides: Partial<NewSubaccount> = {}) {
  return createSubaccount(t.db, parent, { subaccount: newSub(overrides) }, now, deps);
}

describe("listing subaccounts", () => {
  it("searches by name, nickname or account ID and filters by type and status", async () => {
    const parent = await makeActor(t.db);
    const a = await subaccountOf(parent, {
      name: "Alpha Corp",
      nickname: null,
      administrator: null,
      type: "managed",
    });
    const b = await subaccountOf(parent, {
      name: "Beta GmbH",
      nickname: "the Berlin one",
      administrator: null,
      type: "managed",
    });
    await setSubaccountStatus(t.db, parent, { id: b.id, status: "deactivated" }, now);
    const list = async (p: Record<string, string>) =>
      (await listSubaccounts(t.db, parent.accountId, subaccountListParams.parse(p), {})).rows.map(
        (r) => r.id,
      );
    const [alpha] = await t.db.select().from(accounts).where(eq(accounts.id, a.id));
    expect(await list({ q: "alpha" })).toEqual([a.id]);
    expect(await list({ q: "berlin" })).toEqual([b.id]);
    expect(await list({ q: String(alpha!.number) })).toEqual([a.id]);
    expect(await list({ status: "deactivated" })).toEqual([b.id]);
    expect(await list({ type: "enterprise" })).toEqual([]);
    // Both orders of (date created, id): created at the same moment, the id decides.
    const newestFirst = [a.id, b.id].sort().reverse();
    expect(await list({})).toEqual(newestFirst);
    expect(await list({ sort: "oldest" })).toEqual([...newestFirst].reverse());
  });

  it("counts each status for the tabs with the type and search applied, never another account's", async () => {
    const parent = await makeActor(t.db);
    const other = await makeActor(t.db);
    await subaccountOf(other, { name: "Alpha elsewhere", administrator: null, type: "managed" });
    await subaccountOf(parent, { name: "Alpha One", administrator: null, type: "managed" });
    const two = await subaccountOf(parent, {
      name: "Alpha Two",
      administrator: null,
      type: "managed",
    });
    await subaccountOf(parent, { name: "Gamma", nickname: null }); // an Enterprise
    await setSubaccountStatus(t.db, parent, { id: two.id, status: "deactivated" }, now);
    const counts = (p: Record<string, string>) =>
      subaccountCounts(t.db, parent.accountId, subaccountListParams.parse(p), {});
    expect(await counts({})).toEqual({ all: 3, active: 2, deactivated: 1 });
    expect(await counts({ q: "alpha" })).toEqual({ all: 2, active: 1, deactivated: 1 });
    expect(await counts({ type: "enterprise" })).toEqual({ all: 1, active: 1, deactivated: 0 });
  });
});

describe("an account manager's own list", () => {
  it("shows a user without the role to see all subaccounts just the ones they manage", async () => {
    const parent = await makeActor(t.db);
    const mine = await subaccountOf(parent, { name: "Mine", administrator: null, type: "managed" });
    await subaccountOf(parent, { name: "Not mine", administrator: null, type: "managed" });
    const user = await actorInAccount(t.db, parent.accountId, "user");
    await assignAccountManager(t.db, parent, { id: mine.id, userId: user.userId }, now);
    const page = await listSubaccounts(
      t.db,
      parent.accountId,
      subaccountListParams.parse({}),
      subaccountListScope(user),
    );
    expect(page.rows.map((r) => r.name)).toEqual(["Mine"]);
  });
});
