import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { PriceTable } from "@/app/_components/price-table";
import { Facts, Section } from "@/app/_components/section";
import { ActivityLog } from "@/app/_components/activity-log";
import { TabLinks } from "@/app/_components/status-tabs";
import { Notice, PageHeader, StatusBadge } from "@/app/_components/ui";
import { activityListParams } from "@/lib/activity/queries";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { listContracts } from "@/lib/contracts/queries";
import { getSubaccountDetail } from "@/lib/subaccounts/queries";
import { addressLine, contactLine, organizationOf } from "@/lib/accounts/organization";
import { subaccountAbilities } from "@/lib/subaccounts/rules";
import { assignableManagers } from "@/lib/users/rules";
import { listAccountUsers } from "@/lib/users/queries";
import {
  ContractForm,
  DetailsForm,
  ManagerForm,
  ProductsForm,
  StatusForm,
  TermsForm,
} from "./forms";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata({
  params,
}: PageProps<"/subaccounts/[id]">): Promise<Metadata> {
  // The browser's title names the subaccount (when the reader may see it at all).
  const actor = await requireActor();
  const id = z.uuid().safeParse((await params).id);
  const sub = id.success
    ? await getSubaccountDetail(await getDb(), actor.accountId, id.data, new Date())
    : null;
  const name = sub && subaccountAbilities(actor, sub).view ? sub.name : null;
  return { title: name ?? (await getTranslations("subaccounts"))("title") };
}

const TABS = ["overview", "organization", "billing", "products", "activity"] as const;
type Tab = (typeof TABS)[number];

