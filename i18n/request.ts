import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/next-auth";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locale";

export default getRequestConfig(async () => {
  const [actor, cookieStore, headerStore] = await Promise.all([
    currentActor(),
    cookies(),
    headers(),
  ]);
  const locale = pickLocale({
    userLocale: actor?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
