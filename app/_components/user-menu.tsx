import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { UserMenuPanel } from "./user-menu-panel";

export async function UserMenu({ actor }: { actor: Actor }) {
  const [t, tRoles, tZone, tCommon, timeZone, locale] = await Promise.all([
    getTranslations("userMenu"),
    getTranslations("roles"),
    getTranslations("timeZone"),
    getTranslations("common"),
    getTimeZone(),
    getLocale(),
  ]);
  return (
    <UserMenuPanel
      locale={locale}
      text={{
        label: t("label"),
        name: actor.name,
        signedInAs: t("signedInAs", { username: actor.username }),
        role: tRoles(actor.role),
        language: tCommon("language"),
        zone: tZone("current", { zone: timeZone }),
        changeZone: tZone("change"),
        signOut: t("signOut"),
      }}
    />
  );
}
