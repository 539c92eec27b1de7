import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, apiKeys } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { hashToken } from "@/lib/tokens";
import { ApiKeyError } from "./errors";
import type { NewApiKey } from "./inputs";
import { newApiKey, shownPart } from "./rules";

/** An Administrator's use cases for the account's API keys: make one, revoke one. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A key never makes or revokes keys: a leaked one must not be able to keep itself alive. */
function refuseKeys(actor: Actor) {
  if (actor.apiKey) throw new DomainError("forbidden");
}

/**
 * Makes a key that acts as the actor, within its scope. The key itself is in the
 * answer only; the database keeps its SHA-256.
 */
export async function createApiKey(
  db: Db,
  actor: Actor,
  input: NewApiKey,
  now: Date,
): Promise<{ id: string; key: string; expiresAt: Date | null }> {
  authorize(actor, "apiKeys.manage");
  refuseKeys(actor);
  const key = newApiKey();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * DAY_MS)
    : null;
  try {
    return await db.transaction(async (tx) => {
      const current = await lockActor(tx, actor, "apiKeys.manage");
      const [row] = await tx
        .insert(apiKeys)
        .values({
          accountId: current.accountId,
          name: input.name,
          prefix: shownPart(key),
          keyHash: hashToken(key),
          scope: input.scope,
          userId: current.userId,
          createdBy: current.userId,
          createdAt: now,
          expiresAt,
        })
        .returning({ id: apiKeys.id });
      await recordActivity(tx, { accountId: current.accountId, actor: current, now }, [
        { kind: "api_key", subject: input.name, from: null, to: input.scope },
      ]);
      return { id: row!.id, key, expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error, "api_keys_live_name"))
      throw new ApiKeyError("api_key_name_taken", "name");
    throw error;
  }
}

/**
 * Stops a key at once: one of the actor's account, or of one of its Managed
 * subaccounts (whose keys only the parent can manage); any other is "not found".
 */
export async function revokeApiKey(
  db: Db,
  actor: Actor,
  input: { id: string },
  now: Date,
): Promise<void> {
  authorize(actor, "apiKeys.manage");
  refuseKeys(actor);
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "apiKeys.manage");
    const managedByActor = tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.parentId, current.accountId), eq(accounts.type, "managed")));
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: current.userId })
      .where(
        and(
          eq(apiKeys.id, input.id),
          or(eq(apiKeys.accountId, current.accountId), inArray(apiKeys.accountId, managedByActor)),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ name: apiKeys.name, scope: apiKeys.scope, accountId: apiKeys.accountId });
    if (!revoked) throw new ApiKeyError("api_key_not_found");
    await recordActivity(tx, { accountId: revoked.accountId, actor: current, now }, [
      { kind: "api_key", subject: revoked.name, from: revoked.scope, to: null },
    ]);
  });
}
