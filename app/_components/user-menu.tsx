import Link from "next/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_actions/session";
import type { Actor } from "@/lib/auth/actor";
import { Disclosure } from "./disclosure";
import { LanguageSwitch } from "./language-switch";

export async function UserMenu({ actor }: { actor: Actor }) {
  const t = await getTranslations("userMenu");
  const [tRoles, tZone, timeZone] = await Promise.all([
    getTranslations("roles"),
    getTranslations("timeZone"),
    getTimeZone(),
  ]);
  return (
    <Disclosure
      label={t("label")}
      buttonContent={
        <span className="block max-w-[9rem] truncate font-medium sm:max-w-[16rem]">
          {actor.name}
        </span>
      }
    >
      <p className="text-sm">{t("signedInAs", { username: actor.username })}</p>
      <p className="mb-3 text-xs text-slate-600">{tRoles(actor.role)}</p>
      <div className="mb-3">
        <LanguageSwitch />
      </div>
      <p className="mb-3 text-sm">
        {tZone("current", { zone: timeZone })}{" "}
        <Link href="/account/time-zone" className="text-brand-700 underline">
          {tZone("change")}
        </Link>
      </p>
      <form action={signOutAction}>
        <button className="w-full rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:bg-slate-50">
          {t("signOut")}
        </button>
      </form>
    </Disclosure>
  );
}
