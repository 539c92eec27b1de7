import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { formData, actionRequest } from "@/tests/helpers/request";
import { addUser, changeRole, changeStatus, resendLink } from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-08-01T10:00:00Z"));

const newUser = () =>
  formData({
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
    request.actor = null;
    expect(await addUser(undefined, newUser())).toMatchObject({
      ok: false,
      message: "errors.signed_out",
    });
    expect(
      await changeRole(undefined, formData({ userId: owner.userId, role: "user" })),
    ).toMatchObject({
      ok: false,
      message: "errors.signed_out",
    });
    expect(
      await changeStatus(undefined, formData({ userId: owner.userId, status: "deactivated" })),
    ).toMatchObject({ ok: false, message: "errors.signed_out" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a Manager: only Administrators manage users", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    const before = await snapshot();
    expect(await addUser(undefined, newUser())).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(
      await changeRole(undefined, formData({ userId: member.userId, role: "administrator" })),
    ).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(
      await changeStatus(undefined, formData({ userId: owner.userId, status: "deactivated" })),
    ).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse an administrator of another account, as if the user did not exist", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    request.actor = await makeActor(t.db, { accountName: "Elsewhere" });
    const before = await snapshot();
    expect(
      await changeRole(undefined, formData({ userId: member.userId, role: "administrator" })),
    ).toMatchObject({ message: "errors.user_not_found" });
    expect(
      await changeStatus(undefined, formData({ userId: owner.userId, status: "deactivated" })),
    ).toMatchObject({ message: "errors.user_not_found" });
    expect(await resendLink(undefined, formData({ userId: member.userId }))).toMatchObject({
      message: "errors.user_not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("let the account's administrator add, promote and deactivate", async () => {
    const owner = await makeActor(t.db);
    const member = await actorInAccount(t.db, owner.accountId, "user");
    request.actor = owner;
    expect(await addUser(undefined, newUser())).toMatchObject({ ok: true, message: "users.added" });
    expect(
      await changeRole(undefined, formData({ userId: member.userId, role: "manager" })),
    ).toMatchObject({ ok: true });
    expect(
      await changeStatus(undefined, formData({ userId: member.userId, status: "deactivated" })),
    ).toMatchObject({ ok: true, message: "users.deactivated" });
  });
});
