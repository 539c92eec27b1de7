import { createTranslator } from "use-intl/core";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { type Locale } from "@/lib/enums";

const MESSAGES = { en, de } as const;

/** Translations for email templates, which render outside any request. */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "emails" });
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
