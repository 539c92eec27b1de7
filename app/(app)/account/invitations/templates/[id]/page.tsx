import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { InvitationTermsFields } from "@/app/_components/invitation-terms-fields";
import { PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { findInvitationTemplate } from "@/lib/invitations/templates";
import { loadTemplateForm } from "../load";
import { DeleteTemplate, TemplateForm } from "../template-form";

/** `new`, or one of the account's templates. */
const idOf = z.union([z.literal("new"), z.uuid()]);

export async function generateMetadata({
  params,
}: PageProps<"/account/invitations/templates/[id]">): Promise<Metadata> {
  const t = await getTranslations("invitationTemplates");
  return { title: (await params).id === "new" ? t("new") : t("edit") };
}

export default async function TemplatePage({
  params,
}: PageProps<"/account/invitations/templates/[id]">) {
  const actor = await requireActor("account.edit");
  const id = idOf.safeParse((await params).id);
  if (!id.success) notFound();
  // Scoped to the actor's account: another account's template is simply not found.
  const template =
    id.data === "new"
      ? null
      : await findInvitationTemplate(await getDb(), actor.accountId, { id: id.data });
  if (id.data !== "new" && !template) notFound();
  const [{ types, terms }, t] = await Promise.all([
    loadTemplateForm(template),
    getTranslations("invitationTemplates"),
  ]);
  return (
    <ClientMessages
      namespaces={[
        "invitationTemplates",
        "invite",
        "accountTypes",
        "common",
        "invitationTerms",
        "subaccount",
      ]}
    >
      <div className="flex max-w-2xl flex-col gap-4">
        <PageHeader
          title={template ? t("editNamed", { name: template.name }) : t("new")}
          back={{ href: "/account/invitations", label: t("back") }}
        />
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <TemplateForm
            template={template ?? undefined}
            types={types}
            terms={<InvitationTermsFields choices={terms} />}
          />
        </div>
        {template ? <DeleteTemplate id={template.id} name={template.name} /> : null}
      </div>
    </ClientMessages>
  );
}
