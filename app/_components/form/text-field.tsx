"use client";

import type { ComponentProps, ReactNode } from "react";
import { useField } from "./runtime";
import { describedBy, FieldNotes, labelClass } from "./field-notes";

const controlClass = "input";

type FieldProps = {
  label: string;
  name: string;
  hint?: ReactNode;
  /** Hide the label visually (it still names the control). */
  srLabel?: boolean;
} & Omit<ComponentProps<"input">, "name" | "id">;

/** A text input with its label, hint and errors. Passwords start empty after each answer. */
export function Field({
  label,
  name,
  hint,
  srLabel,
  defaultValue,
  className,
  type,
  ...input
}: FieldProps) {
  const { id, errors, kept, attempt } = useField(name, label);
  const secret = type === "password";
  return (
    <div className={className ?? "flex flex-col gap-1"}>
      <label htmlFor={id} className={srLabel ? "sr-only" : labelClass}>
        {label}
      </label>
      <input
        key={secret ? attempt : undefined}
        id={id}
        name={name}
        type={type}
        defaultValue={secret || "value" in input ? undefined : (kept?.[0] ?? defaultValue)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={controlClass}
        {...input}
      />
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/**
 * A username: typed exactly, never capitalized or corrected by a phone's keyboard.
 * `autoComplete="off"` where someone types another person's username.
 */
export function UsernameField({
  label,
  name = "username",
  autoComplete = "username",
}: {
  label: string;
  name?: string;
  autoComplete?: "username" | "off";
}) {
  return (
    <Field
      label={label}
      name={name}
      required
      autoComplete={autoComplete}
      autoCapitalize="none"
      spellCheck={false}
    />
  );
}
