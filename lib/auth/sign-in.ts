import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import * as rateLimit from "@/lib/rate-limit/service";
import { canonicalTimeZone } from "@/lib/i18n/time";
import { fullName } from "@/lib/users/names";
import type { Actor } from "./actor";
import { verifyAgainstDummy, verifyPassword } from "./password";

// Sign-in attempts allowed per window. Every attempt is counted before any
// password is checked, so parallel guesses cannot slip past a limit.
export const SIGN_IN_LIMITS = {
  /** One username from one address: the tight limit, which only that address hits. */
  perUsernameAndAddress: { limit: 10, windowSeconds: 15 * 60 },
  /** One address, whatever the usernames: looser, for offices behind one address. */
  perAddress: { limit: 50, windowSeconds: 15 * 60 },
  /**
   * Failures for one username from anywhere. Past this many the username is
   * under attack and slows down: each address gets one attempt per window, so a
   * guesser with many addresses gets few guesses, while the real user, trying
   * once from their own address, signs in as usual.
   */
  perUsername: { limit: 20, windowSeconds: 15 * 60 },
} as const;

export type SignInFailure = "invalid_credentials" | "too_many_attempts";

function limitKeys(username: string, ip: string | null) {
  const user = username.trim().toLowerCase();
  const address = ip ?? "unknown";
  return {
    pair: { key: `signin:user-ip:${user}:${address}`, ...SIGN_IN_LIMITS.perUsernameAndAddress },
    address: { key: `signin:ip:${address}`, ...SIGN_IN_LIMITS.perAddress },
    username: { key: `signin:user:${user}`, ...SIGN_IN_LIMITS.perUsername },
  };
}

/**
 * Checks a username and password. Every failure looks the same to the caller
 * ("invalid_credentials") whether the user is unknown, deactivated or mistyped.
 */
export async function authenticate(
  db: Db,
  input: {
    username: string;
    password: string;
    ip: string | null;
    now: Date;
    /** The browser's time zone: kept as the user's own if they have none yet. */
    timeZone?: string | null;
  },
): Promise<
  { ok: true; userId: string; sessionVersion: number } | { ok: false; reason: SignInFailure }
> {
  const { now } = input;
  const limits = limitKeys(input.username, input.ip);
  const pair = await rateLimit.hit(db, limits.pair, now);
  const address = await rateLimit.hit(db, limits.address, now);
  const underAttack = !(await rateLimit.peek(db, limits.username, now)).allowed;
  if (!pair.allowed || !address.allowed || (underAttack && pair.count > 1))
    return { ok: false, reason: "too_many_attempts" };

  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      // Read with the hash it goes with: a reset committed while this password was
      // being checked ends the session this sign-in begins.
      sessionVersion: users.sessionVersion,
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
    await rateLimit.hit(db, limits.username, now);
    return { ok: false, reason: "invalid_credentials" };
  }
  // A success clears this address's count for the username and gives its attempt back.
  await rateLimit.reset(db, limits.pair.key);
  await rateLimit.refund(db, limits.address.key);
  const browserZone = canonicalTimeZone(input.timeZone);
  await db
    .update(users)
    .set({
      lastSignInAt: now,
      ...(browserZone ? { timeZone: sql`coalesce(${users.timeZone}, ${browserZone})` } : {}),
    })
    .where(eq(users.id, row.id));
  return { ok: true, userId: row.id, sessionVersion: row.sessionVersion };
}

function isSignInAllowed(row: { status: string; accountUsable: boolean; accountType: string }) {
  // A deactivated account above takes the whole subtree with it; Managed
  // subaccounts are API-only: nobody signs in to them.
  return row.status === "active" && row.accountUsable && row.accountType !== "managed";
}

/** The actor for a session's user id, or null when the user may no longer be signed in. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  return (await loadSession(db, userId))?.actor ?? null;
}

/**
 * A session's user as they are now: the actor, and the generation of their
 * password (a session begun under an earlier one has ended).
 */
export async function loadSession(
  db: Db,
  userId: string,
): Promise<{ actor: Actor; sessionVersion: number } | null> {
  const [row] = await db
    .select({
      userId: users.id,
      accountId: users.accountId,
      role: users.role,
      username: users.username,
      name: fullName(users),
      email: users.email,
      locale: users.locale,
      timeZone: users.timeZone,
      status: users.status,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      sessionVersion: users.sessionVersion,
      accountName: accounts.name,
      accountType: accounts.type,
      accountUsable: accountUsableSql(accounts.id),
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  if (!row || !row.hasPassword || !isSignInAllowed(row)) return null;
  const actor: Actor = {
    userId: row.userId,
    accountId: row.accountId,
    role: row.role,
    username: row.username,
    name: row.name,
    email: row.email,
    accountName: row.accountName,
    accountType: row.accountType,
    locale: row.locale,
    timeZone: row.timeZone,
  };
  return { actor, sessionVersion: row.sessionVersion };
}
