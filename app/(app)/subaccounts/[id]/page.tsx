import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { PriceTable } from "@/app/_components/price-table";
import { Facts, Section } from "@/app/_components/section";
import { Notice, PageHeader, StatusBadge } from "@/app/_components/ui";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subaccounts"))("title") };
}

export default async function SubaccountPage({
  params,
  searchParams,
}: PageProps<"/subaccounts/[id]">) {
  const actor = await requireActor();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  // Only a direct subaccount of the actor's account is found at all.
  const sub = await getSubaccountDetail(db, actor.accountId, id.data);
  const may = sub ? subaccountAbilities(actor, sub) : null;
  if (!sub || !may?.view) notFound();
  const [t, tStatuses, tVia, tCommon, tTypes, tOrg, format, contracts, parentUsers] =
    await Promise.all([
      getTranslations("subaccount"),
      getTranslations("accountStatuses"),
      getTranslations("createdVia"),
      getTranslations("common"),
      getTranslations("accountTypes"),
      getTranslations("organization"),
      getFormatter(),
      may.assignContract ? listContracts(db, actor.accountId) : Promise.resolve([]),
      may.assignManager ? listAccountUsers(db, actor.accountId) : Promise.resolve([]),
    ]);
  const created = (await searchParams).created === "1";

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
              [t("created"), `${format.dateTime(sub.createdAt, "day")} (${tVia(sub.createdVia)})`],
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

        <Section id="terms" title={t("terms")}>
          {sub.contractId ? (
            <p
              role="note"
              className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
            >
              {t("lockedByContract", { contract: sub.contractName ?? "" })}
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

        <Section id="products" title={t("products")}>
          {may.changeProducts ? (
            <ProductsForm id={sub.id} prices={sub.prices} />
          ) : (
            <PriceTable caption={t("products")} prices={sub.prices} />
          )}
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
      </div>
    </ClientMessages>
  );
}
