import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { apiKeys, users } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/tokens";
import { newApiKey, shownPart } from "./rules";

/**
 * The first key of a Managed subaccount, which no one signs in to: it acts as
 * the account's own Administrator, a user without a password (so never a
 * sign-in), made here for the purpose. Inside the caller's transaction.
 */
export async function issueManagedKey(
  tx: Db,
  input: {
    account: { id: string; number: number; name: string; contactEmail: string };
    /** The parent's Administrator who asked for it (through a page or a key of their own). */
    maker: Actor;
    name: string;
    now: Date;
  },
): Promise<{ id: string; key: string }> {
  const { account, now } = input;
  const [user] = await tx
    .insert(users)
    .values({
      accountId: account.id,
      // Unique and recognisable; the random part keeps a person's chosen name from colliding.
      username: `api-${account.number}-${randomBytes(3).toString("hex")}`,
      // Where replies to what the key sends (its invitations) go: the organization's contact.
      email: account.contactEmail,
      passwordHash: null,
      firstName: "API",
      lastName: account.name.slice(0, 100),
      role: "administrator",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  const key = newApiKey();
  const [row] = await tx
    .insert(apiKeys)
    .values({
      accountId: account.id,
      name: input.name,
      prefix: shownPart(key),
      keyHash: hashToken(key),
      scope: "write",
      userId: user!.id,
      createdBy: input.maker.userId,
      createdAt: now,
    })
    .returning({ id: apiKeys.id });
  // In the subaccount's own log, as the parent's Administrator who asked for it.
  await recordActivity(tx, { accountId: account.id, actor: input.maker, now }, [
    { kind: "api_key", subject: input.name, from: null, to: "write" },
  ]);
  return { id: row!.id, key };
}
