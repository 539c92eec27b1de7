import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { InvitationTermsFields } from "@/app/_components/invitation-terms-fields";
import { InviteForm } from "./invite-form";
import { loadInviteForm, loadInviteTerms } from "./load";
import { ClientMessages } from "@/app/_components/client-messages";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage() {
  const { actor, types, t } = await loadInviteForm();
  const terms = await loadInviteTerms(actor);
  return (
    <ClientMessages
      namespaces={["accountTypes", "common", "invite", "invitationTerms", "subaccount"]}
    >
      <div className="max-w-xl">
        <PageHeader
          title={t("title")}
          back={{
            href: "/subaccounts",
            label: (await getTranslations("common"))("backToSubaccounts"),
          }}
        />
        <p className="mb-6 text-sm text-slate-600">{t("intro", { days: INVITATION_TTL_DAYS })}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <InviteForm
            types={types}
            defaultLocale={actor.locale}
            terms={<InvitationTermsFields choices={terms} />}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
