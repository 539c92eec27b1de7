import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import type { InvitationTemplate } from "@/lib/invitations/templates";
import { invitationTermsChoices } from "@/lib/invitations/terms-choices";
import { subaccountTypesOnOffer } from "@/lib/subaccounts/queries";

/** What a template's form offers: the types the account may invite, and the terms' choices. */
export async function loadTemplateForm(template: InvitationTemplate | null = null) {
  const actor = await requireActor("account.edit");
  const db = await getDb();
  const [{ invite: types }, terms] = await Promise.all([
    subaccountTypesOnOffer(db, actor.accountId),
    invitationTermsChoices(db, actor, template?.terms ?? null),
  ]);
  return { types, terms };
}
