import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/redirect";
import { env } from "@/lib/env";
import { isSetupOpen } from "@/lib/auth/setup";
import { SignInForm } from "./sign-in-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { returnTo, ready } = await searchParams;
  const target = safeReturnPath(returnTo, env().APP_URL);
  if (await currentActor()) redirect(target);
  if (await isSetupOpen(await getDb())) redirect("/setup");
  const [t, tForgot] = await Promise.all([
    getTranslations("signIn"),
    getTranslations("forgotPassword"),
  ]);
  // After an accepted invitation or a chosen password whose automatic sign-in did not go through.
  const isReady = ready === "1";
  return (
    <AuthCard
      title={isReady ? t("readyTitle") : t("title")}
      intro={isReady ? t("ready") : t("intro")}
    >
      <ClientMessages namespaces={["signIn"]}>
        <SignInForm returnTo={target} />
      </ClientMessages>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {tForgot("link")}
        </Link>
      </p>
    </AuthCard>
  );
}
