import { type Locale } from "@/lib/enums";
import { namespaceTranslator } from "@/lib/i18n/translator";

/** Translations for email templates, which render outside any request. */
export function emailTranslator(locale: Locale) {
  return namespaceTranslator(locale, "emails");
}

export function formatEmailDate(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(date);
}
