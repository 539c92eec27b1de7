import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <AuthCard title={t("notFoundTitle")} intro={t("notFound")}>
      <Link href="/" className="text-brand-700 underline">
        {t("backHome")}
      </Link>
    </AuthCard>
  );
}
