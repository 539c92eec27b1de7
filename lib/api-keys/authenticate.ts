import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { alias } from "drizzle-orm/pg-core";
import { accounts, apiKeys, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/tokens";
import { fullName } from "@/lib/users/names";
import { apiKeyStatus, isLastUseStale, LAST_USED_INTERVAL_SECONDS, looksLikeApiKey } from "./rules";

/**
 * The actor a presented key stands for, or null. Every refusal looks the same
 * to the caller: unknown, revoked or expired, a maker (or the user it acts as)
 * who is deactivated or no longer an Administrator, an account (or any above
 * it) deactivated.
 */
const maker = alias(users, "maker");

function keyQuery(db: Db) {
  return (
    db
      .select({
        key: {
          id: apiKeys.id,
          name: apiKeys.name,
          scope: apiKeys.scope,
          revokedAt: apiKeys.revokedAt,
          expiresAt: apiKeys.expiresAt,
          lastUsedAt: apiKeys.lastUsedAt,
        },
        userId: users.id,
        accountId: users.accountId,
        role: users.role,
        status: users.status,
        username: users.username,
        name: fullName(users),
        email: users.email,
        locale: users.locale,
        timeZone: users.timeZone,
        accountName: accounts.name,
        accountType: accounts.type,
        usable: accountUsableSql(accounts.id),
        maker: { status: maker.status, role: maker.role },
      })
      .from(apiKeys)
      .innerJoin(users, and(eq(users.id, apiKeys.userId), eq(users.accountId, apiKeys.accountId)))
      .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
      // Who made it: the same user for a key of the API keys page, the parent's
      // Administrator for a Managed subaccount's key. Either way, their rights count;
      // their account is this one or its parent, usable whenever this one is.
      .innerJoin(
        maker,
        and(
          eq(maker.id, apiKeys.createdBy),
          or(eq(maker.accountId, accounts.id), eq(maker.accountId, accounts.parentId)),
        ),
      )
      .where(eq(apiKeys.keyHash, sql.placeholder("hash")))
      // Every API request runs it: built and planned once per connection, not each time.
      .prepare("api_key_by_hash")
  );
}

const prepared = new WeakMap<Db, ReturnType<typeof keyQuery>>();

export async function authenticateApiKey(
  db: Db,
  presented: string,
  context: { now: Date; ip: string | null },
): Promise<Actor | null> {
  if (!looksLikeApiKey(presented)) return null;
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = keyQuery(db)));
  const [row] = await query.execute({ hash: hashToken(presented) });
  if (!row) return null;
  const { key, status, usable, maker: made, ...actor } = row;
  if (apiKeyStatus(key, context.now) !== "active") return null;
  if (status !== "active" || !usable || actor.role !== "administrator") return null;
  if (made.status !== "active" || made.role !== "administrator") return null;
  if (isLastUseStale(key.lastUsedAt, context.now)) await recordUse(db, key.id, context);
  return { ...actor, apiKey: { id: key.id, name: key.name, scope: key.scope } };
}

/** At most once a minute per key, even with many instances: the condition decides, not a read. */
async function recordUse(db: Db, id: string, context: { now: Date; ip: string | null }) {
  const edge = new Date(context.now.getTime() - LAST_USED_INTERVAL_SECONDS * 1000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: context.now, lastUsedIp: context.ip })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, edge))));
}