export default async function SubaccountPage({
  params,
  searchParams,
}: PageProps<"/subaccounts/[id]">) {
  const actor = await requireActor();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  // Only a direct subaccount of the actor's account is found at all.
  const now = new Date();
  const sub = await getSubaccountDetail(db, actor.accountId, id.data, now);
  const may = sub ? subaccountAbilities(actor, sub) : null;
  if (!sub || !may?.view) notFound();
  const query = await searchParams;
  const created = query.created === "1";
  const tab: Tab = TABS.find((t) => t === query.tab) ?? "overview";
  const path = `/subaccounts/${sub.id}`;
  const [t, tStatuses, tVia, tCommon, tTypes, tOrg, format, contracts, parentUsers] =
    await Promise.all([
      getTranslations("subaccount"),
      getTranslations("accountStatuses"),
      getTranslations("createdVia"),
      getTranslations("common"),
      getTranslations("accountTypes"),
      getTranslations("organization"),
      getFormatter(),
      may.assignContract && tab === "billing"
        ? listContracts(db, actor.accountId)
        : Promise.resolve([]),
      may.assignManager && tab === "overview"
        ? listAccountUsers(db, actor.accountId)
        : Promise.resolve([]),
    ]);
  const day = (iso: string | null) =>
    iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), "calendarDay") : "";

  return (
    <ClientMessages
      namespaces={["common", "createSubaccount", "organization", "subaccount", "subaccounts"]}
    >
      <div className="flex max-w-4xl flex-col gap-6">
        <PageHeader
          title={sub.name}
          back={{ href: "/subaccounts", label: tCommon("backToSubaccounts") }}
        />
        <p className="-mt-6 text-sm text-slate-600">
          {t("accountId", { number: sub.number })} ·{" "}
          <StatusBadge status={sub.status}>{tStatuses(sub.status)}</StatusBadge>
        </p>
        {created ? <Notice>{t("createdNotice")}</Notice> : null}
        <TabLinks
          label={t("tabsLabel")}
          tabs={TABS.map((name) => ({
            label: t(`tabs.${name}`),
            href: name === "overview" ? path : `${path}?tab=${name}`,
            current: name === tab,
          }))}
        />

        {tab === "overview" ? (
          <>
            <Section id="overview" title={t("overview")}>
              <Facts
                items={[
                  [
                    t("type"),
                    <span key="type">
                      {tTypes(sub.type)}{" "}
                      <span className="block text-xs text-slate-600">{t("typeNote")}</span>
                    </span>,
                  ],
                  [
                    t("created"),
                    `${format.dateTime(sub.createdAt, "day")} (${tVia(sub.createdVia)})`,
                  ],
                  ...(sub.invitation
                    ? ([
                        [
                          t("invitation"),
                          <Link
                            key="inv"
                            href={`/subaccounts/invitations/${sub.invitation.id}`}
                            className="text-brand-700 underline"
                          >
                            {t("viewInvitation", { email: sub.invitation.email })}
                          </Link>,
                        ],
                      ] as [string, ReactNode][])
                    : []),
                  [
                    t("mayCreate"),
                    sub.allowedSubaccountTypes.length
                      ? sub.allowedSubaccountTypes.map((ty) => tTypes(ty)).join(", ")
                      : t("mayCreateNone"),
                  ],
                  ...(sub.nickname ? ([[t("nickname"), sub.nickname]] as [string, string][]) : []),
                  [t("manager"), sub.managerName ?? t("noManager")],
                  [t("contract"), sub.contractName ?? t("noContract")],
                ]}
              />
            </Section>
            {may.assignManager ? (
              <Section id="manager" title={t("manager")}>
                <ManagerForm
                  id={sub.id}
                  users={assignableManagers(parentUsers).map((u) => ({ id: u.id, name: u.name }))}
                  current={sub.accountManagerId}
                />
              </Section>
            ) : null}

            {may.changeStatus ? (
              <Section id="status" title={t("status")}>
                <StatusForm id={sub.id} name={sub.name} status={sub.status} />
              </Section>
            ) : null}
          </>
        ) : null}

        {tab === "organization" ? (
          <Section id="organization" title={tOrg("section")}>
            {may.editDetails ? (
              <DetailsForm id={sub.id} values={organizationOf(sub)} nickname={sub.nickname} />
            ) : (
              <Facts
                items={[
                  [tOrg("name"), sub.name],
                  [tOrg("addressLine1"), addressLine(sub)],
                  [tOrg("contact"), contactLine(sub)],
                ]}
              />
            )}
          </Section>
        ) : null}

        {tab === "billing" ? (
          <>
            <Section id="terms" title={t("terms")}>
              {sub.contractId ? (
                <p
                  role="note"
                  className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
                >
                  {sub.contractStatus === "upcoming"
                    ? t("contractNotLocking", {
                        contract: sub.contractName ?? "",
                        starts: day(sub.contractStartsOn),
                      })
                    : sub.contractStatus === "ended"
                      ? t("contractEnded", {
                          contract: sub.contractName ?? "",
                          ended: day(sub.contractEndsOn),
                        })
                      : t("lockedByContract", { contract: sub.contractName ?? "" })}
                </p>
              ) : null}
              {may.changeBillingAndPricing ? (
                <TermsForm id={sub.id} billing={sub.billing} pricing={sub.pricing} />
              ) : (
                <Facts
                  items={[
                    [tCommon("billing"), tCommon(`billingModes.${sub.billing}`)],
                    [tCommon("pricing"), tCommon(`pricingModes.${sub.pricing}`)],
                  ]}
                />
              )}
            </Section>

            {may.assignContract ? (
              <Section id="contract" title={t("contract")}>
                <ContractForm
                  id={sub.id}
                  contracts={contracts.map((c) => ({ id: c.id, name: c.name }))}
                  current={sub.contractId}
                />
              </Section>
            ) : null}
          </>
        ) : null}

        {tab === "products" ? (
          <Section id="products" title={t("products")}>
            {may.changeProducts ? (
              <ProductsForm id={sub.id} prices={sub.prices} />
            ) : (
              <PriceTable caption={t("products")} prices={sub.prices} />
            )}
          </Section>
        ) : null}

        {tab === "activity" ? (
          <Section id="activity" title={t("tabs.activity")}>
            <ActivityLog
              accountId={sub.id}
              reader="parent"
              params={activityListParams.parse(query)}
              path={path}
              keep={{ tab: "activity" }}
            />
          </Section>
        ) : null}
      </div>
    </ClientMessages>
  );
}
