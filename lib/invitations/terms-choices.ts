import type { Db } from "@/db";
import { priceList } from "@/lib/accounts/prices";
import type { Actor } from "@/lib/auth/actor";
import { listAccountUsers } from "@/lib/users/queries";
import { assignableManagers } from "@/lib/users/rules";
import { invitableTypesOf } from "./send";
import { type InvitationTerms, settableTerms } from "./terms";

/**
 * What a form of an invitation's terms offers this reader: the parts their
 * role may set, the account's products (with the terms' prices), its active
 * users and the types it may pass on.
 */
export async function invitationTermsChoices(db: Db, actor: Actor, terms: InvitationTerms | null) {
  const [prices, members, types] = await Promise.all([
    priceList(db, actor.accountId, "standard"),
    listAccountUsers(db, actor.accountId),
    invitableTypesOf(db, actor.accountId),
  ]);
  const given = new Map(terms?.products?.map((p) => [p.productId, p]));
  return {
    settable: settableTerms(actor.role),
    terms,
    // The parent's own products: what it may not order itself it cannot offer.
    prices: prices
      .filter((p) => p.available)
      .map((p) => ({
        productId: p.productId,
        name: p.name,
        currency: p.currency,
        standardPriceCents: p.standardPriceCents,
        customPriceCents: given.get(p.productId)?.priceCents ?? null,
        available: given.get(p.productId)?.available ?? true,
      })),
    users: assignableManagers(members).map((u) => ({ id: u.id, name: u.name })),
    types,
  };
}
