import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { getDb } from "@/db";
import { isSetupOpen } from "@/lib/auth/setup";
import { setupCodeRequired } from "@/lib/auth/setup-code";
import { env } from "@/lib/env";
import { SetupForm } from "./setup-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage() {
  // Closed for good once the first account exists.
  if (!(await isSetupOpen(await getDb()))) notFound();
  const t = await getTranslations("setup");
  return (
    <AuthCard title={t("title")} intro={t("intro")} wide>
      <ClientMessages namespaces={["password", "setup"]}>
        <SetupForm codeRequired={setupCodeRequired(env())} />
      </ClientMessages>
    </AuthCard>
  );
}
