"use client";

import type { ComponentProps } from "react";
import { useField } from "./runtime";
import { describedBy, FieldNotes, labelClass } from "./field-notes";

/** One checkbox with its label; after a refusal it shows whether it was ticked. */
export function CheckboxField({
  label,
  name,
  value = "on",
  defaultChecked,
  className,
  ...rest
}: {
  label: string;
  name: string;
  value?: string;
} & Omit<ComponentProps<"input">, "name" | "id" | "type" | "value">) {
  const { id, errors, kept } = useField(name, label);
  const controlled = "checked" in rest;
  return (
    <div className={className ?? "flex flex-col gap-1"}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={controlled ? undefined : kept ? kept.includes(value) : defaultChecked}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(id, undefined, errors)}
          className="size-4"
          {...rest}
        />
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
      </div>
      <FieldNotes id={id} errors={errors} />
    </div>
  );
}

/** Several checkboxes under one name (a multi-select); keeps every ticked box after a refusal. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValue = [],
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string[];
}) {
  const { id, errors, kept } = useField(name, legend);
  const chosen = kept ?? defaultValue;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy(id, undefined, errors)}>
      <legend className={`mb-1 ${labelClass}`}>{legend}</legend>
      {options.map((o, index) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input
            id={index === 0 ? id : `${id}-${index}`}
            type="checkbox"
            name={name}
            value={o.value}
            defaultChecked={chosen.includes(o.value)}
            className="size-4"
          />
          {o.label}
        </label>
      ))}
      <FieldNotes id={id} errors={errors} />
    </fieldset>
  );
}

/** A group of radio buttons with a legend, showing the choice after a refusal. */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  disabled,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  disabled?: boolean;
}) {
  const { id, errors, kept } = useField(name, legend);
  const chosen = kept?.[0] ?? defaultValue;
  return (
    <fieldset
      disabled={disabled}
      className="flex flex-col gap-1"
      aria-describedby={describedBy(id, undefined, errors)}
    >
      <legend className={`mb-1 ${labelClass}`}>{legend}</legend>
      {options.map((o, index) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input
            id={index === 0 ? id : `${id}-${index}`}
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={chosen === o.value}
            aria-invalid={errors.length > 0 || undefined}
            className="size-4"
          />
          {o.label}
        </label>
      ))}
      <FieldNotes id={id} errors={errors} />
    </fieldset>
  );
}
