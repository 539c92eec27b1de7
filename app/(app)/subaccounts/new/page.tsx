import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { subaccountTypesOnOffer } from "@/lib/subaccounts/queries";
import { CreateSubaccountForm } from "./create-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("createSubaccount"))("title") };
}

export default async function NewSubaccountPage() {
  const actor = await requireActor("subaccounts.create");
  const [t, tCommon, { create: types }] = await Promise.all([
    getTranslations("createSubaccount"),
    getTranslations("common"),
    subaccountTypesOnOffer(await getDb(), actor.accountId),
  ]);
  return (
    <ClientMessages
      namespaces={[
        "accountTypes",
        "common",
        "createSubaccount",
        "invite",
        "organization",
        "subaccount",
        "subaccounts",
      ]}
    >
      <div className="max-w-3xl">
        <PageHeader
          title={t("title")}
          back={{ href: "/subaccounts", label: tCommon("backToSubaccounts") }}
        />
        <p className="-mt-2 mb-6 text-sm text-slate-600">{t("intro")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          {types.length ? <CreateSubaccountForm types={types} /> : <p>{t("noTypes")}</p>}
        </div>
      </div>
    </ClientMessages>
  );
}
