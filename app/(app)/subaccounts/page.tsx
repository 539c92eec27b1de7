import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusTabs } from "@/app/_components/status-tabs";
import {
  ButtonLink,
  DataTable,
  dateOrderColumn,
  EmptyState,
  PageHeader,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import {
  listSubaccounts,
  subaccountCounts,
  subaccountListParams,
  subaccountTypesOnOffer,
} from "@/lib/subaccounts/queries";
import { ACCOUNT_STATUSES } from "@/lib/enums";
import { subaccountListOffers, subaccountListScope } from "@/lib/subaccounts/rules";
import { Pager } from "@/app/_components/pager";
import { SubaccountFilters } from "./filters";
import { type SubaccountRowData, SubaccountRows } from "./subaccount-rows";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subaccounts"))("title") };
}

export default async function SubaccountsPage({ searchParams }: PageProps<"/subaccounts">) {
  const actor = await requireActor();
  const scope = subaccountListScope(actor);
  const [t, tTypes, tCommon, tStatuses, tVia, format] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
    getTranslations("common"),
    getTranslations("accountStatuses"),
    getTranslations("createdVia"),
    getFormatter(),
  ]);
  const params = subaccountListParams.parse(await searchParams);
  const db = await getDb();
  const [page, counts, onOffer] = await Promise.all([
    listSubaccounts(db, actor.accountId, params, scope),
    subaccountCounts(db, actor.accountId, params, scope),
    subaccountTypesOnOffer(db, actor.accountId),
  ]);
  const offers = subaccountListOffers(actor, onOffer);
  const filters = {
    q: params.q,
    type: params.type,
    status: params.status,
    sort: params.sort === "oldest" ? "oldest" : undefined,
  };
  const path = "/subaccounts";
  const filtered = !!(params.q || params.type || params.status || params.after || params.before);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {offers.invite ? (
              <ButtonLink href="/subaccounts/invite">{tCommon("inviteSubaccount")}</ButtonLink>
            ) : null}
            {offers.manageInvitations ? (
              <ButtonLink href="/subaccounts/invitations" variant="secondary">
                {t("manageInvitations")}
              </ButtonLink>
            ) : null}
            {offers.create ? (
              <ButtonLink href="/subaccounts/new" variant="secondary">
                {t("create")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {page.rows.length === 0 && !filtered ? (
        <EmptyState>{scope.managedBy ? t("noneAssigned") : t("empty")}</EmptyState>
      ) : (
        <>
          <StatusTabs
            label={tCommon("statusTabs")}
            all={t("all")}
            statuses={ACCOUNT_STATUSES}
            counts={counts}
            name={(status) => tStatuses(status)}
            list={{ path, filters, status: params.status }}
          />
          <SubaccountFilters params={params} />
          {page.rows.length === 0 ? (
            <EmptyState>{t("noMatches")}</EmptyState>
          ) : (
            <DataTable
              caption={t("listLabel", { account: actor.accountName })}
              columns={[
                { label: t("name") },
                { label: t("accountId") },
                { label: t("type") },
                { label: tCommon("billing") },
                { label: tCommon("pricing") },
                { label: t("status") },
                dateOrderColumn(t("created"), { path, filters, sort: params.sort }),
              ]}
            >
              <SubaccountRows
                labels={{
                  number: t("accountId"),
                  type: t("type"),
                  billing: tCommon("billing"),
                  pricing: tCommon("pricing"),
                  status: t("status"),
                  created: t("created"),
                }}
                rows={page.rows.map((row): SubaccountRowData => ({
                  id: row.id,
                  name: row.name,
                  nickname: row.nickname,
                  number: row.number,
                  type: tTypes(row.type),
                  billing: tCommon(`billingModes.${row.billing}`),
                  pricing: tCommon(`pricingModes.${row.pricing}`),
                  status: row.status,
                  statusText: tStatuses(row.status),
                  created: format.dateTime(row.createdAt, "day"),
                  createdVia: tVia(row.createdVia),
                }))}
              />
            </DataTable>
          )}
          <Pager
            path={path}
            filters={filters}
            params={params}
            page={page}
            total={counts[params.status ?? "all"]}
          />
        </>
      )}
    </>
  );
}
