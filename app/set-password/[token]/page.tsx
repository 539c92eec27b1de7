import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { viewSetPasswordLinkFrom } from "@/lib/users/set-password";
import { SetPasswordForm } from "./set-password-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { SET_PASSWORD_TTL_DAYS } from "@/lib/users/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setPassword"))("title"), robots: { index: false } };
}

export default async function SetPasswordPage({ params }: PageProps<"/set-password/[token]">) {
  const { token } = await params;
  const view = await viewSetPasswordLinkFrom(
    await getDb(),
    {
      token,
      ip: clientIp(await headers(), env().TRUSTED_PROXY_HOPS),
    },
    new Date(),
  );
  const t = await getTranslations("setPassword");
  if (view.state === "rate_limited")
    return (
      <AuthCard title={t("tooManyTitle")} intro={t("tooMany")}>
        {null}
      </AuthCard>
    );
  if (view.state !== "valid")
    return (
      <AuthCard title={t("invalidTitle")} intro={t("invalid", { days: SET_PASSWORD_TTL_DAYS })}>
        {null}
      </AuthCard>
    );
  return (
    <AuthCard
      title={t("title")}
      intro={t("intro", { username: view.username, account: view.accountName })}
    >
      <ClientMessages namespaces={["password", "setPassword"]}>
        <SetPasswordForm token={token} username={view.username} />
      </ClientMessages>
    </AuthCard>
  );
}
