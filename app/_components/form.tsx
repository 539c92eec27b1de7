"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, type ReactNode, useId } from "react";
import { useFormStatus } from "react-dom";
import type { FieldError, FormState } from "@/lib/actions/form-state";

export function fieldErrors(state: FormState | undefined, name: string): FieldError[] {
  return state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
}

export function keptValue(state: FormState | undefined, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

/** The form-level message: an alert for errors, a status for success. */
export function FormMessage({ state }: { state: FormState | undefined }) {
  const t = useTranslations();
  if (!state?.message) return null;
  return state.ok ? (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      {t(state.message, state.params)}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {t(state.message, state.params)}
    </p>
  );
}

type FieldProps = {
  label: string;
  name: string;
  state?: FormState;
  hint?: ReactNode;
  errors?: FieldError[];
} & Omit<ComponentProps<"input">, "name">;

export function Field({
  label,
  name,
  state,
  hint,
  errors,
  defaultValue,
  className,
  ...input
}: FieldProps) {
  const t = useTranslations();
  const id = useId();
  const problems = errors ?? fieldErrors(state, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problems.length ? `${id}-error` : undefined;
  return (
    <div className={className ?? "flex flex-col gap-1"}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={keptValue(state, name) ?? defaultValue}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm read-only:bg-slate-100 aria-invalid:border-red-600 sm:text-sm"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {problems.length ? (
        <ul id={errorId} className="text-sm text-red-700">
          {problems.map((p) => (
            <li key={p.code}>{t(p.code, p.params)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, className, ...props }: ComponentProps<"button">) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || props.disabled}
      aria-disabled={pending || undefined}
      className={
        className ??
        "bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white shadow-sm disabled:opacity-60"
      }
      {...props}
    >
      {children}
    </button>
  );
}
