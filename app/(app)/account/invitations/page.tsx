import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { Section } from "@/app/_components/section";
import { Cell, DataTable, Notice, PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { getInvitationSettings } from "@/lib/invitations/settings";
import { listInvitationTemplates } from "@/lib/invitations/templates";
import { InvitationSettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitationSettings"))("title") };
}

const NOTICES = z.enum(["created", "saved", "deleted"]).optional().catch(undefined);

export default async function InvitationSettingsPage({
  searchParams,
}: PageProps<"/account/invitations">) {
  const actor = await requireActor("account.edit");
  const db = await getDb();
  const [t, tTemplates, tTypes, tCommon, settings, templates] = await Promise.all([
    getTranslations("invitationSettings"),
    getTranslations("invitationTemplates"),
    getTranslations("accountTypes"),
    getTranslations("common"),
    getInvitationSettings(db, actor),
    listInvitationTemplates(db, actor.accountId),
  ]);
  const notice = NOTICES.parse((await searchParams).template);
  return (
    <ClientMessages namespaces={["invitationSettings"]}>
      <div className="flex max-w-3xl flex-col gap-4">
        <PageHeader title={t("title")} />
        <p className="-mt-4 text-sm text-slate-600">{t("intro")}</p>
        {notice ? <Notice>{tTemplates(notice)}</Notice> : null}
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <InvitationSettingsForm reminderDays={settings.reminderDays} />
        </div>
        <Section id="templates" title={tTemplates("title")}>
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-600">{tTemplates("intro")}</p>
            {templates.length ? (
              <DataTable
                caption={tTemplates("title")}
                columns={[
                  { label: tTemplates("name") },
                  { label: tTemplates("type") },
                  { label: tTemplates("language") },
                  { label: tTemplates("terms") },
                ]}
              >
                {templates.map((template) => (
                  <tr key={template.id}>
                    <Cell className="font-medium">
                      <Link
                        href={`/account/invitations/templates/${template.id}`}
                        className="text-brand-700 underline"
                      >
                        {template.name}
                      </Link>
                    </Cell>
                    <Cell label={tTemplates("type")}>{tTypes(template.subaccountType)}</Cell>
                    <Cell label={tTemplates("language")}>
                      {tCommon(`languages.${template.locale}`)}
                    </Cell>
                    <Cell label={tTemplates("terms")}>
                      {template.terms ? tTemplates("withTerms") : tTemplates("defaultTerms")}
                    </Cell>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <p className="text-sm text-slate-700">{tTemplates("none")}</p>
            )}
            <div>
              <Link
                href="/account/invitations/templates/new"
                className="bg-brand-600 hover:bg-brand-700 inline-block rounded-md px-4 py-2 text-sm font-semibold text-white"
              >
                {tTemplates("new")}
              </Link>
            </div>
          </div>
        </Section>
      </div>
    </ClientMessages>
  );
}
