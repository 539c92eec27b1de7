import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusTabs } from "@/app/_components/status-tabs";
import {
  ButtonLink,
  Cell,
  DataTable,
  dateOrderColumn,
  EmptyState,
  PageHeader,
  Row,
  RowLink,
  StatusBadge,
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
              {page.rows.map((row) => (
                <Row key={row.id}>
                  <Cell>
                    <RowLink
                      href={`/subaccounts/${row.id}`}
                      className="text-brand-700 font-medium [overflow-wrap:anywhere] underline"
                    >
                      {row.name}
                    </RowLink>
                    {row.nickname ? (
                      <div className="w-full text-slate-600">{row.nickname}</div>
                    ) : null}
                  </Cell>
                  <Cell label={t("accountId")} className="tabular-nums">
                    {row.number}
                  </Cell>
                  <Cell label={t("type")}>{tTypes(row.type)}</Cell>
                  <Cell label={tCommon("billing")}>{tCommon(`billingModes.${row.billing}`)}</Cell>
                  <Cell label={tCommon("pricing")}>{tCommon(`pricingModes.${row.pricing}`)}</Cell>
                  <Cell label={t("status")}>
                    <StatusBadge status={row.status}>{tStatuses(row.status)}</StatusBadge>
                  </Cell>
                  <Cell label={t("created")} className="sm:whitespace-nowrap">
                    <span>{format.dateTime(row.createdAt, "day")}</span>
                    <span className="text-slate-600 sm:block">{tVia(row.createdVia)}</span>
                  </Cell>
                </Row>
              ))}
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
