import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { alias } from "drizzle-orm/pg-core";
import { accounts, apiKeys, users } from "@/db/schema";
import { accountUsableSql } from "@/lib/accounts/usable";
import type { Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/tokens";
import { API_KEY_REQUESTS } from "@/lib/rate-limit/limits";
import { countHits, hitMoments, type RateLimitResult, toResult } from "@/lib/rate-limit/service";
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
  // The request is counted by the statement that finds its key: one round trip,
  // not two, on every API request. A key that is then refused is counted too.
  const counted = db.$with("counted").as(
    countHits(
      db,
      sql`select ${API_KEY_REQUESTS.prefix}::text || ${apiKeys.id}, ${sql.placeholder("now")}::timestamptz, 1
        from ${apiKeys} where ${apiKeys.keyHash} = ${sql.placeholder("hash")}`,
    ),
  );
  return (
    db
      .with(counted)
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
        requests: { count: counted.count, windowStart: counted.windowStart },
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
      .leftJoin(counted, sql`true`)
      .where(eq(apiKeys.keyHash, sql.placeholder("hash")))
      // Every API request runs it: built and planned once per connection, not each time.
      .prepare("api_key_by_hash")
  );
}

const prepared = new WeakMap<Db, ReturnType<typeof keyQuery>>();

export type ApiKeyRequest = { actor: Actor; requests: RateLimitResult };

/**
 * The actor of a key and its request counted against the key's limit per
 * minute (`perMinute`), in one statement; null for a key that does not work.
 */
export async function authenticateApiRequest(
  db: Db,
  presented: string,
  context: { now: Date; ip: string | null; perMinute: number },
): Promise<ApiKeyRequest | null> {
  if (!looksLikeApiKey(presented)) return null;
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = keyQuery(db)));
  const rule = { limit: context.perMinute, windowSeconds: API_KEY_REQUESTS.windowSeconds };
  const [row] = await query.execute({
    hash: hashToken(presented),
    ...hitMoments(rule, context.now),
  });
  if (!row) return null;
  const { key, status, usable, maker: made, requests, ...actor } = row;
  if (apiKeyStatus(key, context.now) !== "active") return null;
  if (status !== "active" || !usable || actor.role !== "administrator") return null;
  if (made.status !== "active" || made.role !== "administrator") return null;
  if (isLastUseStale(key.lastUsedAt, context.now)) await recordUse(db, key.id, context);
  return {
    actor: { ...actor, apiKey: { id: key.id, name: key.name, scope: key.scope } },
    requests: toResult(rule, requests!, context.now),
  };
}

/** The actor a presented key stands for, or null (its request counted as any other). */
export async function authenticateApiKey(
  db: Db,
  presented: string,
  context: { now: Date; ip: string | null },
): Promise<Actor | null> {
  const found = await authenticateApiRequest(db, presented, { ...context, perMinute: Infinity });
  return found?.actor ?? null;
}

/** At most once a minute per key, even with many instances: the condition decides, not a read. */
async function recordUse(db: Db, id: string, context: { now: Date; ip: string | null }) {
  const edge = new Date(context.now.getTime() - LAST_USED_INTERVAL_SECONDS * 1000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: context.now, lastUsedIp: context.ip })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, edge))));
}
