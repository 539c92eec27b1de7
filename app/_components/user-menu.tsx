import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction, signOutAction } from "@/app/_actions/session";
import type { Actor } from "@/lib/auth/actor";
import { Disclosure } from "./disclosure";
import { LOCALES } from "@/lib/enums";

export async function UserMenu({ actor }: { actor: Actor }) {
  const t = await getTranslations("userMenu");
  const tRoles = await getTranslations("roles");
  const locale = await getLocale();
  const names = { en: t("english"), de: t("german") };
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
      <form action={setLocaleAction} className="mb-3">
        <fieldset>
          <legend className="mb-1 text-xs font-semibold text-slate-600 uppercase">
            {t("language")}
          </legend>
          <div className="flex gap-2">
            {LOCALES.map((l) => (
              <button
                key={l}
                name="locale"
                value={l}
                lang={l}
                aria-pressed={l === locale}
                className="aria-pressed:border-brand-600 aria-pressed:bg-brand-50 rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                {names[l]}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
      <form action={signOutAction}>
        <button className="w-full rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:bg-slate-50">
          {t("signOut")}
        </button>
      </form>
    </Disclosure>
  );
}
