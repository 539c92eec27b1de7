import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav } from "@/app/_components/main-nav";
import { NavLink } from "@/app/_components/nav-link";
import { UserMenu } from "@/app/_components/user-menu";
import { requireActor } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/db";
import { instanceEmailStatus } from "@/lib/email/worker";
import { env } from "@/lib/env";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  // Administrators learn at once when email cannot go out (a revoked key, no transport).
  const email = can(actor.role, "instance.emailStatus")
    ? await instanceEmailStatus(await getDb())
    : null;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2">
        <div className="flex min-w-0 items-baseline gap-3">
          <span className="text-brand-700 shrink-0 font-bold">{t("app.name")}</span>
          <span className="truncate text-sm text-slate-600" title={actor.accountName}>
            {actor.accountName}
          </span>
        </div>
        <UserMenu actor={actor} />
      </header>
      <div className="flex flex-col md:flex-row">
        <MainNav label={t("nav.label")} menuLabel={t("nav.menu")}>
          <li>
            <NavLink href="/">{t("nav.home")}</NavLink>
          </li>
          <li>
            <NavLink href="/subaccounts">{t("nav.subaccounts")}</NavLink>
          </li>
          {can(actor.role, "contracts.manage") ? (
            <li>
              <NavLink href="/contracts">{t("nav.contracts")}</NavLink>
            </li>
          ) : null}
          {can(actor.role, "users.manage") ? (
            <li>
              <NavLink href="/account/users">{t("nav.users")}</NavLink>
            </li>
          ) : null}
          {can(actor.role, "apiKeys.manage") ? (
            <li>
              <NavLink href="/account/api-keys">{t("nav.apiKeys")}</NavLink>
            </li>
          ) : null}
          {can(actor.role, "webhooks.manage") ? (
            <li>
              <NavLink href="/account/webhooks">{t("nav.webhooks")}</NavLink>
            </li>
          ) : null}
          {can(actor.role, "account.edit") ? (
            <li>
              <NavLink href="/account/invitations">{t("nav.invitationSettings")}</NavLink>
            </li>
          ) : null}
          {env().devMailbox ? (
            <li>
              <a
                href="/dev/mailbox"
                target="_blank"
                className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {t("nav.mailbox")}
              </a>
            </li>
          ) : null}
        </MainNav>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
          {email?.state === "paused" ? (
            <p
              role="alert"
              className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
            >
              {t("app.emailPaused", { reason: email.reason })}
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
