import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/app/_components/section";
import {
  Cell,
  DataTable,
  EmptyState,
  Notice,
  PageHeader,
  Row,
  RowLink,
  sortColumn,
  StatusBadge,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { contractListParams, listContractsPage } from "@/lib/contracts/queries";
import { contractStatus } from "@/lib/contracts/rules";
import { CONTRACT_STATUSES } from "@/lib/enums";
import { OffsetPager } from "@/app/_components/pager";
import { StatusTabs } from "@/app/_components/status-tabs";
import { ContractForm } from "./contract-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("title") };
}

export default async function ContractsPage({ searchParams }: PageProps<"/contracts">) {
  const actor = await requireActor("contracts.manage");
  const raw = await searchParams;
  const params = contractListParams.parse(raw);
  const now = new Date();
  const [t, tCommon, format, page] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("common"),
    getFormatter(),
    listContractsPage(await getDb(), actor.accountId, params, now),
  ]);
  const deleted = raw.deleted === "1";
  const path = "/contracts";
  const filters = { status: params.status, sort: params.sort === "name" ? undefined : params.sort };
  const order = { path, filters, sort: params.sort, defaultSort: "name" };
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), "calendarDay");
  return (
    <ClientMessages namespaces={["common", "contracts"]}>
      <div className="flex max-w-4xl flex-col gap-6">
        <div>
          <PageHeader title={t("title")} />
          <p className="-mt-4 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {deleted ? <Notice>{t("deleted")}</Notice> : null}
        {page.counts.all === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <div>
            <StatusTabs
              label={tCommon("statusTabs")}
              all={t("all")}
              statuses={CONTRACT_STATUSES}
              counts={page.counts}
              name={(status) => t(`statuses.${status}`)}
              list={{ path, filters, status: params.status }}
            />
            {page.rows.length === 0 ? (
              <EmptyState>{t("noMatches")}</EmptyState>
            ) : (
              <DataTable
                caption={t("caption", { account: actor.accountName })}
                columns={[
                  sortColumn(t("name"), order, "name", "ascending"),
                  { label: t("status") },
                  sortColumn(t("term"), order, "term", "descending"),
                  { label: tCommon("billing") },
                  { label: tCommon("pricing") },
                  { label: t("usedBy") },
                ]}
              >
                {page.rows.map((c) => {
                  const status = contractStatus(c, now);
                  return (
                    <Row key={c.id}>
                      <Cell>
                        <RowLink
                          href={`/contracts/${c.id}`}
                          className="text-brand-700 font-medium underline"
                        >
                          {c.name}
                        </RowLink>
                      </Cell>
                      <Cell label={t("status")}>
                        <StatusBadge status={status}>{t(`statuses.${status}`)}</StatusBadge>
                      </Cell>
                      <Cell label={t("term")} className="sm:whitespace-nowrap">
                        {day(c.startsOn)} – {c.endsOn ? day(c.endsOn) : t("openEnded")}
                      </Cell>
                      <Cell label={tCommon("billing")}>{tCommon(`billingModes.${c.billing}`)}</Cell>
                      <Cell label={tCommon("pricing")}>{tCommon(`pricingModes.${c.pricing}`)}</Cell>
                      <Cell label={t("usedBy")} className="tabular-nums">
                        {c.subaccounts
                          ? t("subaccountCount", { count: c.subaccounts })
                          : t("noSubaccounts")}
                      </Cell>
                    </Row>
                  );
                })}
              </DataTable>
            )}
            <OffsetPager path={path} filters={filters} range={page.range} total={page.total} />
          </div>
        )}
        <Section id="new-contract" title={t("createTitle")}>
          <ContractForm />
        </Section>
      </div>
    </ClientMessages>
  );
}
