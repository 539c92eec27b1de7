import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { ClientMessages } from "@/app/_components/client-messages";
import { currentActor } from "@/lib/auth/next-auth";
import { RESET_PASSWORD_TTL_HOURS } from "@/lib/users/rules";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  if (await currentActor()) redirect("/");
  const t = await getTranslations("forgotPassword");
  return (
    <AuthCard title={t("title")} intro={t("intro", { hours: RESET_PASSWORD_TTL_HOURS })}>
      <ClientMessages namespaces={["forgotPassword"]}>
        <ForgotPasswordForm />
      </ClientMessages>
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </AuthCard>
  );
}
