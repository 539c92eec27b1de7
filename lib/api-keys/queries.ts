import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { apiKeys, users } from "@/db/schema";
import { fullName } from "@/lib/users/names";
import { apiKeyStatus } from "./rules";

/** The account's keys for the API keys page, newest first, revoked ones included (greyed there). */
export async function listApiKeys(db: Db, accountId: string, now: Date) {
  const creator = alias(users, "creator");
  const rows = await db
    .select({
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
    .where(eq(apiKeys.accountId, accountId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    // An account keeps few keys; a revoked one stays listed as a record of what existed.
    .limit(200);
  return rows.map((row) => ({ ...row, status: apiKeyStatus(row, now) }));
}
export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
