import { desc, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { accounts, apiKeys, users } from "@/db/schema";
import { fullName } from "@/lib/users/names";
import { apiKeyStatus } from "./rules";

/**
 * The account's keys for the API keys page, newest first, revoked ones included
 * (greyed there); with them the keys of its Managed subaccounts, which only its
 * Administrators can see and revoke (no one signs in to those accounts).
 */
export async function listApiKeys(db: Db, accountId: string, now: Date) {
  const creator = alias(users, "creator");
  const rows = await db
    .select({
      subaccountName: sql<
        string | null
      >`case when ${accounts.id} = ${accountId} then null else ${accounts.name} end`,
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      createdAt: apiKeys.createdAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      lastUsedIp: apiKeys.lastUsedIp,
      createdByName: fullName(creator),
    })
    .from(apiKeys)
    .innerJoin(creator, eq(creator.id, apiKeys.createdBy))
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(or(eq(accounts.id, accountId), eq(accounts.parentId, accountId)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    // An account keeps few keys; a revoked one stays listed as a record of what existed.
    .limit(200);
  return rows.map((row) => ({ ...row, status: apiKeyStatus(row, now) }));
}
export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
