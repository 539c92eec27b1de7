import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink, DataTable, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require";
import { listSubaccounts, subaccountListParams } from "@/lib/subaccounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("subaccounts"))("title") };
}

export default async function SubaccountsPage({ searchParams }: PageProps<"/subaccounts">) {
  const actor = await requireActor();
  const canView = can(actor.role, "subaccounts.view");
  const canInvite = can(actor.role, "invitations.view");
  if (!canView && !canInvite) notFound();
  const [t, tTypes, tCommon, format] = await Promise.all([
    getTranslations("subaccounts"),
    getTranslations("accountTypes"),
    getTranslations("invitations"),
    getFormatter(),
  ]);
  const params = subaccountListParams.parse(await searchParams);
  const page = canView ? await listSubaccounts(await getDb(), actor.accountId, params) : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          canInvite ? (
            <>
              {can(actor.role, "invitations.create") ? (
                <ButtonLink href="/subaccounts/invite">{t("invite")}</ButtonLink>
              ) : null}
              <ButtonLink href="/subaccounts/invitations" variant="secondary">
                {t("manageInvitations")}
              </ButtonLink>
            </>
          ) : null
        }
      />
      {page ? (
        page.rows.length === 0 && !params.after ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <>
            <DataTable
              caption={t("listLabel", { account: actor.accountName })}
              columns={[
                { label: t("name") },
                { label: t("type") },
                { label: t("status") },
                { label: t("created") },
              ]}
            >
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td className="font-medium">{row.name}</td>
                  <td>{tTypes(row.type)}</td>
                  <td>
                    <StatusBadge status={row.status}>{t(`statuses.${row.status}`)}</StatusBadge>
                  </td>
                  <td>
                    {format.dateTime(row.createdAt, { dateStyle: "medium" })}{" "}
                    <span className="text-slate-600">({t(`createdVia.${row.createdVia}`)})</span>
                  </td>
                </tr>
              ))}
            </DataTable>
            <nav aria-label={tCommon("pagination")} className="mt-4 flex gap-4 text-sm">
              {params.after ? (
                <Link href="/subaccounts" className="text-brand-700 underline">
                  {tCommon("previous")}
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link
                  href={`/subaccounts?after=${page.nextCursor}`}
                  className="text-brand-700 underline"
                >
                  {tCommon("next")}
                </Link>
              ) : null}
            </nav>
          </>
        )
      ) : null}
    </>
  );
}
