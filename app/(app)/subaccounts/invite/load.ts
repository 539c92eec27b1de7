import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { allowedSubaccountTypes } from "@/lib/subaccounts/queries";
import { invitableTypes } from "@/lib/subaccounts/rules";

/** What the invite page and the invite window both need. */
export async function loadInviteForm() {
  const actor = await requireActor("invitations.create");
  const types = invitableTypes(await allowedSubaccountTypes(await getDb(), actor.accountId));
  return { actor, types, t: await getTranslations("invite") };
}
