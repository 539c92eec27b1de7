"use client";

import type { ComponentProps, ReactNode } from "react";
import { useField } from "./runtime";
import { describedBy, FieldNotes, labelClass } from "./field-notes";

const selectClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600 sm:text-sm";

/** A select with its label, hint and errors, showing what was chosen after a refusal. */
export function SelectField({
  label,
  name,
  options,
  hint,
  srLabel,
  defaultValue,
  className,
  ...select
}: {
  label: string;
  name: string;
  options: { value: string; label: string; lang?: string }[];
  hint?: ReactNode;
  srLabel?: boolean;
} & Omit<ComponentProps<"select">, "name" | "id" | "children">) {
  const { id, errors, kept } = useField(name, label);
  const controlled = "value" in select;
  return (
    <div className={className ?? "flex flex-col gap-1"}>
      <label htmlFor={id} className={srLabel ? "sr-only" : labelClass}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={controlled ? undefined : (kept?.[0] ?? defaultValue)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={selectClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
