import { count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { accounts, contracts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import { expiringSoonCount, invitationCounts } from "@/lib/invitations/queries";
import { can } from "@/lib/auth/permissions";
import { fieldChanges, recordActivity } from "@/lib/activity/record";
import { addressLine, type OrganizationDetails, type StoredOrganization } from "./organization";
import { ORGANIZATION_FIELD_NAMES } from "./organization-fields";
import { priceList } from "./prices";

/** An account as its own users see and keep it. */

/** The figures on an account's home page. */
export async function accountOverview(db: Db, accountId: string, now: Date) {
  const [[subaccounts], invitations, expiringSoon] = await Promise.all([
    // An index-only count of the account's direct subaccounts.
    db.select({ n: count() }).from(accounts).where(eq(accounts.parentId, accountId)),
    invitationCounts(db, accountId, now),
    expiringSoonCount(db, accountId, now),
  ]);
  return {
    subaccounts: subaccounts?.n ?? 0,
    pendingInvitations: invitations.pending,
    expiringSoonInvitations: expiringSoon,
  };
}

/** The account's own view of itself: organization, billing, price list. */
export async function getOwnAccount(db: Db, accountId: string) {
  const parent = alias(accounts, "parent");
  const [row] = await db
    .select({ account: accounts, parentName: parent.name, contractName: contracts.name })
    .from(accounts)
    .leftJoin(parent, eq(parent.id, accounts.parentId))
    .leftJoin(contracts, eq(contracts.id, accounts.contractId))
    .where(eq(accounts.id, accountId));
  if (!row) return null;
  return {
    ...row.account,
    parentName: row.parentName,
    contractName: row.contractName,
    prices: await priceList(db, accountId, row.account.pricing),
  };
}

/** Who pays this account's bills: its parent, or the account itself. */
/**
 * Whether the home page asks the reader to complete their account's address:
 * while it is empty, and only of someone who may edit it.
 */
export function asksForAddress(actor: Pick<Actor, "role">, org: StoredOrganization): boolean {
  return can(actor.role, "account.edit") && !addressLine(org);
}

export function billedToParent(account: { billing: string; parentId: string | null }): boolean {
  return account.billing === "bill_to_parent" && account.parentId !== null;
}

/** An account's administrators keep their own organization and contact details current. */
export async function updateOwnOrganization(
  db: Db,
  actor: Actor,
  input: { details: OrganizationDetails },
  now: Date,
) {
  authorize(actor, "account.edit");
  await db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "account.edit");
    const [before] = await tx
      .select()
      .from(accounts)
      .where(eq(accounts.id, current.accountId))
      .for("update");
    await tx
      .update(accounts)
      .set({ ...input.details, updatedAt: now })
      .where(eq(accounts.id, current.accountId));
    await recordActivity(
      tx,
      { accountId: current.accountId, actor: current, now },
      fieldChanges("own_organization", ORGANIZATION_FIELD_NAMES, before!, input.details),
    );
  });
}
