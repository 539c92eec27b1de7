import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/next-auth";
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
    timeZone: "UTC",
  };
});
