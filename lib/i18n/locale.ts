import { LOCALES, type Locale } from "@/lib/enums";
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A link's language (`?lang=de` on the links in emails), passed on by the proxy. */
export const LINK_LOCALE_HEADER = "x-link-locale";
export const LINK_LOCALE_PARAM = "lang";

/** A link into the portal that opens in the language its email was written in. */
export function linkInLanguage(url: string, locale: Locale): string {
  return `${url}${url.includes("?") ? "&" : "?"}${LINK_LOCALE_PARAM}=${locale}`;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The user's saved preference, else the cookie set by the switcher, else the
 * language of the emailed link that was opened, else the browser's languages.
 */
export function pickLocale(sources: {
  userLocale?: string | null;
  cookie?: string | null;
  link?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookie)) return sources.cookie;
  if (isLocale(sources.link)) return sources.link;
  return fromAcceptLanguage(sources.acceptLanguage ?? "") ?? DEFAULT_LOCALE;
}

function fromAcceptLanguage(header: string): Locale | null {
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((e) => e.lang && !Number.isNaN(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((e) => e.lang).find(isLocale) ?? null;
}

/** Each language by its own name, as a language choice shows it to someone who reads it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch" };
