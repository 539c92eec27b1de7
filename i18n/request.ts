import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/next-auth";
import { requestLocale } from "@/lib/i18n/request-locale";
import { DATE_TIME_FORMATS, DEFAULT_TIME_ZONE } from "@/lib/i18n/time";

export default getRequestConfig(async () => {
  const actor = await currentActor();
  const locale = await requestLocale(actor?.locale);
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Every date and time in the reader's own zone, each labelled with it.
    timeZone: actor?.timeZone ?? DEFAULT_TIME_ZONE,
    formats: { dateTime: DATE_TIME_FORMATS },
  };
});
