import { cookies, headers } from "next/headers";
import type { Locale } from "@/lib/enums";
import { LINK_LOCALE_HEADER, LOCALE_COOKIE, pickLocale } from "./locale";

/**
 * The language of this request: the user's own, else the visitor's choice (a
 * cookie), a link's, the browser's. For the pages (i18n/request.ts) and for a
 * server action's answer, from the actor either already has.
 */
export async function requestLocale(userLocale: Locale | null | undefined): Promise<Locale> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return pickLocale({
    userLocale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    link: headerStore.get(LINK_LOCALE_HEADER),
    acceptLanguage: headerStore.get("accept-language"),
  });
}
