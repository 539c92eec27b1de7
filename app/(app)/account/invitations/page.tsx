import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { getInvitationSettings } from "@/lib/invitations/settings";
import { InvitationSettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitationSettings"))("title") };
}

export default async function InvitationSettingsPage() {
  const actor = await requireActor("account.edit");
  const [t, settings] = await Promise.all([
    getTranslations("invitationSettings"),
    getInvitationSettings(await getDb(), actor),
  ]);
  return (
    <ClientMessages namespaces={["invitationSettings"]}>
      <div className="flex max-w-xl flex-col gap-4">
        <PageHeader title={t("title")} />
        <p className="-mt-4 text-sm text-slate-600">{t("intro")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <InvitationSettingsForm reminderDays={settings.reminderDays} />
        </div>
      </div>
    </ClientMessages>
  );
}
