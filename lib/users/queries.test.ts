import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/fixtures";
import { getAccountUser, listUsersPage, userCounts, userListParams } from "./queries";
import { userDisplayStatus, USER_DISPLAY_STATUSES } from "./rules";

const t = setupTestDb();
const params = (raw: Record<string, string> = {}) => userListParams.parse(raw);

/** An account with one user of each kind besides its administrator, and another account's user. */
async function account() {
  const admin = await makeActor(t.db);
  const invited = await makeUser(t.db, admin.accountId, { username: "bea", email: "bea@ex.org" });
  await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, invited.id));
  const gone = await makeUser(t.db, admin.accountId, { username: "carl", email: "carl@ex.org" });
  await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, gone.id));
  const seen = await makeUser(t.db, admin.accountId, { username: "Dora", email: "dora@ex.org" });
  await t.db
    .update(users)
    .set({ lastSignInAt: new Date("2026-11-01T10:00:00Z") })
    .where(eq(users.id, seen.id));
  const other = await makeActor(t.db, { accountName: "Elsewhere" });
  return { admin, invited, gone, seen, other };
}

describe("the Users page's list", () => {
  it("counts each status tab with the same rule the rows show, and only the account's users", async () => {
    const { admin } = await account();
    const counts = await userCounts(t.db, admin.accountId, { q: undefined });
    const { rows } = await listUsersPage(t.db, admin.accountId, params());
    const shown = rows.map(userDisplayStatus);
    for (const status of USER_DISPLAY_STATUSES)
      expect(counts[status], status).toBe(shown.filter((s) => s === status).length);
    expect(counts).toEqual({ all: 4, active: 2, invited: 1, deactivated: 1 });
  });

  it("shows one status tab: its rows are the ones the rule gives that status", async () => {
    const { admin, invited, gone } = await account();
    for (const [status, id] of [
      ["invited", invited.id],
      ["deactivated", gone.id],
    ] as const) {
      const page = await listUsersPage(t.db, admin.accountId, params({ status }));
      expect(page.rows.map((r) => r.id)).toEqual([id]);
      expect(page.total).toBe(1);
    }
    const active = await listUsersPage(t.db, admin.accountId, params({ status: "active" }));
    expect(active.rows.every((r) => userDisplayStatus(r) === "active")).toBe(true);
  });

  it("searches name, username and email, as typed (no wildcards), and counts what it finds", async () => {
    const { admin } = await account();
    const byEmail = await listUsersPage(t.db, admin.accountId, params({ q: "CARL@EX" }));
    expect(byEmail.rows.map((r) => r.username)).toEqual(["carl"]);
    expect(byEmail.counts).toMatchObject({ all: 1, deactivated: 1, active: 0 });
    const byName = await listUsersPage(t.db, admin.accountId, params({ q: "test user" }));
    expect(byName.total).toBe(4);
    const literal = await listUsersPage(t.db, admin.accountId, params({ q: "_" }));
    expect(literal.total).toBe(0);
  });

  it("orders by username regardless of case, or by last sign-in with those never signed in last", async () => {
    const { admin, seen } = await account();
    const byName = await listUsersPage(t.db, admin.accountId, params());
    const names = byName.rows.map((r) => r.username.toLowerCase());
    expect(names).toEqual([...names].sort());
    const bySignIn = await listUsersPage(t.db, admin.accountId, params({ sort: "lastSignIn" }));
    expect(bySignIn.rows[0]!.id).toBe(seen.id);
    expect(bySignIn.rows.at(-1)!.lastSignInAt).toBeNull();
  });

  it("pages by row number, forward and back, and shows the last page for a start past the end", async () => {
    const { admin } = await account();
    const size = 3;
    const first = await listUsersPage(t.db, admin.accountId, params(), size);
    expect(first.range).toMatchObject({ first: 1, last: 3, previous: null, next: 4 });
    const second = await listUsersPage(t.db, admin.accountId, params({ from: "4" }), size);
    expect(second.rows).toHaveLength(1);
    expect(second.range).toMatchObject({ first: 4, last: 4, previous: 1, next: null });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toHaveLength(4);
    const past = await listUsersPage(t.db, admin.accountId, params({ from: "40" }), size);
    expect(past.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
  });
});

describe("one user's page", () => {
  it("shows the account's own users only", async () => {
    const { admin, invited, other } = await account();
    expect(await getAccountUser(t.db, admin.accountId, invited.id)).toMatchObject({
      username: "bea",
      passwordSet: false,
    });
    expect(await getAccountUser(t.db, other.accountId, invited.id)).toBeNull();
    expect(await getAccountUser(t.db, admin.accountId, other.userId)).toBeNull();
  });
});
