import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, emailOutbox, users } from "@/db/schema";
import { requestPasswordReset } from "@/lib/users/reset-password";
import { setPasswordWithToken } from "@/lib/users/set-password";
import { setupTestDb } from "@/tests/helpers/db";
import { makeAccount, makeUser, PASSWORD } from "@/tests/helpers/fixtures";
import { buildAuthConfig } from "./config";
import { authenticate, loadActor, SIGN_IN_LIMITS } from "./sign-in";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");
const secret = "test-secret-test-secret-test-secret";
const COOKIE = "authjs.session-token";

async function sessionRequest(userId: string, claims: Record<string, unknown> = {}) {
  const token = await encode({ token: { sub: userId, ...claims }, secret, salt: COOKIE });
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
    ).toEqual({ ok: true, userId: user.id, sessionVersion: 0 });
  });

  it("takes the browser's time zone at the first sign-in, and never overrides a chosen one", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "zoe" });
    const signIn = (timeZone: string) =>
      authenticate(t.db, { username: "zoe", password: PASSWORD, ip: "10.0.0.9", now, timeZone });
    const zone = async () =>
      (await t.db.select().from(users).where(eq(users.id, user.id)))[0]!.timeZone;
    await signIn("Not/A_Zone");
    expect(await zone()).toBeNull();
    await signIn("America/New_York");
    expect(await zone()).toBe("America/New_York");
    await signIn("Asia/Tokyo");
    expect(await zone()).toBe("America/New_York");
    expect((await loadActor(t.db, user.id))!.timeZone).toBe("America/New_York");
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

  it("counts every attempt before checking it: of 50 parallel guesses, at most the limit are checked", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "dave" });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        authenticate(t.db, { username: "dave", password: `guess-${i}`, ip: "203.0.113.5", now }),
      ),
    );
    const checked = answers.filter((a) => !a.ok && a.reason !== "too_many_attempts").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perUsernameAndAddress.limit);
    expect(answers.every((a) => !a.ok)).toBe(true);
  });

  it("stops a guessing address, but not the real user signing in from their own", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "carol" });
    const attempt = (password: string, ip: string, at = now) =>
      authenticate(t.db, { username: "carol", password, ip, now: at });
    for (let i = 0; i < SIGN_IN_LIMITS.perUsernameAndAddress.limit; i++)
      await attempt(`nope-${i}`, "198.51.100.1");
    expect(await attempt(PASSWORD, "198.51.100.1")).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    expect((await attempt(PASSWORD, "203.0.113.9")).ok).toBe(true);
    const later = new Date(
      now.getTime() + SIGN_IN_LIMITS.perUsernameAndAddress.windowSeconds * 1000,
    );
    expect((await attempt(PASSWORD, "198.51.100.1", later)).ok).toBe(true);
  });

  it("slows a username under attack from many addresses to one try per address", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "erin" });
    const attempt = (password: string, ip: string) =>
      authenticate(t.db, { username: "erin", password, ip, now });
    for (let i = 0; i < SIGN_IN_LIMITS.perUsername.limit; i++)
      await attempt(`nope-${i}`, `198.51.100.${i % 5}`);
    // A guessing address that already tried is refused before any check…
    expect(await attempt(PASSWORD, "198.51.100.1")).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
    // …while the real user's first attempt from their own address goes through.
    expect((await attempt(PASSWORD, "203.0.113.20")).ok).toBe(true);
  });

  it("limits one address across usernames, and a success gives its attempt back", async () => {
    const account = await makeAccount(t.db);
    await makeUser(t.db, account.id, { username: "frank" });
    const ip = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit - 1; i++)
      await authenticate(t.db, { username: `nobody${i}`, password: "x", ip, now });
    expect((await authenticate(t.db, { username: "frank", password: PASSWORD, ip, now })).ok).toBe(
      true,
    );
    expect((await authenticate(t.db, { username: "frank", password: PASSWORD, ip, now })).ok).toBe(
      true,
    );
    await authenticate(t.db, { username: "nobody-last", password: "x", ip, now });
    expect(await authenticate(t.db, { username: "frank", password: PASSWORD, ip, now })).toEqual({
      ok: false,
      reason: "too_many_attempts",
    });
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

  it("ends every session begun before a password was set or reset", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "stolen" });
    // A session from before: its cookie says which password generation it began under.
    expect((await sessionRequest(user.id, { ver: 0 })).body?.actor?.userId).toBe(user.id);
    await requestPasswordReset(t.db, { username: "stolen", ip: "10.0.0.3" }, now, {
      appUrl: "https://portal.example",
    });
    const [mail] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "reset-password"));
    const token = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    await setPasswordWithToken(t.db, { token, password: "Brand-New-Passw0rd!" }, now);
    expect((await sessionRequest(user.id, { ver: 0 })).body).toBeNull();
    // One that began afterwards (the user's own, signing in again) goes on.
    expect((await sessionRequest(user.id, { ver: 1 })).body?.actor?.userId).toBe(user.id);
  });

  it("gives a sign-in the password generation its password was checked under", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id, { username: "racer" });
    const checked = await authenticate(t.db, {
      username: "racer",
      password: PASSWORD,
      ip: "10.0.0.4",
      now,
    });
    expect(checked).toMatchObject({ ok: true, sessionVersion: 0 });
    // A reset lands between the check and the session's first token: that session is over.
    await t.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, user.id));
    const config = buildAuthConfig({ db: async () => t.db, secret });
    const token = await config.callbacks.jwt({
      token: {},
      user: { id: user.id, ver: 0 } as never,
    } as never);
    expect(token).toBeNull();
  });
});
