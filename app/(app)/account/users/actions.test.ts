import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import type { RequestContext } from "@/lib/actions/context";
import type { Actor } from "@/lib/auth/actor";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const t = setupTestDb();
vi.mock("@/lib/actions/context", () => ({
  requestContext: async (): Promise<RequestContext> => ({
    actor: session.actor,
    db: t.db,
    now: new Date("2026-08-01T10:00:00Z"),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/server", () => ({ after: () => {} }));

const { addUser, changeRole, changeStatus, resendLink } = await import("./actions");

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}
const newUser = () =>
  form({
    firstName: "Erin",
    lastName: "E",
    email: "erin@example.com",
    username: "erin",
    role: "user",
    locale: "en",
  });
const snapshot = () => t.db.select().from(users).orderBy(users.id);

describe("user actions refuse callers who may not act", () => {
  it("refuse a signed-out caller", async () => {
    const owner = await makeActor(t.db);
    const before = await snapshot();
    session.actor = null;
    expect(await addUser(undefined, newUser())).toEqual({
      ok: false,
      message: "errors.signed_out",
    });
    expect(await changeRole(undefined, form({ userId: owner.userId, role: "user" }))).toEqual({
      ok: false,
      message: "errors.signed_out",
    });
    expect(
      await changeStatus(undefined, form({ userId: owner.userId, status: "deactivated" })),
    ).toEqual({ ok: false, message: "errors.signed_out" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a Manager: only Administrators manage users", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    session.actor = await actorInAccount(t.db, owner.accountId, "manager");
    const before = await snapshot();
    expect(await addUser(undefined, newUser())).toEqual({ ok: false, message: "errors.forbidden" });
    expect(
      await changeRole(undefined, form({ userId: member.userId, role: "administrator" })),
    ).toEqual({ ok: false, message: "errors.forbidden" });
    expect(
      await changeStatus(undefined, form({ userId: owner.userId, status: "deactivated" })),
    ).toEqual({ ok: false, message: "errors.forbidden" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse an administrator of another account, as if the user did not exist", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    session.actor = await makeActor(t.db, { accountName: "Elsewhere" });
    const before = await snapshot();
    expect(
      await changeRole(undefined, form({ userId: member.userId, role: "administrator" })),
    ).toMatchObject({ message: "errors.user_not_found" });
    expect(
      await changeStatus(undefined, form({ userId: owner.userId, status: "deactivated" })),
    ).toMatchObject({ message: "errors.user_not_found" });
    expect(await resendLink(undefined, form({ userId: member.userId }))).toMatchObject({
      message: "errors.user_not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("let the account's administrator add, promote and deactivate", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    session.actor = owner;
    expect(await addUser(undefined, newUser())).toMatchObject({ ok: true, message: "users.added" });
    expect(
      await changeRole(undefined, form({ userId: member.userId, role: "manager" })),
    ).toMatchObject({ ok: true });
    expect(
      await changeStatus(undefined, form({ userId: member.userId, status: "deactivated" })),
    ).toMatchObject({ ok: true, message: "users.deactivated" });
  });
});
