import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/next-auth";
import { DATE_TIME_FORMATS, DEFAULT_TIME_ZONE } from "@/lib/i18n/time";
import { LINK_LOCALE_HEADER, LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locale";

export default getRequestConfig(async () => {
  const [actor, cookieStore, headerStore] = await Promise.all([
    currentActor(),
    cookies(),
    headers(),
  ]);
  const locale = pickLocale({
    userLocale: actor?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    link: headerStore.get(LINK_LOCALE_HEADER),
    acceptLanguage: headerStore.get("accept-language"),
  });
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Every date and time in the reader's own zone, each labelled with it.
    timeZone: actor?.timeZone ?? DEFAULT_TIME_ZONE,
    formats: { dateTime: DATE_TIME_FORMATS },
  };
});
