import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { accountOverview } from "@/lib/accounts/queries";
import { requireActor } from "@/lib/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("home") };
}

export default async function HomePage() {
  const actor = await requireActor();
  const [t, tTypes, tRoles, format] = await Promise.all([
    getTranslations("home"),
    getTranslations("accountTypes"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const overview = await accountOverview(await getDb(), actor.accountId, new Date());
  const facts = [
    [t("account"), actor.accountName],
    [t("accountType"), tTypes(actor.accountType)],
    [t("role"), tRoles(actor.role)],
    [t("subaccounts"), format.number(overview.subaccounts)],
    [t("pendingInvitations"), format.number(overview.pendingInvitations)],
  ];
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t("title", { name: actor.name })}</h1>
      <dl className="grid max-w-3xl gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
