import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, setPasswordTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { lockActor } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import type { Role } from "@/lib/auth/permissions";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderSetPasswordEmail } from "@/lib/email/render";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { hashToken, looksLikeToken, newToken } from "@/lib/tokens";
import { assertAdministratorRemains, setPasswordExpiry, UserError } from "./rules";

export type NewUser = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  locale: Locale;
};

/** Issues a set-password link for a user and queues its email; every older open link of the user stops working. */
async function issuePasswordLink(
  tx: Db,
  input: {
    userId: string;
    user: Pick<NewUser, "username" | "email" | "firstName" | "locale">;
    accountName: string;
    inviterName: string;
    now: Date;
  },
  deps: { appUrl: string },
): Promise<string> {
  const { now } = input;
  const token = newToken();
  const expiresAt = setPasswordExpiry(now);
  const email = await renderSetPasswordEmail({
    locale: input.user.locale,
    firstName: input.user.firstName,
    accountName: input.accountName,
    inviterName: input.inviterName,
    username: input.user.username,
    setPasswordUrl: `${deps.appUrl}/set-password/${token}`,
    expiresAt,
  });
  await tx
    .update(setPasswordTokens)
    .set({ usedAt: now })
    .where(and(eq(setPasswordTokens.userId, input.userId), isNull(setPasswordTokens.usedAt)));
  const [row] = await tx
    .insert(setPasswordTokens)
    .values({ userId: input.userId, tokenHash: hashToken(token), expiresAt, createdAt: now })
    .returning({ id: setPasswordTokens.id });
  await enqueueEmail(tx, {
    to: input.user.email,
    email,
    template: "set-password",
    idempotencyKey: `set-password:${row!.id}`,
    // Worth retrying for as long as the link works.
    deadline: expiresAt,
    now,
  });
  return token;
}

/**
 * Creates a user without a password in the given account and queues the email
 * with their one-time set-password link (7 days). Runs inside the caller's
 * transaction, so the user and the email exist together or not at all.
 */
export async function createUserWithPasswordLink(
  tx: Db,
  input: { accountId: string; accountName: string; inviterName: string; user: NewUser; now: Date },
  deps: { appUrl: string },
): Promise<{ userId: string; token: string }> {
  const { user, now } = input;
  let userId: string;
  try {
    const [created] = await tx
      .insert(users)
      .values({ ...user, accountId: input.accountId, createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    userId = created!.id;
  } catch (error) {
    if (isUniqueViolation(error, "users_username_lower_key"))
      throw new UserError("username_taken", "username");
    throw error;
  }
  const token = await issuePasswordLink(
    tx,
    { userId, user, accountName: input.accountName, inviterName: input.inviterName, now },
    deps,
  );
  return { userId, token };
}

/** Adds a user to the actor's own account; they choose their password from the email. */
export async function addUser(
  db: Db,
  input: { actor: Actor; user: NewUser; now: Date },
  deps: { appUrl: string },
): Promise<{ userId: string; token: string }> {
  const rule = limitFor("usersAddedPerAccount", input.actor.accountId);
  if (!(await rateLimit.hit(db, rule, input.now)).allowed)
    throw new UserError("users_rate_limited");
  return db.transaction(async (tx) => {
    const actor = await lockActor(tx, input.actor, "users.manage");
    return createUserWithPasswordLink(
      tx,
      {
        accountId: actor.accountId,
        accountName: actor.accountName,
        inviterName: actor.name,
        user: input.user,
        now: input.now,
      },
      deps,
    );
  });
}

/** Locks the account's users, so two administrators cannot demote each other at the same moment. */
async function lockMembers(tx: Db, accountId: string) {
  return tx
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.accountId, accountId))
    .for("update");
}

async function changeMember(
  db: Db,
  input: {
    actor: Actor;
    userId: string;
    now: Date;
    change: { role?: Role; status?: "active" | "deactivated" };
  },
) {
  const { actor, userId, change } = input;
  // Users manage others; their own role and status stay as they are, so nobody locks themselves out.
  if (userId === actor.userId) throw new UserError("cannot_change_self");
  await db.transaction(async (tx) => {
    const members = await lockMembers(tx, actor.accountId);
    // The actor's own row is locked with the rest: their role as it is now decides.
    await lockActor(tx, actor, "users.manage");
    if (!members.some((m) => m.id === userId)) throw new UserError("user_not_found");
    assertAdministratorRemains(members, { userId, ...change });
    await tx
      .update(users)
      .set({ ...change, updatedAt: input.now })
      .where(and(eq(users.id, userId), eq(users.accountId, actor.accountId)));
  });
}

