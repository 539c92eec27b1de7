import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable, PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { listAccountUsers } from "@/lib/users/queries";
import { memberActions, userDisplayStatus } from "@/lib/users/rules";
import { AddUserForm } from "./add-user-form";
import { UserRowActions } from "./user-row-actions";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const actor = await requireActor("users.manage");
  const [t, tRoles, format, members] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    getFormatter(),
    listAccountUsers(await getDb(), actor.accountId),
  ]);
  return (
    <ClientMessages namespaces={["roleDescriptions", "roles", "users"]}>
      <div className="flex flex-col gap-6">
        <div>
          <PageHeader title={t("title")} />
          <p className="-mt-4 text-sm text-slate-600">
            {t("intro", { account: actor.accountName })}
          </p>
        </div>
        <DataTable
          caption={t("caption", { account: actor.accountName })}
          columns={[
            { label: t("name") },
            { label: t("username") },
            { label: t("role") },
            { label: t("status") },
            { label: t("lastSignIn") },
            { label: t("actions") },
          ]}
        >
          {members.map((m) => {
            const status = userDisplayStatus(m);
            const offers = memberActions(actor, m);
            return (
              <tr key={m.id}>
                <Cell>
                  <span className="font-medium">{m.name}</span>
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
                  <StatusBadge status={status === "invited" ? "pending" : status}>
                    {t(`statuses.${status}`)}
                  </StatusBadge>
                </Cell>
                <Cell label={t("lastSignIn")} className="sm:whitespace-nowrap">
                  {m.lastSignInAt ? format.dateTime(m.lastSignInAt, "moment") : t("never")}
                </Cell>
                <Cell>
                  {offers.changeRoleAndStatus ? (
                    <UserRowActions
                      userId={m.id}
                      name={m.name}
                      role={m.role}
                      status={m.status}
                      offerLink={offers.resendLink}
                    />
                  ) : null}
                </Cell>
              </tr>
            );
          })}
        </DataTable>
        <section
          aria-labelledby="add-user"
          className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6"
        >
          <h2 id="add-user" className="mb-4 text-lg font-semibold">
            {t("addTitle")}
          </h2>
          <AddUserForm />
        </section>
      </div>
    </ClientMessages>
  );
}
