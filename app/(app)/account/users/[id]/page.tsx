import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/app/_components/client-messages";
import { Facts, Section } from "@/app/_components/section";
import { PageHeader, StatusBadge } from "@/app/_components/ui";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/require";
import { getAccountUser } from "@/lib/users/queries";
import { memberActions, userDisplayStatus } from "@/lib/users/rules";
import { UserRowActions } from "../user-row-actions";

async function load(params: PageProps<"/account/users/[id]">["params"]) {
  const actor = await requireActor("users.manage");
  const id = z.uuid().safeParse((await params).id);
  // Scoped to the actor's account: anyone else's user is simply not found.
  const member = id.success ? await getAccountUser(await getDb(), actor.accountId, id.data) : null;
  return { actor, member };
}

export async function generateMetadata({
  params,
}: PageProps<"/account/users/[id]">): Promise<Metadata> {
  const { member } = await load(params);
  return { title: member?.name ?? (await getTranslations("users"))("title") };
}

/** One user of the account: who they are, their settings, and what an Administrator may change. */
export default async function UserPage({ params }: PageProps<"/account/users/[id]">) {
  const { actor, member } = await load(params);
  if (!member) notFound();
  const [t, tRoles, tLanguages, format] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("common.languages"),
    getFormatter(),
  ]);
  const status = userDisplayStatus(member);
  const offers = memberActions(actor, member);
  return (
    <ClientMessages namespaces={["roleDescriptions", "roles", "users"]}>
      <div className="flex max-w-3xl flex-col gap-6">
        <PageHeader
          title={member.id === actor.userId ? `${member.name} (${t("you")})` : member.name}
          back={{ href: "/account/users", label: t("back") }}
        />
        <Section id="user-overview" title={t("overview")}>
          <Facts
            items={[
              [t("username"), member.username],
              [t("email"), member.email],
              [t("role"), tRoles(member.role)],
              [
                t("status"),
                <StatusBadge key="status" status={status}>
                  {t(`statuses.${status}`)}
                </StatusBadge>,
              ],
              [
                t("lastSignIn"),
                member.lastSignInAt ? format.dateTime(member.lastSignInAt, "moment") : t("never"),
              ],
              [t("language"), member.locale ? tLanguages(member.locale) : "—"],
              [t("timeZone"), member.timeZone ?? t("timeZoneNotSet")],
              [t("addedOn"), format.dateTime(member.createdAt, "day")],
            ]}
          />
        </Section>
        {offers.changeRoleAndStatus ? (
          <Section id="user-access" title={t("access")}>
            <UserRowActions
              userId={member.id}
              name={member.name}
              role={member.role}
              status={member.status}
              offerLink={offers.resendLink}
            />
          </Section>
        ) : member.id === actor.userId ? (
          <p className="text-sm text-slate-600">{t("ownAccess")}</p>
        ) : null}
      </div>
    </ClientMessages>
  );
}
