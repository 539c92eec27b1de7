import { count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema";
import { invitationCounts } from "@/lib/invitations/queries";

/** The figures on an account's home page. */
export async function accountOverview(db: Db, accountId: string, now: Date) {
  const [[subaccounts], invitations] = await Promise.all([
    // An index-only count of the account's direct subaccounts.
    db.select({ n: count() }).from(accounts).where(eq(accounts.parentId, accountId)),
    invitationCounts(db, accountId, now),
  ]);
  return { subaccounts: subaccounts?.n ?? 0, pendingInvitations: invitations.pending };
}
