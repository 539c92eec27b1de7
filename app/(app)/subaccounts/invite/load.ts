import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { subaccountTypesOnOffer } from "@/lib/subaccounts/queries";

/** What the invite page and the invite window both need. */
export async function loadInviteForm() {
  const actor = await requireActor("invitations.create");
  const { invite: types } = await subaccountTypesOnOffer(await getDb(), actor.accountId);
  return { actor, types, t: await getTranslations("invite") };
}
