import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { invitationTermsChoices } from "@/lib/invitations/terms-choices";
import { subaccountTypesOnOffer } from "@/lib/subaccounts/queries";

/** What the invite page and the invite window both need. */
export async function loadInviteForm() {
  const actor = await requireActor("invitations.create");
  const { invite: types } = await subaccountTypesOnOffer(await getDb(), actor.accountId);
  return { actor, types, t: await getTranslations("invite") };
}

/** The invite page's terms for the new subaccount (the window links to the page for them). */
export async function loadInviteTerms(actor: Awaited<ReturnType<typeof loadInviteForm>>["actor"]) {
  return invitationTermsChoices(await getDb(), actor, null);
}
