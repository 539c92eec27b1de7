import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/sign-in";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { APP_DEPS as deps, newUser } from "@/tests/helpers/fixtures";
import { SET_PASSWORD_TTL_DAYS } from "./rules";
import { addUser } from "./manage";
import { setPasswordWithToken, viewSetPasswordLink } from "./set-password";

const t = setupTestDb();
const now = new Date("2026-07-01T09:00:00Z");
const erin = newUser;
const password = "Fresh-Passw0rd!x";

describe("set-password link", () => {
  it("works once, then the user signs in with the new password", async () => {
    const actor = await makeActor(t.db);
    const { token } = await addUser(t.db, actor, { user: erin }, now, deps);
    expect(await viewSetPasswordLink(t.db, token, now)).toMatchObject({
      state: "valid",
      username: "erin",
    });
    await setPasswordWithToken(t.db, { token, password }, now);
    expect((await authenticate(t.db, { username: "erin", password, ip: null, now })).ok).toBe(true);
    expect(await viewSetPasswordLink(t.db, token, now)).toEqual({ state: "invalid" });
    await expect(
      setPasswordWithToken(t.db, { token, password: "Another-Passw0rd" }, now),
    ).rejects.toMatchObject({ code: "set_password_link_invalid" });
  });

  it("expires after seven days", async () => {
    const actor = await makeActor(t.db);
    const { token } = await addUser(t.db, actor, { user: erin }, now, deps);
    const expiry = new Date(now.getTime() + SET_PASSWORD_TTL_DAYS * 24 * 3600 * 1000);
    expect((await viewSetPasswordLink(t.db, token, new Date(expiry.getTime() - 1000))).state).toBe(
      "valid",
    );
    await expect(setPasswordWithToken(t.db, { token, password }, expiry)).rejects.toMatchObject({
      code: "set_password_link_invalid",
    });
  });

  it("refuses a password built on the username and keeps the link usable", async () => {
    const actor = await makeActor(t.db);
    const { token } = await addUser(t.db, actor, { user: erin }, now, deps);
    await expect(
      setPasswordWithToken(t.db, { token, password: "Erin-is-great-1" }, now),
    ).rejects.toMatchObject({ code: "weak_password" });
    expect((await viewSetPasswordLink(t.db, token, now)).state).toBe("valid");
  });
});
