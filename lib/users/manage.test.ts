import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, setPasswordTokens, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/sign-in";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { APP_DEPS as deps, newUser } from "@/tests/helpers/fixtures";
import { addUser, changeRole, resendPasswordLink, setUserStatus } from "./manage";
import { setPasswordWithToken, viewSetPasswordLink } from "./set-password";

const t = setupTestDb();
const now = new Date("2026-07-01T09:00:00Z");
const erin = newUser;
const password = "Fresh-Passw0rd!x";

describe("adding a user", () => {
  it("creates the user in the actor's account without a password and mails a one-time link", async () => {
    const actor = await makeActor(t.db);
    const { userId, token } = await addUser(t.db, actor, { user: erin }, now, deps);
    const [row] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ accountId: actor.accountId, passwordHash: null, role: "user" });
    const [mail] = await t.db.select().from(emailOutbox);
    expect(mail!.text).toContain(`https://portal.example/set-password/${token}`);
    const [stored] = await t.db.select().from(setPasswordTokens);
    expect(stored!.tokenHash).not.toContain(token);
    // No password yet: no sign-in.
    expect(await loadActor(t.db, userId)).toBeNull();
  });

  it("refuses a taken username, whatever its case", async () => {
    const actor = await makeActor(t.db);
    await addUser(t.db, actor, { user: erin }, now, deps);
    await expect(
      addUser(t.db, actor, { user: { ...erin, username: "ERIN" } }, now, deps),
    ).rejects.toMatchObject({ code: "username_taken" });
  });
});

describe("changing users", () => {
  it("keeps the last active administrator: of two who demote each other, the second is no longer one", async () => {
    const actor = await makeActor(t.db);
    const second = await actorInAccount(t.db, actor.accountId, "administrator");
    await changeRole(t.db, actor, { userId: second.userId, role: "manager" }, now);
    await expect(
      changeRole(t.db, second, { userId: actor.userId, role: "user" }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(users).where(eq(users.id, actor.userId));
    expect(row!.role).toBe("administrator");
  });

  it("does not let a user change their own role or status", async () => {
    const actor = await makeActor(t.db);
    await expect(
      changeRole(t.db, actor, { userId: actor.userId, role: "user" }, now),
    ).rejects.toMatchObject({ code: "cannot_change_self" });
    await expect(
      setUserStatus(t.db, actor, { userId: actor.userId, status: "deactivated" }, now),
    ).rejects.toMatchObject({ code: "cannot_change_self" });
  });

  it("deactivates a user, who is then signed out, and reactivates them", async () => {
    const actor = await makeActor(t.db);
    const member = await actorInAccount(t.db, actor.accountId, "manager");
    await setUserStatus(t.db, actor, { userId: member.userId, status: "deactivated" }, now);
    expect(await loadActor(t.db, member.userId)).toBeNull();
    await setUserStatus(t.db, actor, { userId: member.userId, status: "active" }, now);
    expect(await loadActor(t.db, member.userId)).not.toBeNull();
  });

  it("does not reach users of another account", async () => {
    const actor = await makeActor(t.db);
    const stranger = await makeActor(t.db, { accountName: "Elsewhere" });
    await expect(
      changeRole(t.db, actor, { userId: stranger.userId, role: "user" }, now),
    ).rejects.toMatchObject({ code: "user_not_found" });
    await expect(
      setUserStatus(t.db, actor, { userId: stranger.userId, status: "deactivated" }, now),
    ).rejects.toMatchObject({ code: "user_not_found" });
    expect(await loadActor(t.db, stranger.userId)).toMatchObject({ role: "administrator" });
  });
});

describe("a new set-password link", () => {
  it("replaces the old one, which is then refused", async () => {
    const actor = await makeActor(t.db);
    const { userId, token: first } = await addUser(t.db, actor, { user: erin }, now, deps);
    const { token: second } = await resendPasswordLink(t.db, actor, { userId }, now, deps);
    expect(await viewSetPasswordLink(t.db, first, now)).toEqual({ state: "invalid" });
    await expect(setPasswordWithToken(t.db, { token: first, password }, now)).rejects.toMatchObject(
      { code: "set_password_link_invalid" },
    );
    await setPasswordWithToken(t.db, { token: second, password }, now);
    await expect(resendPasswordLink(t.db, actor, { userId }, now, deps)).rejects.toMatchObject({
      code: "password_already_set",
    });
  });

  it("is refused for a deactivated user, whose link would lead nowhere", async () => {
    const actor = await makeActor(t.db);
    const { userId } = await addUser(t.db, actor, { user: erin }, now, deps);
    await setUserStatus(t.db, actor, { userId, status: "deactivated" }, now);
    await expect(resendPasswordLink(t.db, actor, { userId }, now, deps)).rejects.toMatchObject({
      code: "user_not_active",
    });
  });

  it("is only for users of the actor's account", async () => {
    const actor = await makeActor(t.db);
    const { userId } = await addUser(t.db, actor, { user: erin }, now, deps);
    const stranger = await makeActor(t.db, { accountName: "Elsewhere" });
    await expect(resendPasswordLink(t.db, stranger, { userId }, now, deps)).rejects.toMatchObject({
      code: "user_not_found",
    });
  });
});
