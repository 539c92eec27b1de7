import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { makeAccount, makeUser } from "@/tests/helpers/fixtures";
import { buildAuthConfig } from "./config";
import { readSession, sessionCookieIsSecure } from "./session";

const t = setupTestDb();
const secret = "test-secret-test-secret-test-secret";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

const tokenFor = (
  userId: string,
  claims: Record<string, unknown> = {},
  options: { salt?: string; maxAge?: number; secret?: string } = {},
) =>
  encode({
    token: { sub: userId, ...claims },
    secret: options.secret ?? secret,
    salt: options.salt ?? PLAIN,
    maxAge: options.maxAge ?? 3600,
  });

/** Who the cookie header signs in, as Auth.js's own session endpoint reads it and as ours does. */
async function bothReaders(cookie: string, origin = "http://localhost:3000") {
  const config = buildAuthConfig({ db: async () => t.db, secret });
  const answer = await Auth(new Request(`${origin}/api/auth/session`, { headers: { cookie } }), {
    ...config,
    basePath: "/api/auth",
  });
  const theirs = ((await answer.json()) as { actor?: { userId: string } } | null)?.actor?.userId;
  const ours = await readSession(t.db, {
    cookie,
    secret,
    // Named by our rule from what a proxy forwards, not by the test: Auth.js names it by the URL.
    secure: sessionCookieIsSecure(
      new Headers({
        host: new URL(origin).host,
        "x-forwarded-proto": new URL(origin).protocol.replace(":", ""),
      }),
      {},
    ),
  });
  return { theirs: theirs ?? null, ours: ours?.userId ?? null };
}

describe("reading the session once", () => {
  it("signs in whom Auth.js signs in, with the actor as it is in the database now", async () => {
    const account = await makeAccount(t.db, { name: "Acme" });
    const user = await makeUser(t.db, account.id);
    const cookie = `${PLAIN}=${await tokenFor(user.id)}`;
    expect(await bothReaders(cookie)).toEqual({ theirs: user.id, ours: user.id });
    await t.db.update(accounts).set({ name: "Acme GmbH" }).where(eq(accounts.id, account.id));
    const actor = await readSession(t.db, { cookie, secret, secure: false });
    expect(actor).toMatchObject({ userId: user.id, accountName: "Acme GmbH" });
  });

  it("refuses what Auth.js refuses: expired, tampered, another secret, an ended session", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    const valid = await tokenFor(user.id);
    const tampered = valid.slice(0, -4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
    const cookies = [
      await tokenFor(user.id, {}, { maxAge: -60 }),
      tampered,
      await tokenFor(user.id, {}, { secret: "another-secret-another-secret-another" }),
      // Under another cookie's salt: a token is only good under its own name.
      await tokenFor(user.id, {}, { salt: "authjs.csrf-token" }),
      "not-a-token",
    ];
    for (const token of cookies)
      expect(await bothReaders(`${PLAIN}=${token}`)).toEqual({ theirs: null, ours: null });
    expect(await readSession(t.db, { cookie: null, secret, secure: false })).toBeNull();
  });

  it("ends the session of a deactivated user or account, and one begun before a new password", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    const begunBefore = `${PLAIN}=${await tokenFor(user.id, { ver: 0 })}`;
    await t.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, user.id));
    expect(await bothReaders(begunBefore)).toEqual({ theirs: null, ours: null });
    const current = `${PLAIN}=${await tokenFor(user.id, { ver: 1 })}`;
    expect(await bothReaders(current)).toEqual({ theirs: user.id, ours: user.id });
    await t.db.update(accounts).set({ status: "deactivated" }).where(eq(accounts.id, account.id));
    expect(await bothReaders(current)).toEqual({ theirs: null, ours: null });
  });

  it("reads the __Secure- cookie over HTTPS and the plain one over HTTP, never the other", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    const secure = `${SECURE}=${await tokenFor(user.id, {}, { salt: SECURE })}`;
    const plain = `${PLAIN}=${await tokenFor(user.id)}`;
    expect(await bothReaders(secure, "https://portal.example")).toEqual({
      theirs: user.id,
      ours: user.id,
    });
    expect(await bothReaders(plain, "https://portal.example")).toEqual({
      theirs: null,
      ours: null,
    });
    expect(await bothReaders(secure)).toEqual({ theirs: null, ours: null });
  });

  it("joins a session cookie Auth.js split into chunks", async () => {
    const account = await makeAccount(t.db);
    const user = await makeUser(t.db, account.id);
    const token = await tokenFor(user.id, { padding: "x".repeat(6000) });
    const chunks = token.match(/.{1,3900}/g)!;
    expect(chunks.length).toBeGreaterThan(1);
    const cookie = chunks.map((chunk, i) => `${PLAIN}.${i}=${chunk}`).join("; ");
    expect(await bothReaders(cookie)).toEqual({ theirs: user.id, ours: user.id });
  });

  it("names the cookie by the app's URL, else by the forwarded protocol, else as HTTPS", () => {
    const forwarded = (proto?: string) =>
      new Headers({ host: "portal.example", ...(proto ? { "x-forwarded-proto": proto } : {}) });
    expect(sessionCookieIsSecure(forwarded("http"), {})).toBe(false);
    expect(sessionCookieIsSecure(forwarded("https"), {})).toBe(true);
    // As Auth.js reads it: a URL's scheme, whatever its case.
    expect(sessionCookieIsSecure(forwarded("HTTPS"), {})).toBe(true);
    expect(sessionCookieIsSecure(forwarded(), {})).toBe(true);
    expect(sessionCookieIsSecure(forwarded("https"), { AUTH_URL: "http://localhost:3000" })).toBe(
      false,
    );
    expect(
      sessionCookieIsSecure(forwarded("http"), { NEXTAUTH_URL: "https://portal.example" }),
    ).toBe(true);
  });
});
