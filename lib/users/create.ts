import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { setPasswordTokens, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderResetPasswordEmail, renderSetPasswordEmail } from "@/lib/email/render";
import type { Locale, Role } from "@/lib/enums";
import { isUniqueViolation } from "@/lib/errors";
import { hashToken, newToken } from "@/lib/tokens";
import { UserError } from "./errors";
import { resetPasswordExpiry, setPasswordExpiry } from "./rules";
import { linkInLanguage } from "@/lib/i18n/locale";

export type NewUser = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  locale: Locale;
};

/**
 * Inserts a user into an account, inside the caller's transaction. A username
 * is unique whatever its case: a taken one is refused at the username field.
 */
export async function insertUser(
  tx: Db,
  values: NewUser & {
    accountId: string;
    passwordHash?: string;
    phone?: string | null;
    jobTitle?: string | null;
    now: Date;
  },
): Promise<string> {
  const { now, ...user } = values;
  try {
    const [created] = await tx
      .insert(users)
      .values({ ...user, createdAt: now, updatedAt: now })
      .returning({ id: users.id });
    return created!.id;
  } catch (error) {
    if (isUniqueViolation(error, "users_username_lower_key"))
      throw new UserError("username_taken", "username");
    throw error;
  }
}

/**
 * Issues a one-time password link for a user and queues its email; every older
 * open link of the user stops working. `purpose` "set": a new user chooses a
 * password (7 days, from whoever added them); "reset": a forgotten one (1 hour).
 */
export async function issuePasswordLink(
  tx: Db,
  input: {
    userId: string;
    user: Pick<NewUser, "username" | "email" | "firstName" | "locale">;
    accountName: string;
    inviterName: string;
    now: Date;
    purpose?: "set" | "reset";
  },
  deps: { appUrl: string },
): Promise<string> {
  const { now, purpose = "set" } = input;
  const token = newToken();
  const url = linkInLanguage(`${deps.appUrl}/set-password/${token}`, input.user.locale);
  const expiresAt = purpose === "set" ? setPasswordExpiry(now) : resetPasswordExpiry(now);
  const email =
    purpose === "set"
      ? await renderSetPasswordEmail({
          locale: input.user.locale,
          firstName: input.user.firstName,
          accountName: input.accountName,
          inviterName: input.inviterName,
          username: input.user.username,
          setPasswordUrl: url,
          expiresAt,
        })
      : await renderResetPasswordEmail({
          locale: input.user.locale,
          firstName: input.user.firstName,
          accountName: input.accountName,
          username: input.user.username,
          resetUrl: url,
          expiresAt,
        });
  // A new link replaces the earlier ones; a reset only earlier resets, never the link an
  // Administrator sent (which a stranger's "Forgot password?" would otherwise cancel).
  await tx
    .update(setPasswordTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(setPasswordTokens.userId, input.userId),
        isNull(setPasswordTokens.usedAt),
        purpose === "reset" ? eq(setPasswordTokens.purpose, "reset") : undefined,
      ),
    );
  const [row] = await tx
    .insert(setPasswordTokens)
    .values({
      userId: input.userId,
      tokenHash: hashToken(token),
      purpose,
      expiresAt,
      createdAt: now,
    })
    .returning({ id: setPasswordTokens.id });
  await enqueueEmail(tx, {
    to: input.user.email,
    email,
    template: `${purpose}-password`,
    idempotencyKey: `${purpose}-password:${row!.id}`,
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
  const userId = await insertUser(tx, { ...user, accountId: input.accountId, now });
  const token = await issuePasswordLink(
    tx,
    { userId, user, accountName: input.accountName, inviterName: input.inviterName, now },
    deps,
  );
  return { userId, token };
}
