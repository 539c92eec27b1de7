import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActivityLog } from "@/app/_components/activity-log";
import { PriceTable } from "@/app/_components/price-table";
import { activityListParams } from "@/lib/activity/queries";
import { Facts, Section } from "@/app/_components/section";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require";
import { addressLine, contactLine, organizationOf } from "@/lib/accounts/organization";
import { accountOverview, asksForAddress, billedToParent, getOwnAccount } from "@/lib/accounts/own";
import { EXPIRING_SOON_DAYS } from "@/lib/invitations/constants";
import { OrganizationForm } from "./organization-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("home") };
}

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const actor = await requireActor();
  const query = await searchParams;
  const welcome = query.welcome === "1";
  const db = await getDb();
  const [t, tTypes, tRoles, tCommon, tSub, tOrg, format, overview, account] = await Promise.all([
    getTranslations("home"),
    getTranslations("accountTypes"),
    getTranslations("roles"),
    getTranslations("common"),
    getTranslations("subaccount"),
    getTranslations("organization"),
    getFormatter(),
    accountOverview(db, actor.accountId, new Date()),
    getOwnAccount(db, actor.accountId),
  ]);
  // The figures lead to the lists they count, where the reader may open them.
  const facts: [string, string, string | null][] = [
    [t("account"), actor.accountName, null],
    [t("accountType"), tTypes(actor.accountType), null],
    [t("role"), tRoles(actor.role), null],
    [t("subaccounts"), format.number(overview.subaccounts), "/subaccounts"],
    [
      t("pendingInvitations"),
      format.number(overview.pendingInvitations),
      can(actor.role, "invitations.view") ? "/subaccounts/invitations?status=pending" : null,
    ],
    [
      t("expiringSoon", { days: EXPIRING_SOON_DAYS }),
      format.number(overview.expiringSoonInvitations),
      can(actor.role, "invitations.view")
        ? "/subaccounts/invitations?status=pending&expiring=soon&sort=expires"
        : null,
    ],
  ];
  const org = account ? organizationOf(account) : null;
  const completeAddress = !!org && asksForAddress(actor, org);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("title", { name: actor.name })}</h1>
      {welcome ? (
        <section
          aria-labelledby="next-steps"
          className="max-w-4xl rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-950"
        >
          <h2 id="next-steps" className="text-base font-semibold">
            {t("welcomeTitle", { account: actor.accountName })}
          </h2>
          <p className="mt-1">{t("welcomeUsername", { username: actor.username })}</p>
          <ol className="mt-3 list-decimal space-y-1 pl-5">
            <li>
              <a href="#organization" className="underline">
                {t("stepOrganization")}
              </a>
            </li>
            <li>
              <a href="#prices" className="underline">
                {t("stepPrices")}
              </a>
            </li>
            {can(actor.role, "users.manage") ? (
              <li>
                <Link href="/account/users" className="underline">
                  {t("stepUsers")}
                </Link>
              </li>
            ) : null}
          </ol>
        </section>
      ) : null}
      <dl className="grid max-w-4xl gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([label, value, href]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold">
              {href ? (
                <Link href={href} className="text-brand-700 underline">
                  {value}
                </Link>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {completeAddress ? (
        <p className="max-w-4xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("completeAddress")}{" "}
          <a href="#organization" className="font-semibold underline">
            {t("completeAddressLink")}
          </a>
        </p>
      ) : null}
      {account && org ? (
        <div className="flex max-w-4xl flex-col gap-6">
          {account.parentName ? (
            <Section id="billing" title={t("billingTitle")}>
              <Facts
                items={[
                  [
                    tCommon("billing"),
                    t("billedBy", {
                      payer: billedToParent(account) ? account.parentName : t("billedToYou"),
                    }),
                  ],
                  [tCommon("pricing"), tCommon(`pricingModes.${account.pricing}`)],
                  ...(account.contractName
                    ? ([[tSub("contract"), account.contractName]] as [string, string][])
                    : []),
                  [t("parentAccount"), account.parentName],
                ]}
              />
            </Section>
          ) : null}
          <Section id="organization" title={tOrg("section")}>
            {can(actor.role, "account.edit") ? (
              <ClientMessages namespaces={["organization"]}>
                <OrganizationForm values={org} />
              </ClientMessages>
            ) : (
              <Facts
                items={[
                  [tOrg("name"), org.name],
                  [tOrg("addressLine1"), addressLine(org) || tCommon("none")],
                  [tOrg("contact"), contactLine(org) || tCommon("none")],
                ]}
              />
            )}
          </Section>
          <Section id="prices" title={t("priceList")}>
            <PriceTable caption={t("priceList")} prices={account.prices} />
          </Section>
          {can(actor.role, "users.manage") ? (
            <p>
              <Link href="/account/users" className="text-brand-700 underline">
                {t("usersLink")}
              </Link>
            </p>
          ) : null}
          {can(actor.role, "activity.view") ? (
            <Section id="activity" title={t("activityTitle")}>
              <ActivityLog
                accountId={actor.accountId}
                reader="own"
                hasParent={!!account.parentId}
                params={activityListParams.parse(query)}
                path="/"
              />
            </Section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
