import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { managed, subaccountOf } from "@/tests/helpers/subaccounts";
import { listSubaccounts, subaccountCounts, subaccountListParams } from "./queries";
import { subaccountListScope } from "./rules";
import { assignAccountManager, setSubaccountStatus } from "./manage";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");

describe("listing subaccounts", () => {
  it("searches by name, nickname or account ID and filters by type and status", async () => {
    const parent = await makeActor(t.db);
    const a = await subaccountOf(t.db, parent, {
      name: "Alpha Corp",
      nickname: null,
      ...managed,
    });
    const b = await subaccountOf(t.db, parent, {
      name: "Beta GmbH",
      nickname: "the Berlin one",
      ...managed,
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
    await subaccountOf(t.db, other, {
      name: "Alpha elsewhere",
      ...managed,
    });
    await subaccountOf(t.db, parent, { name: "Alpha One", ...managed });
    const two = await subaccountOf(t.db, parent, {
      name: "Alpha Two",
      ...managed,
    });
    await subaccountOf(t.db, parent, { name: "Gamma", nickname: null }); // an Enterprise
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
    const mine = await subaccountOf(t.db, parent, {
      name: "Mine",
      ...managed,
    });
    await subaccountOf(t.db, parent, { name: "Not mine", ...managed });
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
