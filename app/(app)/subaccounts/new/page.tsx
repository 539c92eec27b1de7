import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { allowedSubaccountTypes } from "@/lib/subaccounts/queries";
import { CreateSubaccountForm } from "./create-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("createSubaccount"))("title") };
}

export default async function NewSubaccountPage() {
  const actor = await requireActor("subaccounts.create");
  const [t, tSub, types] = await Promise.all([
    getTranslations("createSubaccount"),
    getTranslations("subaccount"),
    allowedSubaccountTypes(await getDb(), actor.accountId),
  ]);
  return (
    <ClientMessages
      namespaces={[
        "accountTypes",
        "createSubaccount",
        "invite",
        "organization",
        "subaccount",
        "subaccounts",
      ]}
    >
      <div className="max-w-3xl">
        <PageHeader title={t("title")} back={{ href: "/subaccounts", label: tSub("back") }} />
        <p className="-mt-2 mb-6 text-sm text-slate-600">{t("intro")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          {types.length ? (
            <CreateSubaccountForm types={types} />
          ) : (
            <p>{(await getTranslations("invite"))("noTypes")}</p>
          )}
        </div>
      </div>
    </ClientMessages>
  );
}
