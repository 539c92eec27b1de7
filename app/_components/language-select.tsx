"use client";

import { LOCALES } from "@/lib/enums";
import { LOCALE_NAMES } from "@/lib/i18n/locale";
import { SelectField } from "./form/select-field";

/** The language an email is written in. Language names stay in their own language. */
export function LanguageSelect({ label, defaultValue }: { label: string; defaultValue: string }) {
  return (
    <SelectField
      label={label}
      name="locale"
      defaultValue={defaultValue}
      options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
    />
  );
}
