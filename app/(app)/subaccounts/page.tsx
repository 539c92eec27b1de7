import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink, DataTable, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require";
import { listSubaccounts, subaccountListParams } from "@/lib/subaccounts/queries";
import { subaccountListScope } from "@/lib/subaccounts/rules";
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
  const page = await listSubaccounts(await getDb(), actor.accountId, params, scope);
  const filters = { q: params.q, type: params.type, status: params.status };
  const filtered = !!(params.q || params.type || params.status || params.after || params.before);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {can(actor.role, "invitations.create") ? (
              <ButtonLink href="/subaccounts/invite">{tCommon("inviteSubaccount")}</ButtonLink>
            ) : null}
            {can(actor.role, "invitations.view") ? (
              <ButtonLink href="/subaccounts/invitations" variant="secondary">
                {t("manageInvitations")}
              </ButtonLink>
            ) : null}
            {can(actor.role, "subaccounts.create") ? (
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
                { label: t("created") },
              ]}
            >
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link
                      href={`/subaccounts/${row.id}`}
                      className="text-brand-700 font-medium underline"
                    >
                      {row.name}
                    </Link>
                    {row.nickname ? <div className="text-slate-600">{row.nickname}</div> : null}
                  </td>
                  <td className="tabular-nums">{row.number}</td>
                  <td>{tTypes(row.type)}</td>
                  <td>{tCommon(`billingModes.${row.billing}`)}</td>
                  <td>{tCommon(`pricingModes.${row.pricing}`)}</td>
                  <td>
                    <StatusBadge status={row.status}>{tStatuses(row.status)}</StatusBadge>
                  </td>
                  <td className="whitespace-nowrap">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                    <div className="text-slate-600">{tVia(row.createdVia)}</div>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pager path="/subaccounts" filters={filters} page={page} />
        </>
      )}
    </>
  );
}
