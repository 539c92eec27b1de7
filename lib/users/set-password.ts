import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, setPasswordTokens, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { hashToken, looksLikeToken } from "@/lib/tokens";
import { UserError } from "./errors";

/** A user chooses their password from a one-time link; the token is their only credential. */

export type SetPasswordView =
  | { state: "invalid" }
  | { state: "valid"; username: string; email: string; firstName: string; accountName: string };

/**
 * A set-password link as its page and form see it, limited per client address:
 * once an address has opened too many bad links, it is refused before any lookup.
 * Counted before the look, given back for a link that works.
 */
export async function viewSetPasswordLinkFrom(
  db: Db,
  input: { token: string; ip: string | null },
  now: Date,
): Promise<SetPasswordView | { state: "rate_limited" }> {
  const rule = limitFor("badSetPasswordLinksPerAddress", input.ip ?? "unknown");
  if (!(await rateLimit.hit(db, rule, now)).allowed) return { state: "rate_limited" };
  const view = await viewSetPasswordLink(db, input.token, now);
  if (view.state !== "invalid") await rateLimit.refund(db, rule.key);
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
  input: { token: string; password: string; ip?: string | null },
  now: Date,
): Promise<{ username: string }> {
  const view = await viewSetPasswordLinkFrom(db, { token: input.token, ip: input.ip ?? null }, now);
  if (view.state === "rate_limited") throw new UserError("set_password_rate_limited");
  if (view.state !== "valid") throw new UserError("set_password_link_invalid");
  assertStrongPassword(input.password, view);
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
      // Every other session of the user ends: a stolen one does not outlive the new password.
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, claimed.userId));
    return { username: view.username };
  });
}
