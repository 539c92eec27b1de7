import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { RowAnnouncer } from "@/app/_components/row-announcer";
import { StatusTabs } from "@/app/_components/status-tabs";
import {
  ButtonLink,
  DataTable,
  dateOrderColumn,
  EmptyState,
  orderColumn,
  Notice,
  PageHeader,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { subaccountTypesOnOffer } from "@/lib/subaccounts/queries";
import { subaccountListOffers } from "@/lib/subaccounts/rules";
import { requireActor } from "@/lib/auth/require";
import { invitationActions, shownDelivery } from "@/lib/invitations/rules";
import { invitationOrder, ordersByExpiry, showsExpiry } from "@/lib/invitations/status";
import { DISPLAY_STATUSES } from "@/lib/invitations/constants";
import { DATE_TIME_FORMATS } from "@/lib/i18n/time";
import { queryString } from "@/lib/url";
import { Pager } from "@/app/_components/pager";
import {
  getInvitationDetail,
  invitationCounts,
  invitationListParams,
  invitationListTotal,
  listInvitations,
} from "@/lib/invitations/queries";
import { InvitationFilters } from "./filters";
import { InvitationSelection } from "./selection";
import { can } from "@/lib/auth/permissions";
import { BATCH_PERMISSION } from "@/lib/batches/kinds";
import { ACTION_KINDS } from "@/lib/batches/select";
import { type InvitationRowData, InvitationRows, type Moment } from "./invitation-rows";

// The time of `moment` without its day: the list shows the day and the time on two lines.
const { hour, minute, timeZoneName } = DATE_TIME_FORMATS.moment;
const TIME_OF_DAY = { hour, minute, timeZoneName };

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
  const [
    t,
    tCommon,
    tStatuses,
    tDelivery,
    tTypes,
    tSelection,
    format,
    page,
    counts,
    sent,
    onOffer,
  ] = await Promise.all([
    getTranslations("invitations"),
    getTranslations("common"),
    getTranslations("invitationStatuses"),
    getTranslations("deliveryStatuses"),
    getTranslations("accountTypes"),
    getTranslations("invitationSelection"),
    getFormatter(),
    listInvitations(db, actor.accountId, params, now),
    invitationCounts(db, actor.accountId, now),
    sentId.success ? getInvitationDetail(db, actor.accountId, sentId.data, now) : null,
    subaccountTypesOnOffer(db, actor.accountId),
  ]);
  const offers = subaccountListOffers(actor, onOffer);
  const filtered = !!(
    params.status ||
    params.q ||
    params.delivery ||
    params.expiring ||
    params.after ||
    params.before
  );
  const empty = page.rows.length === 0 && !filtered && counts.all === 0;
  const order = invitationOrder(params);
  const byExpiry = ordersByExpiry(params.status);
  const filters = {
    status: params.status,
    q: params.q,
    delivery: params.delivery,
    expiring: params.expiring,
    sort: order === "newest" ? undefined : order,
  };
  const path = "/subaccounts/invitations";
  const when = (d: Date): Moment => [format.dateTime(d, "day"), format.dateTime(d, TIME_OF_DAY)];
  const total = invitationListTotal(counts, params);
  // The actions on many rows the reader may take: none, and the list has no selection.
  const selectable = ACTION_KINDS.filter((kind) => can(actor.role, BATCH_PERMISSION[kind]));

  return (
    <ClientMessages namespaces={["invitationActions", "invitationSelection"]}>
      <PageHeader
        title={t("title")}
        back={{ href: "/subaccounts", label: tCommon("backToSubaccounts") }}
        actions={
          <>
            {offers.invite ? (
              <>
                <ButtonLink href="/subaccounts/invite">{tCommon("inviteSubaccount")}</ButtonLink>
                <ButtonLink href="/subaccounts/invitations/bulk" variant="secondary">
                  {t("inviteBulk")}
                </ButtonLink>
              </>
            ) : null}
            {empty ? null : (
              // A plain link: the file downloads; client-side navigation would not.
              <a
                href={`${path}/export${queryString(filters)}`}
                download
                className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
              >
                {t("exportCsv")}
              </a>
            )}
          </>
        }
      />
      {sent ? <Notice>{t("sent", { email: sent.email })}</Notice> : null}
      {empty ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <StatusTabs
            label={tCommon("statusTabs")}
            all={t("all")}
            statuses={DISPLAY_STATUSES}
            counts={counts}
            name={(status) => tStatuses(status)}
            list={{ path, filters, status: params.status }}
          />
          <InvitationFilters params={params} order={order} byExpiry={byExpiry} />
          {/* Around the empty state too: canceling the last row of a tab still says so. */}
          <RowAnnouncer>
            {page.rows.length === 0 ? (
              <EmptyState>{t("noMatches")}</EmptyState>
            ) : (
              <InvitationSelection
                pageIds={page.rows.map((row) => row.id)}
                total={total}
                filter={queryString(filters).slice(1)}
                kinds={selectable}
              >
                <DataTable
                  caption={t("caption")}
                  columns={[
                    ...(selectable.length > 0 ? [{ label: tSelection("select") }] : []),
                    { label: t("status") },
                    { label: t("delivery") },
                    { label: t("email") },
                    { label: t("type") },
                    { label: t("sentBy") },
                    dateOrderColumn(t("sentAt"), { path, filters, sort: order }),
                    byExpiry
                      ? orderColumn(
                          t("expires"),
                          { path, filters, sort: order, defaultSort: "newest" },
                          { ascending: "expires", descending: "expiresLatest" },
                          "ascending",
                        )
                      : { label: t("expires") },
                    { label: t("actions") },
                  ]}
                >
                  <InvitationRows
                    labels={{
                      delivery: t("delivery"),
                      email: t("email"),
                      type: t("type"),
                      sentBy: t("sentBy"),
                      sent: t("sentAt"),
                      expires: t("expires"),
                    }}
                    rows={page.rows.map((row): InvitationRowData => {
                      const offers = invitationActions(actor, row, now);
                      const statusText = tStatuses(row.status);
                      return {
                        id: row.id,
                        email: row.email,
                        status: row.status,
                        statusText,
                        linkLabel: t("statusLink", { status: statusText, email: row.email }),
                        delivery: shownDelivery(row.status, row.deliveryStatus)
                          ? tDelivery(row.deliveryStatus)
                          : null,
                        type: tTypes(row.subaccountType),
                        sentBy: row.sentBy,
                        sent: when(row.lastSentAt),
                        expires: showsExpiry(row.status) ? when(row.expiresAt) : null,
                        resend: offers.resend,
                        cancel: offers.cancel,
                        extend: offers.extend,
                        sendAgain: offers.sendAgain,
                      };
                    })}
                  />
                </DataTable>
              </InvitationSelection>
            )}
          </RowAnnouncer>
          <Pager path={path} filters={filters} params={params} page={page} total={total} />
        </>
      )}
    </ClientMessages>
  );
}
