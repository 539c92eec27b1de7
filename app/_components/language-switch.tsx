import { getLocale, getTranslations } from "next-intl/server";
import { LanguageForm } from "./language-form";

/** The language buttons (LanguageForm) in the reader's language, the one in use pressed. */
export async function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return <LanguageForm label={t("language")} locale={locale} compact={compact} />;
}
