import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink, DataTable, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require";
import { queryString } from "@/lib/url";
import { listSubaccounts, subaccountListParams } from "@/lib/subaccounts/queries";
import { SubaccountFilters } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subaccounts"))("title") };
}

export default async function SubaccountsPage({ searchParams }: PageProps<"/subaccounts">) {
  const actor = await requireActor();
  const canView = can(actor.role, "subaccounts.view");
  const canInvite = can(actor.role, "invitations.view");
  const [t, tTypes, tList, format] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
    getTranslations("invitations"),
    getFormatter(),
  ]);
  const params = subaccountListParams.parse(await searchParams);
  // Without the role to see them all, a user sees the subaccounts they are account manager of.
  const page = await listSubaccounts(
    await getDb(),
    actor.accountId,
    params,
    canView ? undefined : actor.userId,
  );
  const filtered = !!(params.q || params.type || params.status || params.after);
  const base = { q: params.q, type: params.type, status: params.status };
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {can(actor.role, "invitations.create") ? (
              <ButtonLink href="/subaccounts/invite">{t("invite")}</ButtonLink>
            ) : null}
            {canInvite ? (
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
        <EmptyState>{canView ? t("empty") : t("noneAssigned")}</EmptyState>
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
                { label: t("billing") },
                { label: t("pricing") },
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
                  <td>{t(`billingModes.${row.billing}`)}</td>
                  <td>{t(`pricingModes.${row.pricing}`)}</td>
                  <td>
                    <StatusBadge status={row.status}>{t(`statuses.${row.status}`)}</StatusBadge>
                  </td>
                  <td className="whitespace-nowrap">
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                    <div className="text-slate-600">{t(`createdVia.${row.createdVia}`)}</div>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <nav aria-label={tList("pagination")} className="mt-4 flex gap-4 text-sm">
            {params.after ? (
              <Link href={`/subaccounts${queryString(base)}`} className="text-brand-700 underline">
                {tList("previous")}
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                href={`/subaccounts${queryString({ ...base, after: page.nextCursor })}`}
                className="text-brand-700 underline"
              >
                {tList("next")}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
