"use client";

import { setLocaleAction } from "@/app/_actions/session";
import { LOCALES, type Locale } from "@/lib/enums";
import { LOCALE_NAMES } from "@/lib/i18n/locale";

/**
 * The languages as buttons, each named in its own language; the one in use is
 * pressed. A plain form, so it works before (or without) scripts. A visitor's
 * choice is kept in a cookie, a user's in their profile.
 */
export function LanguageForm({
  label,
  locale,
  compact = false,
}: {
  label: string;
  locale: string;
  compact?: boolean;
}) {
  return (
    <form action={setLocaleAction}>
      <fieldset className={compact ? "flex items-center gap-1" : ""}>
        <legend
          className={compact ? "sr-only" : "mb-1 text-xs font-semibold text-slate-600 uppercase"}
        >
          {label}
        </legend>
        <div className="flex gap-2">
          {LOCALES.map((l: Locale) => (
            <button
              key={l}
              name="locale"
              value={l}
              lang={l}
              aria-pressed={l === locale}
              className="aria-pressed:border-brand-600 aria-pressed:bg-brand-50 rounded-md border border-slate-300 px-2 py-1 text-sm"
            >
              {LOCALE_NAMES[l]}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
