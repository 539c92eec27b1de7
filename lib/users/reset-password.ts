import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { issuePasswordLink } from "./create";

/**
 * "Forgot password?": a one-time link to choose a new password, by email to the
 * user of that username, through the same links as a new user's first password.
 * Public: the email address is the credential. The answer is the same whether
 * the username exists or not (the caller shows one message and runs this after
 * answering), and every request counts against the address and the username
 * first. Returns whether a link went out, for tests and logs only.
 */
export async function requestPasswordReset(
  db: Db,
  input: { username: string; ip: string | null },
  now: Date,
  deps: { appUrl: string },
): Promise<boolean> {
  const username = input.username.trim().toLowerCase();
  const counted = await Promise.all(
    [
      limitFor("passwordResetsPerAddress", input.ip ?? "unknown"),
      limitFor("passwordResetsPerUsername", username),
    ].map((rule) => rateLimit.hit(db, rule, now)),
  );
  if (counted.some((c) => !c.allowed)) return false;
  // The user's own daily limit of reset links, whoever asks for them.
  const [known] = await db
    .select({ id: users.id, accountId: users.accountId })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username));
  if (!known) return false;
  const perUser = limitFor("passwordResetLinksPerUser", `${known.accountId}:${known.id}`);
  if (!(await rateLimit.hit(db, perUser, now)).allowed) return false;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        username: users.username,
        email: users.email,
        firstName: users.firstName,
        locale: users.locale,
        status: users.status,
        accountName: accounts.name,
        accountType: accounts.type,
        usable: accountUsableSql(accounts.id),
      })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(sql`lower(${users.username})`, username))
      .for("update", { of: users });
    // Only someone who could sign in with the new password gets a link.
    if (!user || user.status !== "active" || !user.usable || user.accountType === "managed")
      return false;
    await issuePasswordLink(
      tx,
      {
        userId: user.id,
        user: { ...user, locale: user.locale ?? "en" },
        accountName: user.accountName,
        inviterName: "",
        now,
        purpose: "reset",
      },
      deps,
    );
    return true;
  });
}
