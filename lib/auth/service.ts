import { eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, setupCodes, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { DomainError } from "@/lib/errors";
import * as rateLimit from "@/lib/rate-limit/service";
import { fullName } from "@/lib/users/names";
import type { Actor } from "./actor";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { passwordProblems } from "./password-policy";
import { isSetupOpen, isValidSetupCode } from "./setup-code";

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
  input: { username: string; password: string; ip: string | null; now: Date },
): Promise<{ ok: true; userId: string } | { ok: false; reason: SignInFailure }> {
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
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, row.id));
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

export { isSetupOpen };

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
  /** On a public host, the one-time code from the server's log (see setup-code.ts). */
  access: { codeRequired: boolean; setupCode?: string | null } = { codeRequired: false },
): Promise<{ accountId: string; userId: string }> {
  if (passwordProblems(input.password, input).length > 0)
    throw new DomainError("weak_password", "password");
  // Checked before the (costly) hash as well as inside the transaction: once set
  // up, or without the code, the public form costs nothing.
  if (!(await isSetupOpen(db))) throw new DomainError("setup_closed");
  if (
    access.codeRequired &&
    !(access.setupCode && (await isValidSetupCode(db, access.setupCode, now)))
  )
    throw new DomainError("setup_code_invalid", "setupCode");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Two browsers submitting the setup form at once must not make two partner accounts.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    if (!(await isSetupOpen(tx))) throw new DomainError("setup_closed");
    if (
      access.codeRequired &&
      !(access.setupCode && (await isValidSetupCode(tx, access.setupCode, now)))
    )
      throw new DomainError("setup_code_invalid", "setupCode");
    // Used once: no code opens setup again.
    await tx.delete(setupCodes).where(isNotNull(setupCodes.id));
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
