import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { makeAccount, makeUser, PASSWORD } from "@/tests/helpers/fixtures";
import { buildAuthConfig } from "./config";
import { authenticate, completeSetup, isSetupOpen, loadActor, SIGN_IN_LIMITS } from "./service";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");
const secret = "test-secret-test-secret-test-secret";
const COOKIE = "authjs.session-token";

async function sessionRequest(userId: string) {
  const token = await encode({ token: { sub: userId }, secret, salt: COOKIE });
  const config = buildAuthConfig({ db: async () => t.db, secret });
  const response = await Auth(
    new Request("http://localhost:3000/api/auth/session", {
      headers: { cookie: `${COOKIE}=${token}` },
    }),
    { ...config, basePath: "/api/auth" },
  );
  return {
    body: (await response.json()) as { actor?: { userId: string } } | null,
    setCookie: response.headers.getSetCookie(),
  };
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the username", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "Alice" });
    expect(
      await authenticate(t.db, { username: "ALICE", password: PASSWORD, ip: "10.0.0.1", now }),
    ).toEqual({ ok: true, userId: user.id });
  });

  it("answers the same for an unknown user, a wrong password and a deactivated user", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "bob" });
    const unknown = await authenticate(t.db, {
      username: "nobody",
      password: PASSWORD,
      ip: null,
      now,
    });
    const wrong = await authenticate(t.db, {
      username: "bob",
      password: "wrong-password",
      ip: null,
      now,
    });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    const deactivated = await authenticate(t.db, {
      username: "bob",
      password: PASSWORD,
      ip: null,
      now,
    });
    expect([unknown, wrong, deactivated]).toEqual(
      Array(3).fill({ ok: false, reason: "invalid_credentials" }),
    );
  });

  it("refuses even the right password after too many failures for one username", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "carol" });
    for (let i = 0; i < SIGN_IN_LIMITS.perUsername.limit; i++) {
      await authenticate(t.db, { username: "carol", password: "nope", ip: `10.0.0.${i}`, now });
    }
    expect(
      await authenticate(t.db, { username: "carol", password: PASSWORD, ip: "10.9.9.9", now }),
    ).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    const later = new Date(now.getTime() + SIGN_IN_LIMITS.perUsername.windowSeconds * 1000);
    expect(
      (
        await authenticate(t.db, {
          username: "carol",
          password: PASSWORD,
          ip: "10.9.9.9",
          now: later,
        })
      ).ok,
    ).toBe(true);
  });

  it("refuses sign-in to a managed (API-only) account", async () => {
    const parent = await makeAccount(t.db);
    const managed = await makeAccount(t.db, { type: "managed", parentId: parent.id });
    await makeUser(t.db, managed.id, { username: "api" });
    expect(
      (await authenticate(t.db, { username: "api", password: PASSWORD, ip: null, now })).ok,
    ).toBe(false);
  });
});

describe("session", () => {
  it("keeps an active user signed in and refreshes their details", async () => {
    const account = await makeAccount(t.db, { name: "Acme" });
    const user = await makeUser(t.db, account.id);
    const { body } = await sessionRequest(user.id);
    expect(body?.actor).toMatchObject({
      userId: user.id,
      accountId: account.id,
      accountName: "Acme",
      role: "administrator",
    });
  });

  it("signs a deactivated user out on their next request", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, user.id));
    const { body, setCookie } = await sessionRequest(user.id);
    expect(body).toBeNull();
    expect(
      setCookie.some(
        (c) => c.startsWith(`${COOKIE}=;`) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c),
      ),
    ).toBe(true);
  });

  it("signs everyone out of a deactivated account", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    await t.db.update(accounts).set({ status: "deactivated" }).where(eq(accounts.id, account.id));
    expect(await loadActor(t.db, user.id)).toBeNull();
    expect((await sessionRequest(user.id)).body).toBeNull();
  });
});

describe("first-run setup", () => {
  const input = {
    accountName: "Acme Partner",
    firstName: "Ada",
    lastName: "Admin",
    email: "ada@example.com",
    username: "ada",
    password: "Another-Passw0rd",
    locale: "en" as const,
  };

  it("creates the partner account and its administrator, then closes", async () => {
    expect(await isSetupOpen(t.db)).toBe(true);
    const { userId } = await completeSetup(t.db, input, now);
    expect(await loadActor(t.db, userId)).toMatchObject({
      role: "administrator",
      accountName: "Acme Partner",
    });
    expect(await isSetupOpen(t.db)).toBe(false);
    await expect(completeSetup(t.db, { ...input, username: "eve" }, now)).rejects.toMatchObject({
      code: "setup_closed",
    });
  });

  it("refuses a weak password and creates nothing", async () => {
    await expect(
      completeSetup(t.db, { ...input, password: "ada-password" }, now),
    ).rejects.toMatchObject({ code: "weak_password" });
    expect(await isSetupOpen(t.db)).toBe(true);
  });
});
