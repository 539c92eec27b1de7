"use client";

import { SelectField } from "./form";

/** The language an email is written in. Language names stay in their own language. */
export function LanguageSelect({ label, defaultValue }: { label: string; defaultValue: string }) {
  return (
    <SelectField
      label={label}
      name="locale"
      defaultValue={defaultValue}
      options={[
        { value: "en", label: "English", lang: "en" },
        { value: "de", label: "Deutsch", lang: "de" },
      ]}
    />
  );
}
