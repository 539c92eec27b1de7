import { recordSubaccountEvent } from "@/lib/events/record";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts } from "@/db/schema";
import type { OrganizationAddress, OrganizationDetails } from "@/lib/accounts/organization";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import type { AccountType, BillingMode, InvitableType, PricingMode } from "@/lib/enums";
import { issueManagedKey } from "@/lib/api-keys/managed";
import { createUserWithPasswordLink, type NewUser } from "@/lib/users/create";
import { SubaccountError } from "./errors";
import { acceptedSubaccountSettings, type InvitationTerms } from "@/lib/invitations/terms";
import { assertGrantable } from "./rules";

/** How subaccounts come to be: made by their parent, or by the invitee accepting. */

export type NewSubaccount = OrganizationDetails & {
  type: AccountType;
  billing: BillingMode;
  pricing: PricingMode;
  allowedSubaccountTypes: Exclude<AccountType, "managed">[];
  nickname: string | null;
  /** The subaccount's first Administrator; none for Managed, which no one signs in to. */
  administrator: Omit<NewUser, "role"> | null;
};

/**
 * Creates a subaccount directly, configured before anyone has access. Its
 * Administrator receives a one-time link to choose a password.
 */
export async function createSubaccount(
  db: Db,
  actor: Actor,
  input: {
    subaccount: NewSubaccount;
    /** For a Managed subaccount: its own first API key, answered once (to a script that keeps it). */
    managedKey?: { name: string };
  },
  now: Date,
  deps: { appUrl: string },
): Promise<{ id: string; token: string | null; apiKey?: string }> {
  authorize(actor, "subaccounts.create");
  const { administrator, ...sub } = input.subaccount;
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, "subaccounts.create");
    const [parent] = await tx.select().from(accounts).where(eq(accounts.id, current.accountId));
    if (!parent || !parent.allowedSubaccountTypes.includes(sub.type)) {
      throw new SubaccountError("subaccount_type_not_allowed", "type");
    }
    assertGrantable(sub.allowedSubaccountTypes, parent.allowedSubaccountTypes);
    const [created] = await tx
      .insert(accounts)
      .values({
        ...sub,
        parentId: current.accountId,
        createdVia: "manual",
        accountManagerId: current.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id, number: accounts.number });
    const id = created!.id;
    await recordSubaccountEvent(tx, "subaccount.created", id, now);
    if (sub.type === "managed") {
      if (!input.managedKey) return { id, token: null };
      const { key } = await issueManagedKey(tx, {
        account: { id, number: created!.number, name: sub.name, contactEmail: sub.contactEmail },
        maker: current,
        name: input.managedKey.name,
        now,
      });
      return { id, token: null, apiKey: key };
    }
    if (!administrator) throw new SubaccountError("administrator_required", "username");
    const { token } = await createUserWithPasswordLink(
      tx,
      {
        accountId: id,
        accountName: sub.name,
        inviterName: current.name,
        user: { ...administrator, role: "administrator" },
        now,
      },
      deps,
    );
    return { id, token };
  });
}

/**
 * The subaccount an accepted invitation creates, inside the accept's transaction:
 * the invitation's type with the settings every invited subaccount starts with
 * and the invitation's terms over them, the invitee as its contact, and the
 * inviter as its account manager unless the terms name another.
 */
export async function createInvitedSubaccount(
  tx: Db,
  input: {
    parentId: string;
    type: InvitableType;
    organization: OrganizationAddress;
    contact: { firstName: string; lastName: string; email: string; phone: string | null };
    /** The invitation's terms over the defaults (lib/invitations/terms.ts). */
    terms: InvitationTerms | null;
    /** Its account manager unless the terms name another. */
    inviterId: string;
    now: Date;
  },
): Promise<{ id: string; parentName: string; parentSingleSignOn: boolean }> {
  const { now } = input;
  const [parent] = await tx.select().from(accounts).where(eq(accounts.id, input.parentId));
  if (!parent) throw new SubaccountError("subaccount_not_found");
  const [account] = await tx
    .insert(accounts)
    .values({
      ...acceptedSubaccountSettings(
        input.type,
        parent.allowedSubaccountTypes,
        input.terms,
        input.inviterId,
      ),
      ...input.organization,
      parentId: parent.id,
      contactFirstName: input.contact.firstName,
      contactLastName: input.contact.lastName,
      contactEmail: input.contact.email,
      contactPhone: input.contact.phone,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: accounts.id });
  await recordSubaccountEvent(tx, "subaccount.created", account!.id, now);
  return { id: account!.id, parentName: parent.name, parentSingleSignOn: parent.singleSignOn };
}
