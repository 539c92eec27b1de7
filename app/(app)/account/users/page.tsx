import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { Section } from "@/app/_components/section";
import { FilterBar, FilterSearch } from "@/app/_components/filter-bar";
import { OffsetPager } from "@/app/_components/pager";
import { StatusTabs } from "@/app/_components/status-tabs";
import {
  Cell,
  DataTable,
  EmptyState,
  PageHeader,
  Row,
  RowActions,
  RowLink,
  sortColumn,
  StatusBadge,
} from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { listUsersPage, userListParams } from "@/lib/users/queries";
import { memberActions, USER_DISPLAY_STATUSES, userDisplayStatus } from "@/lib/users/rules";
import { AddUserForm } from "./add-user-form";
import { UserRowActions } from "./user-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: PageProps<"/account/users">) {
  const actor = await requireActor("users.manage");
  const params = userListParams.parse(await searchParams);
  const [t, tCommon, tRoles, format, page] = await Promise.all([
    getTranslations("users"),
    getTranslations("common"),
    getTranslations("roles"),
    getFormatter(),
    listUsersPage(await getDb(), actor.accountId, params),
  ]);
  const path = "/account/users";
  const filters = {
    q: params.q,
    status: params.status,
    sort: params.sort === "username" ? undefined : params.sort,
  };
  const order = { path, filters, sort: params.sort, defaultSort: "username" };
  return (
    <ClientMessages namespaces={["roleDescriptions", "roles", "users"]}>
      <div className="flex flex-col gap-6">
        <div>
          <PageHeader title={t("title")} />
          <p className="-mt-4 text-sm text-slate-600">
            {t("intro", { account: actor.accountName })}
          </p>
        </div>
        <div>
          <StatusTabs
            label={tCommon("statusTabs")}
            all={t("all")}
            statuses={USER_DISPLAY_STATUSES}
            counts={page.counts}
            name={(status) => t(`statuses.${status}`)}
            list={{ path, filters, status: params.status }}
          />
          <FilterBar
            label={t("filters")}
            resetHref={path}
            keep={{ status: filters.status, sort: filters.sort }}
          >
            <FilterSearch id="filter-q" label={t("search")} value={params.q ?? ""} />
          </FilterBar>
          {page.rows.length === 0 ? (
            <EmptyState>{t("noMatches")}</EmptyState>
          ) : (
            <DataTable
              caption={t("caption", { account: actor.accountName })}
              columns={[
                { label: t("name") },
                sortColumn(t("username"), order, "username", "ascending"),
                { label: t("role") },
                { label: t("status") },
                sortColumn(t("lastSignIn"), order, "lastSignIn", "descending"),
                { label: t("actions") },
              ]}
            >
              {page.rows.map((m) => {
                const status = userDisplayStatus(m);
                const offers = memberActions(actor, m);
                return (
                  <Row key={m.id}>
                    <Cell>
                      <RowLink
                        href={`/account/users/${m.id}`}
                        className="text-brand-700 font-medium underline"
                      >
                        {m.name}
                      </RowLink>
                      {m.id === actor.userId ? (
                        <span className="text-slate-600"> ({t("you")})</span>
                      ) : null}
                      <span className="block w-full [overflow-wrap:anywhere] text-slate-600">
                        {m.email}
                      </span>
                    </Cell>
                    <Cell label={t("username")} className="[overflow-wrap:anywhere]">
                      {m.username}
                    </Cell>
                    <Cell label={t("role")}>{tRoles(m.role)}</Cell>
                    <Cell label={t("status")}>
                      <StatusBadge status={status}>{t(`statuses.${status}`)}</StatusBadge>
                    </Cell>
                    <Cell label={t("lastSignIn")} className="sm:whitespace-nowrap">
                      {m.lastSignInAt ? format.dateTime(m.lastSignInAt, "moment") : t("never")}
                    </Cell>
                    <Cell>
                      {offers.changeRoleAndStatus ? (
                        <RowActions>
                          <UserRowActions
                            userId={m.id}
                            name={m.name}
                            role={m.role}
                            status={m.status}
                            offerLink={offers.resendLink}
                          />
                        </RowActions>
                      ) : null}
                    </Cell>
                  </Row>
                );
              })}
            </DataTable>
          )}
          <OffsetPager path={path} filters={filters} range={page.range} total={page.total} />
        </div>
        <Section id="add-user" title={t("addTitle")} variant="form">
          <AddUserForm />
        </Section>
      </div>
    </ClientMessages>
  );
}
