"use client";

import { useId } from "react";

/** The language an email is written in. Language names stay in their own language. */
export function LanguageSelect({ label, defaultValue }: { label: string; defaultValue: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={defaultValue}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="de" lang="de">
          Deutsch
        </option>
      </select>
    </div>
  );
}
