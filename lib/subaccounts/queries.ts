import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { accounts } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/invitations/queries";

export const SUBACCOUNTS_PAGE_SIZE = 25;

export const subaccountListParams = z.object({
  after: z.string().max(200).optional().catch(undefined),
});

/** One page of an account's direct subaccounts, newest first, keyset on (created_at, id). */
export async function listSubaccounts(
  db: Db,
  parentId: string,
  params: z.infer<typeof subaccountListParams>,
) {
  const cursor = decodeCursor(params.after);
  const conditions: SQL[] = [eq(accounts.parentId, parentId)];
  if (cursor) {
    conditions.push(
      sql`(${accounts.createdAt}, ${accounts.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      type: accounts.type,
      status: accounts.status,
      createdVia: accounts.createdVia,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(and(...conditions))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(SUBACCOUNTS_PAGE_SIZE + 1);
  const page = rows.slice(0, SUBACCOUNTS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > SUBACCOUNTS_PAGE_SIZE && last
        ? encodeCursor({ at: last.createdAt, id: last.id })
        : null,
  };
}

/** The subaccount types the account may invite, for the invite form. */
export async function accountInviteSettings(db: Db, accountId: string) {
  const [row] = await db
    .select({ allowed: accounts.allowedSubaccountTypes })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row?.allowed ?? [];
}