export function changeRole(db: Db, input: { actor: Actor; userId: string; role: Role; now: Date }) {
  return changeMember(db, { ...input, change: { role: input.role } });
}

/** A deactivated user is signed out on their next request and cannot sign in. */
export function setUserStatus(
  db: Db,
  input: { actor: Actor; userId: string; status: "active" | "deactivated"; now: Date },
) {
  return changeMember(db, { ...input, change: { status: input.status } });
}

/** A new set-password link for a user of the actor's account who has not chosen a password yet. */
export async function resendPasswordLink(
  db: Db,
  input: { actor: Actor; userId: string; now: Date },
  deps: { appUrl: string },
): Promise<{ token: string; email: string }> {
  const { now } = input;
  const rule = limitFor("passwordLinksPerUser", `${input.actor.accountId}:${input.userId}`);
  if (!(await rateLimit.hit(db, rule, now)).allowed) throw new UserError("link_rate_limited");
  return db.transaction(async (tx) => {
    const actor = await lockActor(tx, input.actor, "users.manage");
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.accountId, actor.accountId)))
      .for("update");
    if (!user) throw new UserError("user_not_found");
    if (user.passwordHash) throw new UserError("password_already_set");
    const token = await issuePasswordLink(
      tx,
      {
        userId: user.id,
        user: { ...user, locale: user.locale ?? "en" },
        accountName: actor.accountName,
        inviterName: actor.name,
        now,
      },
      deps,
    );
    return { token, email: user.email };
  });
}

export type SetPasswordView =
  | { state: "invalid" }
  | { state: "valid"; username: string; email: string; firstName: string; accountName: string };

/**
 * A set-password link as its page and form see it, limited per client address:
 * once an address has opened too many bad links, it is refused before any lookup.
 */
export async function viewSetPasswordLinkFrom(
  db: Db,
  input: { token: string; ip: string | null; now: Date },
): Promise<SetPasswordView | { state: "rate_limited" }> {
  const rule = limitFor("badSetPasswordLinksPerAddress", input.ip ?? "unknown");
  if (!(await rateLimit.peek(db, rule, input.now)).allowed) return { state: "rate_limited" };
  const view = await viewSetPasswordLink(db, input.token, input.now);
  if (view.state === "invalid") await rateLimit.hit(db, rule, input.now);
  return view;
}

/** What a set-password link leads to. Opening it changes nothing. */
export async function viewSetPasswordLink(
  db: Db,
  token: string,
  now: Date,
): Promise<SetPasswordView> {
  if (!looksLikeToken(token)) return { state: "invalid" };
  const [row] = await db
    .select({
      username: users.username,
      email: users.email,
      firstName: users.firstName,
      accountName: accounts.name,
    })
    .from(setPasswordTokens)
    .innerJoin(users, eq(users.id, setPasswordTokens.userId))
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(setPasswordTokens.tokenHash, hashToken(token)),
        isNull(setPasswordTokens.usedAt),
        gt(setPasswordTokens.expiresAt, now),
        eq(users.status, "active"),
      ),
    );
  return row ? { state: "valid", ...row } : { state: "invalid" };
}

/** Uses a set-password link once: the password is set and every open link of the user stops working. */
export async function setPasswordWithToken(
  db: Db,
  input: { token: string; password: string; ip?: string | null; now: Date },
): Promise<{ username: string }> {
  const { now } = input;
  const view = await viewSetPasswordLinkFrom(db, { token: input.token, ip: input.ip ?? null, now });
  if (view.state === "rate_limited") throw new UserError("set_password_rate_limited");
  if (view.state !== "valid") throw new UserError("set_password_link_invalid");
  if (passwordProblems(input.password, view).length > 0)
    throw new DomainError("weak_password", "password");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Compare-and-swap: of two submissions of one link, one wins.
    const [claimed] = await tx
      .update(setPasswordTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(setPasswordTokens.tokenHash, hashToken(input.token)),
          isNull(setPasswordTokens.usedAt),
          gt(setPasswordTokens.expiresAt, now),
        ),
      )
      .returning({ userId: setPasswordTokens.userId });
    if (!claimed) throw new UserError("set_password_link_invalid");
    await tx
      .update(setPasswordTokens)
      .set({ usedAt: now })
      .where(and(eq(setPasswordTokens.userId, claimed.userId), isNull(setPasswordTokens.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, claimed.userId));
    return { username: view.username };
  });
}
