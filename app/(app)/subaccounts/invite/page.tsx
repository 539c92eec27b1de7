import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Notice, PageHeader } from "@/app/_components/ui";
import { InvitationTermsFields } from "@/app/_components/invitation-terms-fields";
import { getDb } from "@/db";
import { findInvitationTemplate, listInvitationTemplates } from "@/lib/invitations/templates";
import { invitationTermsChoices } from "@/lib/invitations/terms-choices";
import { InviteForm } from "./invite-form";
import { loadInviteForm } from "./load";
import { ClientMessages } from "@/app/_components/client-messages";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage({ searchParams }: PageProps<"/subaccounts/invite">) {
  const { actor, types, t } = await loadInviteForm();
  const db = await getDb();
  const chosen = z.uuid().safeParse((await searchParams).template);
  const [templates, template, tTemplates, tCommon] = await Promise.all([
    listInvitationTemplates(db, actor.accountId),
    chosen.success ? findInvitationTemplate(db, actor.accountId, { id: chosen.data }) : null,
    getTranslations("invitationTemplates"),
    getTranslations("common"),
  ]);
  const terms = await invitationTermsChoices(db, actor, template?.terms ?? null);
  return (
    <ClientMessages
      namespaces={["accountTypes", "common", "invite", "invitationTerms", "subaccount"]}
    >
      <div className="max-w-xl">
        <PageHeader
          title={t("title")}
          back={{ href: "/subaccounts", label: tCommon("backToSubaccounts") }}
        />
        <p className="mb-6 text-sm text-slate-600">{t("intro", { days: INVITATION_TTL_DAYS })}</p>
        {templates.length ? (
          // A plain GET form: the page comes back filled in from the template, with or without scripts.
          <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="template" className="text-sm font-medium text-slate-800">
                {tTemplates("startFrom")}
              </label>
              <select
                id="template"
                name="template"
                defaultValue={template?.id ?? ""}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
              >
                <option value="">{tTemplates("noTemplate")}</option>
                {templates.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50"
            >
              {tTemplates("use")}
            </button>
          </form>
        ) : null}
        {template ? <Notice>{tTemplates("using", { name: template.name })}</Notice> : null}
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <InviteForm
            key={template?.id ?? "blank"}
            types={types}
            defaultLocale={template?.locale ?? actor.locale}
            defaults={
              template
                ? {
                    templateId: template.id,
                    subaccountType: template.subaccountType,
                    customMessage: template.customMessage,
                  }
                : undefined
            }
            terms={<InvitationTermsFields choices={terms} />}
            termsOpen={Boolean(template?.terms)}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
