import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, invitations } from "@/db/schema";

/** The figures on an account's home page. */
export async function accountOverview(db: Db, accountId: string, now: Date) {
  const [[subaccounts], [pending]] = await Promise.all([
    db.select({ n: count() }).from(accounts).where(eq(accounts.parentId, accountId)),
    db
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.accountId, accountId),
          eq(invitations.status, "pending"),
          gt(invitations.expiresAt, now),
        ),
      ),
  ]);
  return { subaccounts: subaccounts?.n ?? 0, pendingInvitations: pending?.n ?? 0 };
}
