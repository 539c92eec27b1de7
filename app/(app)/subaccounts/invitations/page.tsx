import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import {
  ButtonLink,
  DataTable,
  EmptyState,
  Notice,
  PageHeader,
  StatusBadge,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require";
import { shownDelivery } from "@/lib/invitations/rules";
import { showsExpiry } from "@/lib/invitations/status";
import { Pager } from "@/app/_components/pager";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  listInvitations,
} from "@/lib/invitations/queries";
import { InvitationFilters } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitations"))("title") };
}

export default async function InvitationsPage({
  searchParams,
}: PageProps<"/subaccounts/invitations">) {
  const actor = await requireActor("invitations.view");
  const raw = await searchParams;
  const params = invitationListParams.parse(raw);
  const sentId = z.uuid().safeParse(raw.sent);
  const db = await getDb();
  const now = new Date();
  const [t, tCommon, tStatuses, tDelivery, tTypes, format, page, counts, sent] = await Promise.all([
    getTranslations("invitations"),
    getTranslations("common"),
    getTranslations("invitationStatuses"),
    getTranslations("deliveryStatuses"),
    getTranslations("accountTypes"),
    getFormatter(),
    listInvitations(db, actor.accountId, params, now),
    invitationCounts(db, actor.accountId, now),
    sentId.success ? getInvitationDetail(db, actor.accountId, sentId.data, now) : null,
  ]);
  const filtered = !!(
    params.status ||
    params.q ||
    params.delivery ||
    params.after ||
    params.before
  );
  const empty = page.rows.length === 0 && !filtered && counts.all === 0;
  const filters = {
    status: params.status,
    q: params.q,
    delivery: params.delivery,
    sort: params.sort === "oldest" ? "oldest" : undefined,
  };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <>
      <PageHeader
        title={t("title")}
        back={{ href: "/subaccounts", label: tCommon("backToSubaccounts") }}
        actions={
          can(actor.role, "invitations.create") ? (
            <ButtonLink href="/subaccounts/invite">{tCommon("inviteSubaccount")}</ButtonLink>
          ) : null
        }
      />
      {sent ? <Notice>{t("sent", { email: sent.email })}</Notice> : null}
      {empty ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <InvitationFilters params={params} counts={counts} />
          {page.rows.length === 0 ? (
            <EmptyState>{t("noMatches")}</EmptyState>
          ) : (
            <DataTable
              caption={t("caption")}
              columns={[
                { label: t("status") },
                { label: t("delivery") },
                { label: t("email") },
                { label: t("type") },
                { label: t("sentBy") },
                { label: t("sentAt"), sort: params.sort === "oldest" ? "ascending" : "descending" },
                { label: t("expires") },
              ]}
            >
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link
                      href={`/subaccounts/invitations/${row.id}`}
                      aria-label={t("statusLink", {
                        status: tStatuses(row.status),
                        email: row.email,
                      })}
                      className="rounded-full focus-visible:outline-2"
                    >
                      <StatusBadge status={row.status}>{tStatuses(row.status)}</StatusBadge>
                    </Link>
                  </td>
                  <td className="whitespace-nowrap">
                    {shownDelivery(row.status, row.deliveryStatus)
                      ? tDelivery(row.deliveryStatus)
                      : "—"}
                  </td>
                  <td className="break-all">{row.email}</td>
                  <td>{tTypes(row.subaccountType)}</td>
                  <td>{row.sentBy}</td>
                  <td className="whitespace-nowrap">{date(row.lastSentAt)}</td>
                  <td className="whitespace-nowrap">
                    {showsExpiry(row.status) ? date(row.expiresAt) : "—"}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pager path="/subaccounts/invitations" filters={filters} page={page} />
        </>
      )}
    </>
  );
}
