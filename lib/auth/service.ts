import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { DomainError } from "@/lib/errors";
import * as rateLimit from "@/lib/rate-limit/service";
import { fullName } from "@/lib/users/names";
import type { Actor } from "./actor";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { passwordProblems } from "./password-policy";

// Failed sign-ins allowed per window before further attempts are refused.
export const SIGN_IN_LIMITS = {
  perUsername: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
} as const;

export type SignInFailure = "invalid_credentials" | "too_many_attempts";

function limitKeys(username: string, ip: string | null) {
  return [
    { key: `signin:user:${username.toLowerCase()}`, ...SIGN_IN_LIMITS.perUsername },
    ...(ip ? [{ key: `signin:ip:${ip}`, ...SIGN_IN_LIMITS.perIp }] : []),
  ];
}

/**
 * Checks a username and password. Every failure looks the same to the caller
 * ("invalid_credentials") whether the user is unknown, deactivated or mistyped.
 */
export async function authenticate(
  db: Db,
  input: { username: string; password: string; ip: string | null; now: Date },
): Promise<{ ok: true; userId: string } | { ok: false; reason: SignInFailure }> {
  const limits = limitKeys(input.username, input.ip);
  for (const rule of limits) {
    if (!(await rateLimit.peek(db, rule, input.now)).allowed)
      return { ok: false, reason: "too_many_attempts" };
  }
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      status: users.status,
      accountUsable: accountUsableSql(accounts.id),
      accountType: accounts.type,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()));

  const valid = row?.passwordHash
    ? await verifyPassword(row.passwordHash, input.password)
    : (await verifyAgainstDummy(input.password), false);

  if (!row || !valid || !isSignInAllowed(row)) {
    for (const rule of limits) await rateLimit.hit(db, rule, input.now);
    return { ok: false, reason: "invalid_credentials" };
  }
  await rateLimit.reset(db, limits[0]!.key);
  await db.update(users).set({ lastSignInAt: input.now }).where(eq(users.id, row.id));
  return { ok: true, userId: row.id };
}

function isSignInAllowed(row: { status: string; accountUsable: boolean; accountType: string }) {
  // A deactivated account above takes the whole subtree with it; Managed
  // subaccounts are API-only: nobody signs in to them.
  return row.status === "active" && row.accountUsable && row.accountType !== "managed";
}

/** The actor for a session's user id, or null when the user may no longer be signed in. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id,
      accountId: users.accountId,
      role: users.role,
      username: users.username,
      name: fullName(users),
      email: users.email,
      locale: users.locale,
      status: users.status,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      accountName: accounts.name,
      accountType: accounts.type,
      accountUsable: accountUsableSql(accounts.id),
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  if (!row || !row.hasPassword || !isSignInAllowed(row)) return null;
  return {
    userId: row.userId,
    accountId: row.accountId,
    role: row.role,
    username: row.username,
    name: row.name,
    email: row.email,
    accountName: row.accountName,
    accountType: row.accountType,
    locale: row.locale,
  };
}

export async function setUserLocale(db: Db, userId: string, locale: "en" | "de") {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function isSetupOpen(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return !row;
}

export type SetupInput = {
  accountName: string;
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  password: string;
  locale: "en" | "de";
};

/** First run: the top-level partner account and its Administrator. Closed once any account exists. */
export async function completeSetup(
  db: Db,
  input: SetupInput,
  now: Date,
): Promise<{ accountId: string; userId: string }> {
  if (passwordProblems(input.password, input).length > 0)
    throw new DomainError("weak_password", "password");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Two browsers submitting the setup form at once must not make two partner accounts.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    if (!(await isSetupOpen(tx))) throw new DomainError("setup_closed");
    const [account] = await tx
      .insert(accounts)
      .values({
        name: input.accountName,
        type: "reseller",
        createdVia: "setup",
        allowedSubaccountTypes: ["enterprise", "reseller", "retail", "managed"],
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id });
    const [user] = await tx
      .insert(users)
      .values({
        accountId: account!.id,
        username: input.username,
        email: input.email,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        role: "administrator",
        locale: input.locale,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    return { accountId: account!.id, userId: user!.id };
  });
}
